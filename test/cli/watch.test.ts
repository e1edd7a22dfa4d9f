/** The frames of `lapkin status --watch`: where the report is in the five SOP steps, and when it is late. */
import { describe, expect, it } from 'vitest';
import { profileOf } from '../../functions/core/directory.ts';
import type { AuditEvent, Report } from '../../functions/core/report.ts';
import { renderWatch, watch } from '../../infra/cli/watch.ts';
import { testConfig } from '../fakes/deps.ts';

const base = {
  reportId: 'karawaci-2026-TW1',
  unit: 'karawaci',
  tahun: 2026,
  periode: 'TW1',
  revision: 2,
  source: { key: 'k', versionId: 'v' },
  createdAt: '2026-04-06T00:00:00.000Z',
  updatedAt: '2026-04-06T00:00:00.000Z',
  version: 1,
  eventSeq: 1,
  lastEventHash: 'x',
} as const;
const report = (over: Partial<Report>): Report =>
  ({ ...base, status: 'DITERIMA', step: 'assemble', ...over }) as Report;
const now = new Date('2026-04-06T06:00:00.000Z');
const config = testConfig();
const unit = (code: string) => {
  const u = config.units.find((x) => x.organization.unitCode === code);
  if (!u) throw new Error(code);
  return profileOf(u);
};
const waiting = report({
  status: 'MENUNGGU_VERIFIKASI',
  step: 'verify',
  stepStartedAt: '2026-04-06T00:00:00.000Z',
  dueAt: '2026-04-07T00:00:00.000Z',
});

describe('renderWatch', () => {
  it('marks done steps, the current step with its Mutu Baku age, and the rest', () => {
    const frame = renderWatch(waiting, [], now, false, unit('karawaci'));
    expect(frame).toContain('✔ 1 Data diterima');
    expect(frame).toContain('✔ 2 Laporan disusun');
    expect(frame).toContain('▶ 3 Verifikasi Sekretaris Camat — 6 jam dari 24 jam');
    expect(frame).toContain('    4 Pengesahan Camat');
    expect(frame).toContain('Status: Menunggu verifikasi Sekretaris Camat');
  });

  it("names the steps with a dinas's titles, and with neutral words when the unit is unknown", () => {
    const dinas = renderWatch({ ...waiting, unit: 'dinas-arsip' }, [], now, false, unit('dinas-arsip'));
    expect(dinas).toContain('▶ 3 Verifikasi Sekretaris Dinas');
    expect(dinas).toContain('    4 Pengesahan Kepala Dinas');
    expect(dinas).toContain('Status: Menunggu verifikasi Sekretaris Dinas');
    expect(dinas).not.toMatch(/\bCamat\b/);
    const unknown = renderWatch(waiting, [], now, false);
    expect(unknown).toContain('▶ 3 Verifikasi Sekretaris —');
    expect(unknown).toContain('    4 Pengesahan pimpinan');
    expect(unknown).not.toMatch(/\bCamat\b/);
  });

  it('shows a late step and a report waiting for corrected data', () => {
    const late = renderWatch(
      report({
        status: 'PERLU_REVISI',
        step: 'revision',
        stepStartedAt: '2026-04-04T00:00:00.000Z',
        dueAt: '2026-04-05T00:00:00.000Z',
      }),
      [],
      now,
      false,
    );
    expect(late).toContain('↺ Perlu revisi: menunggu unggahan data perbaikan — terlambat 30 jam');
  });

  it('follows a report until it is documented, printing each change once when not on a terminal', async () => {
    const states: Report[] = [
      report({ status: 'MENUNGGU_VERIFIKASI' }),
      report({ status: 'MENUNGGU_VERIFIKASI' }),
      report({ status: 'TERDOKUMENTASI', step: 'done' }),
    ];
    const frames: string[] = [];
    const events: AuditEvent[] = [];
    const last = await watch(
      async () => ({ report: states.shift(), events }),
      (t) => frames.push(t),
      false,
      config.units,
    );
    expect(last?.status).toBe('TERDOKUMENTASI');
    expect(frames).toHaveLength(2);
    // The configuration's units name the steps: the report is Karawaci's.
    expect(frames[0]).toContain('3 Verifikasi Sekretaris Camat');
    expect(frames[1]).toContain('✔ 5 Dokumentasi');
  });
});
