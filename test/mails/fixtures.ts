/** One of every mail lapkin sends, for one unit and report, built straight from the templates (no use case). */
import type { Person } from '../../functions/core/config.ts';
import type { UnitProfile } from '../../functions/core/directory.ts';
import type { Decision, Report } from '../../functions/core/report.ts';
import type { Lang } from '../../functions/i18n/lang.ts';
import { dataInvalidMail } from '../../functions/mails/data-invalid.tsx';
import { decisionRequestMail } from '../../functions/mails/decision-request.tsx';
import { mutuBakuMail } from '../../functions/mails/mutu-baku.tsx';
import { reportDocumentedMail } from '../../functions/mails/report-documented.tsx';
import { reportFailedMail } from '../../functions/mails/report-failed.tsx';
import { revisionRequestMail } from '../../functions/mails/revision-request.tsx';
import type { Mail } from '../../functions/mails/shell.tsx';
import { uploadIgnoredMail } from '../../functions/mails/upload-ignored.tsx';
import { uploadRejectedMail } from '../../functions/mails/upload-rejected.tsx';

export const PORTAL = 'https://lapkin.example.go.id';
export const SIGNED = `${PORTAL}/keputusan/d1a2b3?e=1778032800&s=abc_DEF-123`;

export function person(name: string, title = 'Sekretaris Camat', email = 'sekcam@example.go.id'): Person {
  return { name, nip: '198003152005012002', email, title };
}

export function unitNamed(name: string): UnitProfile {
  return {
    unitCode: 'karawaci',
    kind: 'KECAMATAN',
    organization: { name, parent: 'Pemerintah Kota Tangerang', unitCode: 'karawaci', address: 'Jl. Contoh No. 1' },
    roleTitles: {
      CAMAT: 'Camat',
      SEKRETARIS_CAMAT: 'Sekretaris Camat',
      KASI: 'Kepala Seksi',
      TIMSAKIP: 'Ketua TIMSAKIP',
      STAF: 'Staf Pelaksana',
    },
  } as UnitProfile;
}

export const REPORT: Report = {
  reportId: 'karawaci-2026-TW1',
  unit: 'karawaci',
  tahun: 2026,
  periode: 'TW1',
  revision: 2,
  status: 'PERLU_REVISI',
  step: 'revision',
  source: { key: 'masuk/karawaci/2026/TW1/data-kinerja.xlsx', versionId: 'v2' },
  dueAt: '2026-04-07T02:00:00.000Z',
  summary: { indicatorCount: 8, averageCapaian: 97.99, belowTarget: 3, totalPagu: null, totalRealisasiAnggaran: null },
  diffSummary: {
    fromRevision: 1,
    toRevision: 2,
    counts: { changed: 1, added: 0, removed: 0, unchanged: 7 },
    lines: [{ kode: 'IK-04', change: 'changed', field: 'realisasi', before: 72.5, after: 77.78 }],
    more: 0,
    request: { by: 'Dewi Lestari', note: 'Realisasi IK-04 perlu dicek ulang.' },
  },
  createdAt: '2026-04-06T00:00:00.000Z',
} as unknown as Report;

export function decisionOf(step: 'verify' | 'ratify', assignee: Person): Decision {
  return {
    decisionId: 'd1a2b3',
    reportId: REPORT.reportId,
    unit: 'karawaci',
    step,
    role: step === 'verify' ? 'SEKRETARIS_CAMAT' : 'CAMAT',
    assignee,
    revision: 2,
    state: 'PENDING',
    dueAt: '2026-04-07T02:00:00.000Z',
    expiresAt: '2026-05-06T02:00:00.000Z',
    createdAt: '2026-04-06T02:00:00.000Z',
    document: { key: 'laporan/x.pdf', versionId: 'p1' },
  } as Decision;
}

/** The Sekretaris who approved before the signature, as the trail records them. */
const VERIFIER = { title: 'Sekretaris Camat', name: 'Dewi Lestari, S.STP., M.Si.', at: '2026-04-06T06:00:00.000Z' };

/** Every mail kind, by the action its subject starts with. */
export function everyMail(lang: Lang, opts: { name?: string; unitName?: string; note?: string; arahan?: string } = {}) {
  const to = person(opts.name ?? 'Ratna Sari');
  const unit = unitNamed(opts.unitName ?? 'Kecamatan Karawaci');
  const note = opts.note ?? 'Lengkapi narasi.';
  const waiting = { ...REPORT, status: 'MENUNGGU_VERIFIKASI', step: 'verify' } as Report;
  const decision = { link: SIGNED, decisionId: 'd1a2b3' };
  const mails: Record<string, Mail> = {
    verify: decisionRequestMail({
      unit,
      lang,
      report: REPORT,
      decision: decisionOf('verify', to),
      link: SIGNED,
      portal: PORTAL,
    }),
    ratify: decisionRequestMail({
      unit,
      lang,
      report: REPORT,
      decision: decisionOf('ratify', to),
      link: SIGNED,
      portal: PORTAL,
      ...(opts.arahan ? { earlier: [{ ...VERIFIER, note: opts.arahan }] } : {}),
    }),
    revision: revisionRequestMail({
      unit,
      lang,
      report: REPORT,
      to,
      by: { name: opts.name ?? 'Dewi Lestari', title: 'Sekretaris Camat' },
      step: 'verify',
      note,
      portal: PORTAL,
    }),
    invalid: dataInvalidMail({
      unit,
      lang,
      report: { ...REPORT, status: 'PERLU_PERBAIKAN_DATA' } as Report,
      to,
      problems: [{ row: 3, column: 'target', value: note, message: 'Target harus berupa angka.' }],
      problemCount: 1,
      portal: PORTAL,
    }),
    reminder: mutuBakuMail({
      unit,
      lang,
      report: waiting,
      kind: 'reminder',
      to,
      waitingFor: to,
      decision,
      portal: PORTAL,
    }),
    escalation: mutuBakuMail({
      unit,
      lang,
      report: REPORT,
      kind: 'escalation',
      to: person('Budi Santoso', 'Camat', 'camat@example.go.id'),
      waitingFor: to,
      portal: PORTAL,
    }),
    documented: reportDocumentedMail({
      unit,
      lang,
      report: { ...REPORT, status: 'TERDOKUMENTASI' } as Report,
      to,
      facts: [['SHA-256', 'ab'.repeat(32)]],
      ...(opts.arahan
        ? { arahan: [{ by: `${VERIFIER.title} — ${VERIFIER.name}, 6 April 2026 pukul 13.00 WIB`, note: opts.arahan }] }
        : {}),
    }),
    failed: reportFailedMail({
      unit,
      lang,
      report: { ...REPORT, status: 'GAGAL' } as Report,
      to,
      reason: { category: 'TIMEOUT', error: 'States.Timeout', message: note },
      portal: PORTAL,
    }),
    ignored: uploadIgnoredMail({ unit, lang, report: waiting, to }),
    rejected: uploadRejectedMail({
      exampleUnit: 'karawaci',
      lang,
      to,
      key: `masuk/${note}/x.xlsx`,
      versionId: 'v9',
      problem: 'UNIT',
      portal: PORTAL,
    }),
  };
  return mails;
}
