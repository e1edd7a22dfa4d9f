/**
 * The mail and page builders name the report's unit's titles (Kepala Dinas / Sekretaris Dinas, Camat / Sekretaris
 * Camat) in both languages, and neutral words where no unit is known (lists over many units, the CLI).
 */
import { describe, expect, it } from 'vitest';
import { profileOf, type UnitProfile } from '../../functions/core/directory.ts';
import type { Decision, Report } from '../../functions/core/report.ts';
import { STATUS_LABEL, statusLabel } from '../../functions/i18n/labels.ts';
import { decisionRequestMail } from '../../functions/mails/decision-request.tsx';
import { reportDocumentedMail } from '../../functions/mails/report-documented.tsx';
import { uploadIgnoredMail } from '../../functions/mails/upload-ignored.tsx';
import { ConfirmPage, ResultPage } from '../../functions/web/pages/decision.tsx';
import { people, testConfig } from '../fakes/deps.ts';

const CAMAT_WORD = /\bCamat\b|\bCAMAT\b/;
const config = testConfig();
const unit = (code: string): UnitProfile => {
  const u = config.units.find((x) => x.organization.unitCode === code);
  if (!u) throw new Error(code);
  return profileOf(u);
};
const DINAS = unit('dinas-arsip');
const KARAWACI = unit('karawaci');

const report = (u: UnitProfile, status: Report['status']): Report =>
  ({
    reportId: `${u.unitCode}-2026-TW1`,
    unit: u.unitCode,
    tahun: 2026,
    periode: 'TW1',
    revision: 1,
    status,
    step: status === 'MENUNGGU_PENGESAHAN' ? 'ratify' : 'verify',
    source: { key: `masuk/${u.unitCode}/2026/TW1/data.csv`, versionId: 'v1' },
    summary: {
      indicatorCount: 8,
      averageCapaian: 97.99,
      belowTarget: 3,
      totalPagu: null,
      totalRealisasiAnggaran: null,
    },
    createdAt: '2026-04-06T00:00:00.000Z',
    updatedAt: '2026-04-06T00:00:00.000Z',
    version: 1,
    eventSeq: 1,
    lastEventHash: 'x',
  }) as Report;

const decision = (u: UnitProfile, step: 'verify' | 'ratify'): Decision =>
  ({
    decisionId: 'd1',
    reportId: `${u.unitCode}-2026-TW1`,
    unit: u.unitCode,
    step,
    role: step === 'verify' ? 'SEKRETARIS_CAMAT' : 'CAMAT',
    revision: 1,
    assignee: people(config, u.unitCode)[step === 'verify' ? 'SEKRETARIS_CAMAT' : 'CAMAT'],
    state: 'PENDING',
    dueAt: '2026-04-07T00:00:00.000Z',
    expiresAt: '2026-05-06T00:00:00.000Z',
    createdAt: '2026-04-06T00:00:00.000Z',
    document: { key: 'laporan/x.pdf', versionId: 'p1' },
  }) as Decision;

describe('decision mails', () => {
  it('a dinas: verify asks to forward to the Kepala Dinas, ratify says the Sekretaris Dinas verified', () => {
    for (const lang of ['id', 'en'] as const) {
      const verify = decisionRequestMail({
        unit: DINAS,
        lang,
        report: report(DINAS, 'MENUNGGU_VERIFIKASI'),
        decision: decision(DINAS, 'verify'),
        link: 'https://x/keputusan/d1?e=1&s=a',
        portal: 'https://x',
      });
      const ratify = decisionRequestMail({
        unit: DINAS,
        lang,
        report: report(DINAS, 'MENUNGGU_PENGESAHAN'),
        decision: decision(DINAS, 'ratify'),
        link: 'https://x/keputusan/d2?e=1&s=a',
        portal: 'https://x',
      });
      expect(verify.text).toContain(
        lang === 'id' ? 'diteruskan kepada Kepala Dinas' : 'forward it to the Kepala Dinas',
      );
      expect(ratify.text).toContain(
        lang === 'id' ? 'telah diverifikasi oleh Sekretaris Dinas' : 'verified by the Sekretaris Dinas',
      );
      for (const m of [verify, ratify]) {
        expect(m.text).not.toMatch(CAMAT_WORD);
        expect(m.html).not.toMatch(CAMAT_WORD);
      }
    }
  });

  it('a kecamatan: still the Camat and the Sekretaris Camat', () => {
    const ratify = decisionRequestMail({
      unit: KARAWACI,
      lang: 'en',
      report: report(KARAWACI, 'MENUNGGU_PENGESAHAN'),
      decision: decision(KARAWACI, 'ratify'),
      link: 'https://x/keputusan/d2?e=1&s=a',
      portal: 'https://x',
    });
    expect(ratify.text).toContain('verified by the Sekretaris Camat');
  });

  it('documented and ignored notices name the unit’s head and status', () => {
    const to = people(config, 'dinas-arsip').TIMSAKIP;
    const documented = reportDocumentedMail({
      unit: DINAS,
      lang: 'id',
      report: report(DINAS, 'TERDOKUMENTASI'),
      to,
      facts: [],
    });
    expect(documented.text).toContain('telah disahkan Kepala Dinas');
    const ignored = uploadIgnoredMail({
      unit: DINAS,
      lang: 'id',
      report: report(DINAS, 'MENUNGGU_PENGESAHAN'),
      to,
    });
    expect(ignored.text).toContain('dalam tahap "Menunggu pengesahan Kepala Dinas"');
    for (const m of [documented, ignored]) expect(m.text).not.toMatch(CAMAT_WORD);
  });
});

describe('decision pages', () => {
  it('the confirm page of a dinas: its name, its titles on the button and in the status', () => {
    for (const lang of ['id', 'en'] as const) {
      const page = String(
        ConfirmPage({
          lang,
          unit: DINAS,
          decision: decision(DINAS, 'verify'),
          report: report(DINAS, 'MENUNGGU_VERIFIKASI'),
          documentUrl: 'https://x/doc.pdf',
        }),
      );
      expect(page).toContain('Dinas Arsip dan Perpustakaan');
      expect(page).toContain(
        lang === 'id'
          ? 'Setujui (paraf) dan teruskan ke Kepala Dinas'
          : 'Approve (paraf) and forward to the Kepala Dinas',
      );
      expect(page).toContain(
        lang === 'id' ? 'Menunggu verifikasi Sekretaris Dinas' : 'Awaiting verification by the Sekretaris Dinas',
      );
      expect(page).not.toMatch(CAMAT_WORD);
    }
  });

  it('the result of an approved verification names the head, or no one when the unit is unknown', () => {
    const d = { ...decision(DINAS, 'verify'), state: 'USED', decision: 'APPROVE' } as Decision;
    expect(String(ResultPage({ lang: 'id', kind: 'APPROVED', decision: d, unit: DINAS }))).toContain(
      'diteruskan kepada Kepala Dinas untuk pengesahan',
    );
    expect(String(ResultPage({ lang: 'en', kind: 'APPROVED', decision: d, unit: KARAWACI }))).toContain(
      'forwarded to the Camat for ratification',
    );
    const neutral = String(ResultPage({ lang: 'id', kind: 'APPROVED', decision: d }));
    expect(neutral).toContain('Laporan telah diverifikasi dan diteruskan untuk pengesahan.');
    expect(neutral).not.toMatch(CAMAT_WORD);
  });
});

describe('status labels', () => {
  it('name the unit’s titles when the unit is known', () => {
    expect(statusLabel('MENUNGGU_VERIFIKASI', 'id', DINAS)).toBe('Menunggu verifikasi Sekretaris Dinas');
    expect(statusLabel('MENUNGGU_PENGESAHAN', 'id', DINAS)).toBe('Menunggu pengesahan Kepala Dinas');
    expect(statusLabel('MENUNGGU_VERIFIKASI', 'id', KARAWACI)).toBe('Menunggu verifikasi Sekretaris Camat');
    expect(statusLabel('MENUNGGU_PENGESAHAN', 'id', KARAWACI)).toBe('Menunggu pengesahan Camat');
    expect(statusLabel('DISAHKAN', 'id', DINAS)).toBe('Disahkan');
  });

  it('use words every unit shares when it is not (console lists, CLI)', () => {
    for (const lang of ['id', 'en'] as const)
      for (const label of Object.values(STATUS_LABEL[lang])) expect(label).not.toMatch(CAMAT_WORD);
    expect(statusLabel('MENUNGGU_VERIFIKASI', 'id')).toBe('Menunggu verifikasi Sekretaris');
    expect(statusLabel('MENUNGGU_PENGESAHAN', 'id')).toBe('Menunggu pengesahan pimpinan');
  });
});
