/**
 * One i18n module (functions/i18n) for documents, mails, pages and the CLI: its formats, and a label changed in
 * that one place shows up in the PDF, the disposition sheet, the mails and `lapkin status`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { AssembledReport } from '../../functions/core/performance-data.ts';
import type { AuditEvent, Report } from '../../functions/core/report.ts';
import { computeIndicators } from '../../functions/documents/capaian.ts';
import { renderDispositionPdf } from '../../functions/documents/disposition-pdf.ts';
import { renderReportPdf } from '../../functions/documents/report-pdf.ts';
import { summarize } from '../../functions/documents/report-summary.ts';
import { formatDate, formatDateTime, formatNumber, formatPercent } from '../../functions/i18n/format.ts';
import {
  PERIOD_LABEL,
  periodLabel,
  ROLE_LABEL,
  reportTitle,
  STATUS_LABEL,
  STEP_LABEL,
} from '../../functions/i18n/labels.ts';
import { reportLine, timeline } from '../../infra/cli/format.ts';
import { renderWatch } from '../../infra/cli/watch.ts';
import { pdfTextOf } from '../fakes/pdf-text.ts';
import { everyMail } from '../mails/fixtures.ts';

describe('formats', () => {
  it('writes Indonesian and English numbers without depending on ICU', () => {
    expect(formatPercent(95.5)).toBe('95,50 %');
    expect(formatPercent(95.5, 'en')).toBe('95.50 %');
    expect(formatPercent(null)).toBe('-');
    expect(formatPercent(undefined, 'en')).toBe('-');
    expect(formatNumber(1_234_567.891, { decimals: 2 })).toBe('1.234.567,89');
    expect(formatNumber(1_234_567.5, {}, 'en')).toBe('1,234,567.5');
    expect(formatNumber(-0.001, { decimals: 2 })).toBe('0,00');
    expect(formatNumber(250_000)).toBe('250.000');
  });

  it('writes times in WIB and periods by name', () => {
    expect(formatDateTime('2026-04-08T17:30:00Z')).toBe('9 April 2026 pukul 00.30 WIB');
    expect(formatDateTime('2026-04-08T02:05:00Z', 'en')).toBe('8 April 2026, 09:05 WIB');
    expect(formatDate('2026-12-31T17:00:00Z')).toBe('1 Januari 2027');
    expect(periodLabel('TW3')).toBe('Triwulan III');
    expect(periodLabel('TAHUNAN', 'en')).toBe('Annual');
    expect(reportTitle({ periode: 'TW1', tahun: 2026 }, 'Kecamatan Karawaci', 'id')).toBe(
      'Laporan Kinerja Triwulan I 2026 — Kecamatan Karawaci',
    );
  });
});

describe('a label changed in one place', () => {
  const saved = {
    period: PERIOD_LABEL.id.TW1,
    status: STATUS_LABEL.id.PERLU_REVISI,
    step: STEP_LABEL.id.verify ?? '',
    role: ROLE_LABEL.id.SEKRETARIS_CAMAT,
  };
  afterEach(() => {
    PERIOD_LABEL.id.TW1 = saved.period;
    STATUS_LABEL.id.PERLU_REVISI = saved.status;
    STEP_LABEL.id.verify = saved.step;
    ROLE_LABEL.id.SEKRETARIS_CAMAT = saved.role;
  });

  const indicators = computeIndicators([
    {
      row: 2,
      tahun: 2026,
      periode: 'TW1',
      kode: 'IK-01',
      sasaran: 'Sasaran 1',
      indikator: 'Indikator uji',
      satuan: '%',
      polaritas: 'naik',
      target: 100,
      realisasi: 95.5,
    },
  ]);
  const assembled: AssembledReport = {
    organization: {
      name: 'Kecamatan Karawaci',
      parent: 'Pemerintah Kota Tangerang',
      unitCode: 'karawaci',
      address: 'Jl. Contoh Fiktif No. 1',
    },
    tahun: 2026,
    periode: 'TW1',
    revision: 1,
    generatedAt: '2026-04-08T02:15:00.000Z',
    source: { key: 'masuk/karawaci/2026/TW1/data.csv', versionId: 'v-1' },
    indicators,
    summary: summarize(indicators),
  };
  const report = {
    reportId: 'karawaci-2026-TW1',
    unit: 'karawaci',
    tahun: 2026,
    periode: 'TW1',
    revision: 1,
    status: 'PERLU_REVISI',
    step: 'verify',
    source: { key: 'masuk/karawaci/2026/TW1/data.csv', versionId: 'v-1' },
    createdAt: '2026-04-06T00:00:00.000Z',
  } as Report;

  it('a period: the report PDF, the disposition sheet, the mails and `lapkin status --watch`', async () => {
    PERIOD_LABEL.id.TW1 = 'Triwulan Kesatu';
    const pdf = pdfTextOf(await renderReportPdf(assembled, [], 'id', { compress: false }));
    expect(pdf).toContain('Triwulan Kesatu');
    const sheet = pdfTextOf(
      await renderDispositionPdf(
        {
          organization: assembled.organization,
          reportId: 'karawaci-2026-TW1',
          tahun: 2026,
          periode: 'TW1',
          revision: 1,
          agendaNumber: 'KARAWACI/2026/TW1/R1',
          receivedAt: '2026-04-08T02:00:00.000Z',
          origin: 'Kasubag Perencanaan dan Keuangan',
          documentation: 'Kasubag Perencanaan dan Keuangan',
          entries: [],
          documents: [],
          archivedAt: '2026-04-09T02:00:00.000Z',
        },
        'id',
        { compress: false },
      ),
    );
    expect(sheet).toContain('Triwulan Kesatu');
    expect(everyMail('id').verify?.subject).toBe(
      '[Perlu verifikasi] Laporan Kinerja Triwulan Kesatu 2026 — Kecamatan Karawaci',
    );
    expect(renderWatch(report, [], new Date('2026-04-06T06:00:00.000Z'), false)).toContain('Triwulan Kesatu 2026');
  });

  it('a status, a step and a role: `lapkin status` and its timeline', () => {
    STATUS_LABEL.id.PERLU_REVISI = 'Dikembalikan (uji)';
    STEP_LABEL.id.verify = 'Pemeriksaan (uji)';
    ROLE_LABEL.id.SEKRETARIS_CAMAT = 'Penyemak (uji)';
    const decided: AuditEvent = {
      seq: 3,
      at: '2026-04-06T03:00:00.000Z',
      revision: 1,
      action: 'KEPUTUSAN',
      decision: 'REVISE',
      actor: { name: 'Dewi Lestari', role: 'SEKRETARIS_CAMAT' },
    } as AuditEvent;
    const lines = timeline(report, [decided], 'id');
    expect(lines).toContain('PERLU_REVISI (Dikembalikan (uji))');
    expect(lines).toContain('Dewi Lestari (Penyemak (uji))');
    expect(reportLine(report, 'id')).toContain('Pemeriksaan (uji)');
  });
});
