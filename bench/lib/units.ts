import type { LapkinConfig, Person, Role, UnitConfig } from '../../functions/core/config.ts';

/** Kota Tangerang has 13 kecamatan: the bench spreads its reports over as many units. */
export const KECAMATAN_OF_A_CITY = 13;

/**
 * A bench-only configuration: `count` fictional kecamatan made from the sample's first unit (its people, each
 * with the unit's number in the name, NIP and address), in place of the sample's units. cdk.json is untouched.
 */
export function benchUnitsConfig(base: LapkinConfig, count = KECAMATAN_OF_A_CITY): LapkinConfig {
  const first = base.units[0];
  if (!first) throw new Error('bench: the sample configuration has no unit');
  const units = Array.from({ length: count }, (_, i) => benchUnit(first, i + 1));
  return { ...base, units };
}

export const benchUnitCode = (n: number) => `kecamatan-uji-${String(n).padStart(2, '0')}`;

function benchUnit(from: UnitConfig, n: number): UnitConfig {
  const nn = String(n).padStart(2, '0');
  const code = benchUnitCode(n);
  const people: Partial<Record<Role, Person>> = {};
  for (const [role, p] of Object.entries(from.people) as [Role, Person][]) {
    const [local, domain] = p.email.split('@');
    people[role] = {
      ...p,
      name: `${p.name} (${nn})`,
      // Same 18 digits shape; the last two carry the unit's number.
      nip: `${p.nip.slice(0, 16)}${nn}`,
      email: `${local}.${code}@${domain}`,
    };
  }
  return {
    ...from,
    organization: {
      ...from.organization,
      name: `Kecamatan Uji ${nn}`,
      unitCode: code,
      address: `Jl. Contoh Fiktif No. ${n}, Kota Tangerang`,
    },
    people,
  };
}
