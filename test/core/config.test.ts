/** The one configuration (cdk.json context `lapkin`): it parses, and a broken one says exactly what is wrong. */
import { describe, expect, it } from 'vitest';
import { ConfigError, configFromEnv, parseConfig } from '../../functions/core/config.ts';
import { testConfig } from '../fakes/deps.ts';

describe('configuration', () => {
  it('cdk.json holds a complete configuration with the SOP roles and a 1-day Mutu Baku', () => {
    const c = testConfig();
    expect(c.steps).toEqual({
      verify: 'SEKRETARIS_CAMAT',
      ratify: 'CAMAT',
      revision: 'TIMSAKIP',
      documentation: 'TIMSAKIP',
    });
    expect(Object.values(c.mutuBakuHours).every((h) => h === 24)).toBe(true);
    expect(c.language).toBe('id');
    for (const p of Object.values(c.people)) expect(p.email.endsWith('@example.go.id')).toBe(true);
  });

  it('names the field and the reason when the configuration is wrong', () => {
    const raw = structuredClone(testConfig()) as unknown as {
      people: { CAMAT: { nip: string } };
      steps: { verify: string };
    };
    raw.people.CAMAT.nip = '123';
    raw.steps.verify = 'LURAH';
    expect(() => parseConfig(raw, 'cdk.json')).toThrow(ConfigError);
    try {
      parseConfig(raw, 'cdk.json');
    } catch (err) {
      expect((err as Error).message).toContain('people.CAMAT.nip: NIP must be 18 digits');
      expect((err as Error).message).toContain('steps.verify');
    }
  });

  it('reads LAPKIN_CONFIG on Lambda and reports invalid JSON clearly', () => {
    const env = { LAPKIN_CONFIG: JSON.stringify(testConfig()) } as NodeJS.ProcessEnv;
    expect(configFromEnv(env).organization.unitCode).toBe('karawaci');
    expect(() => configFromEnv({ LAPKIN_CONFIG: '{nope' } as NodeJS.ProcessEnv)).toThrow(
      /LAPKIN_CONFIG is not valid JSON/,
    );
  });
});
