/** The one configuration (cdk.json context `lapkin`): it parses, and a broken one says exactly what is wrong. */
import { describe, expect, it } from 'vitest';
import { ConfigError, configFromEnv, parseConfig, unitHasParaf } from '../../functions/core/config.ts';
import { shippedConfig, testConfig } from '../fakes/deps.ts';

describe('configuration', () => {
  it('cdk.json holds a complete configuration with the SOP roles and a 1-day Mutu Baku', () => {
    const c = shippedConfig();
    expect(c.steps).toEqual({
      paraf: 'TIMSAKIP',
      verify: 'SEKRETARIS_CAMAT',
      ratify: 'CAMAT',
      revision: 'TIMSAKIP',
      documentation: 'TIMSAKIP',
    });
    expect(Object.values(c.mutuBakuHours).every((h) => h === 24)).toBe(true);
    expect(c.language).toBe('id');
    // Three fictional units (two kecamatan, one dinas) and the city above them; every address is fictional.
    expect(c.units.map((u) => [u.organization.unitCode, u.kind])).toEqual([
      ['karawaci', 'KECAMATAN'],
      ['sukamaju', 'KECAMATAN'],
      ['dinas-arsip', 'OPD'],
    ]);
    const everyone = [...c.units.flatMap((u) => Object.values(u.people)), c.city?.people.KOTA];
    for (const p of everyone) expect(p?.email.endsWith('@example.go.id')).toBe(true);
    expect(new Set(everyone.map((p) => p?.nip)).size).toBe(everyone.length);
  });

  it("the team lead's paraf is on unless a unit switches it off (the dinas of the sample does)", () => {
    const c = shippedConfig();
    expect(c.units.map((u) => [u.organization.unitCode, unitHasParaf(c, u.organization.unitCode)])).toEqual([
      ['karawaci', true],
      ['sukamaju', true],
      ['dinas-arsip', false],
    ]);
    // A unit the configuration does not know (a report id that names none) gets the SOP as written.
    expect(unitHasParaf(c, 'tidak-ada')).toBe(true);
    const raw = JSON.parse(JSON.stringify(c)) as { units: { steps?: unknown }[] };
    (raw.units[0] as { steps?: unknown }).steps = { paraf: 'ya' };
    expect(() => parseConfig(raw, 'test')).toThrow(/units\.0\.steps\.paraf/);
  });

  it('a one-unit configuration in the shape before units (organization + people) is read as one unit', () => {
    const c = testConfig();
    const { units, city: _city, ...rest } = structuredClone(c);
    const legacy = { ...rest, organization: units[0]?.organization, people: units[0]?.people };
    const parsed = parseConfig(legacy, 'old cdk.json');
    expect(parsed.units).toHaveLength(1);
    expect(parsed.units[0]).toMatchObject({ organization: units[0]?.organization, kind: 'KECAMATAN' });
    expect(parsed.units[0]?.people).toEqual(units[0]?.people);
    // The parsed form is valid input again (the CDK app passes it to every function as LAPKIN_CONFIG).
    expect(parseConfig(JSON.parse(JSON.stringify(parsed)), 'LAPKIN_CONFIG')).toEqual(parsed);
  });

  it('refuses a unit that lacks a role the SOP needs, a unit code twice, and both shapes at once', () => {
    const raw = structuredClone(testConfig()) as unknown as {
      units: { organization: { unitCode: string }; people: Record<string, unknown> }[];
      organization?: unknown;
    };
    delete raw.units[1]?.people.SEKRETARIS_CAMAT;
    (raw.units[2] as { organization: { unitCode: string } }).organization.unitCode = 'karawaci';
    raw.organization = { name: 'x', parent: 'y', unitCode: 'zz' };
    const message = (() => {
      try {
        parseConfig(raw, 'cdk.json');
        return '';
      } catch (err) {
        return (err as Error).message;
      }
    })();
    expect(message).toContain('units.1.people.SEKRETARIS_CAMAT: required');
    expect(message).toContain('units.2.organization.unitCode: "karawaci" appears twice');
    expect(message).toContain('not both');
  });

  it('names the field and the reason when the configuration is wrong', () => {
    const raw = structuredClone(testConfig()) as unknown as {
      units: { people: { CAMAT: { nip: string } } }[];
      steps: { verify: string };
    };
    (raw.units[0] as { people: { CAMAT: { nip: string } } }).people.CAMAT.nip = '123';
    raw.steps.verify = 'LURAH';
    expect(() => parseConfig(raw, 'cdk.json')).toThrow(ConfigError);
    try {
      parseConfig(raw, 'cdk.json');
    } catch (err) {
      expect((err as Error).message).toContain('units.0.people.CAMAT.nip: NIP must be 18 digits');
      expect((err as Error).message).toContain('steps.verify');
    }
  });

  it('reads LAPKIN_CONFIG on Lambda and reports invalid JSON clearly', () => {
    const env = { LAPKIN_CONFIG: JSON.stringify(testConfig()) } as NodeJS.ProcessEnv;
    expect(configFromEnv(env).units[0]?.organization.unitCode).toBe('karawaci');
    expect(() => configFromEnv({ LAPKIN_CONFIG: '{nope' } as NodeJS.ProcessEnv)).toThrow(
      /LAPKIN_CONFIG is not valid JSON/,
    );
  });
});
