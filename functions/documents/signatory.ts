import { DEFAULT_ROLE_TITLES, type Role, type UnitKind } from '../core/config.ts';

import type { Lang } from '../i18n/lang.ts';

/** What a report document needs to know about its unit to name the people who initial and sign it. */
export interface Signatory {
  kind: UnitKind;
  roleTitles: Record<Role, string>;
}

/** Data assembled before units had titles came from the one kecamatan lapkin served then. */
export function signatoryOf(report: { kind?: UnitKind; roleTitles?: Partial<Record<Role, string>> }): Signatory {
  const kind = report.kind ?? 'KECAMATAN';
  return { kind, roleTitles: { ...DEFAULT_ROLE_TITLES[kind], ...report.roleTitles } };
}

/** "Kecamatan Karawaci" → "Karawaci": the place name used in a kecamatan's signature line and its Camat's title. */
export function placeName(organizationName: string): string {
  return organizationName.replace(/^kecamatan\s+/i, '').trim() || organizationName;
}

/** "Pemerintah Kota Tangerang" → "Tangerang": where a city's OPD dates its documents. */
export function cityName(parent: string): string {
  return (
    parent
      .replace(/^pemerintah(an)?\s+/i, '')
      .replace(/^(daerah\s+)?(kota|kabupaten|provinsi)\s+/i, '')
      .trim() || parent
  );
}

/** The place before the date above the signature: the kecamatan itself, or the city an OPD belongs to. */
export function signaturePlace(org: { name: string; parent: string }, kind: UnitKind): string {
  return kind === 'KECAMATAN' ? placeName(org.name) : cityName(org.parent);
}

// Words an OPD's head title may use for "this unit" instead of its name (the SOP's own "Kepala OPD").
const GENERIC_UNIT = /^(opd|perangkat daerah|skpd|unit( kerja)?)$/i;

/**
 * The head's title above the signature, as a letter of that office writes it: "CAMAT KARAWACI" (the title and the
 * kecamatan's place name), "KEPALA DINAS ARSIP DAN PERPUSTAKAAN" (a head titled "Kepala Dinas" of "Dinas Arsip dan
 * Perpustakaan": the title's first word and the unit's full name, not "Kepala Dinas Dinas …"), "DIREKTUR RSUD …".
 */
export function headSignatureLine(org: { name: string }, signatory: Signatory, lang: Lang): string {
  const title = signatory.roleTitles.CAMAT.trim();
  const name = org.name.trim();
  if (lang === 'en')
    return (
      signatory.kind === 'KECAMATAN' ? `Head of ${placeName(name)} Sub-district` : `Head of ${name}`
    ).toUpperCase();
  if (title.toLowerCase().includes(name.toLowerCase())) return title.toUpperCase();
  if (signatory.kind === 'KECAMATAN') return `${title} ${placeName(name)}`.toUpperCase();
  const [first, ...rest] = title.split(/\s+/);
  const tail = rest.join(' ');
  if (first && tail && (GENERIC_UNIT.test(tail) || name.toLowerCase().startsWith(`${tail.toLowerCase()} `)))
    return `${first} ${name}`.toUpperCase();
  return `${title} ${name}`.toUpperCase();
}

/**
 * "Plh." / "Plt." when the recorded title of who signed says they acted for the head (a delegation): the line above
 * the signature then reads "Plh. CAMAT KARAWACI", as an Indonesian letter signed by a pelaksana harian does.
 */
export function actingPrefix(title: string | undefined): string | undefined {
  const m = /^(Plh|Plt)\.\s/i.exec(title ?? '');
  return m ? `${m[1]?.charAt(0).toUpperCase()}${m[1]?.slice(1).toLowerCase()}.` : undefined;
}
