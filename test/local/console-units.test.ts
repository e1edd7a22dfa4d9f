/**
 * The local console counts REPORTS: the SOP funnel, the table of units (reports this period by status, late
 * steps, last documented) and the funnel per unit come from the report records, never from event counters — a
 * corrected upload is not a second report, and a step escalated three times is one late report.
 */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../functions/core/report.ts';
import { renderConsole } from '../../infra/local/console-page.ts';
import { choosePeriod, consoleQuery, parsePeriod, periodOf, unitRows } from '../../infra/local/console-units.ts';

const NOW = new Date('2026-04-10T03:00:00Z'); // 10 April 2026, 10:00 WIB: TW2

function report(id: string, over: Partial<Report> = {}): Report {
  const [, unit = '', tahun = '2026', periode = 'TW1'] = /^(.*)-(\d{4})-([A-Z0-9]+)$/.exec(id) ?? [];
  return {
    reportId: id,
    unit,
    tahun: Number(tahun),
    periode: periode as Report['periode'],
    status: 'DITERIMA',
    step: 'assemble',
    revision: 0,
    source: { key: `masuk/${unit}/${tahun}/${periode}/data.csv`, versionId: 'v1' },
    createdAt: '2026-04-01T01:00:00Z',
    updatedAt: '2026-04-01T01:00:00Z',
    version: 1,
    eventSeq: 1,
    lastEventHash: 'h',
    ...over,
  };
}

const card = (html: string, label: string) =>
  Number(new RegExp(`<b>(\\d+)</b>${label}<`).exec(html)?.[1] ?? Number.NaN);

const metrics = (counts: Record<string, number>) => ({ counts, decisions: {}, durations: {}, byUnit: {} });

describe('the console funnel counts reports, not events', () => {
  it('two reports, one corrected once and escalated three times: Diterima 2, Mutu Baku terlampaui 1', () => {
    const reports = [
      report('karawaci-2026-TW1', {
        status: 'MENUNGGU_VERIFIKASI',
        step: 'verify',
        revision: 2,
        escalation: { round: 'verify:2:x', count: 3 },
      }),
      report('sukamaju-2026-TW1', { status: 'TERDOKUMENTASI', step: 'done', revision: 1 }),
    ];
    const html = renderConsole({
      reports,
      pending: [],
      units: [],
      mailUrl: 'http://127.0.0.1:1080',
      now: NOW,
      // What the event counters say: three uploads received (one a correction), three escalation runs.
      metrics: metrics({ ReportsReceived: 3, ReportsAssembled: 3, RevisionsRequested: 1, SlaBreaches: 3 }),
    });
    expect(card(html, 'Diterima')).toBe(2);
    expect(card(html, 'Disusun')).toBe(2);
    expect(card(html, 'Dikembalikan')).toBe(1);
    expect(card(html, 'Terdokumentasi')).toBe(1);
    expect(card(html, 'Mutu Baku terlampaui')).toBe(1);
  });
});

const UNITS = [
  { unitCode: 'karawaci', name: 'Kecamatan Karawaci' },
  { unitCode: 'sukamaju', name: 'Kecamatan Sukamaju' },
  { unitCode: 'dinas-arsip', name: 'Dinas Arsip <Kota>' },
];

describe('the period shown', () => {
  it("is today's quarter in WIB when it has reports, else the latest with reports, else today's", () => {
    // 31 March 2026 20:00 UTC is already 1 April in WIB: TW2.
    expect(periodOf(new Date('2026-03-31T20:00:00Z'))).toEqual({ tahun: 2026, periode: 'TW2' });
    const tw1 = report('karawaci-2026-TW1');
    const tw2 = report('sukamaju-2026-TW2');
    expect(choosePeriod([tw1, tw2], NOW)).toEqual({ tahun: 2026, periode: 'TW2' });
    expect(choosePeriod([tw1, report('karawaci-2025-TAHUNAN')], NOW)).toEqual({ tahun: 2026, periode: 'TW1' });
    expect(choosePeriod([], NOW)).toEqual({ tahun: 2026, periode: 'TW2' });
    expect(choosePeriod([tw1, tw2], NOW, parsePeriod('2025-TAHUNAN'))).toEqual({ tahun: 2025, periode: 'TAHUNAN' });
    expect(parsePeriod('2026-TW5')).toBeUndefined();
  });
});

describe('the table of units', () => {
  const reports = [
    report('karawaci-2026-TW1', {
      status: 'MENUNGGU_PENGESAHAN',
      step: 'ratify',
      revision: 1,
      dueAt: '2026-04-09T03:00:00Z', // a day before NOW: late now
      escalation: { round: 'ratify:1:x', count: 1 },
    }),
    report('karawaci-2025-TW4', {
      status: 'TERDOKUMENTASI',
      step: 'done',
      revision: 1,
      documentedAt: '2026-01-20T02:00:00Z',
      // An upload ignored since (the report is final) touched the report, not its documentation.
      updatedAt: '2026-02-03T05:00:00Z',
    }),
    report('karawaci-2025-TW3', {
      status: 'TERDOKUMENTASI',
      step: 'done',
      revision: 1,
      // Documented before documentedAt was kept: its last update is the best there is.
      updatedAt: '2025-10-20T02:00:00Z',
    }),
    report('sukamaju-2026-TW1', {
      status: 'PERLU_REVISI',
      step: 'revision',
      revision: 1,
      dueAt: '2026-04-11T03:00:00Z',
    }),
    report('sukamaju-2026-TW2', { status: 'DITERIMA' }),
  ];

  it('lists every unit of the directory for the period: reports by status, late steps, last documented', () => {
    const rows = unitRows(UNITS, reports, { tahun: 2026, periode: 'TW1' }, NOW);
    expect(rows.map((r) => r.unitCode)).toEqual(['karawaci', 'sukamaju', 'dinas-arsip']);
    const [karawaci, sukamaju, arsip] = rows;
    expect(karawaci).toMatchObject({
      byStatus: { MENUNGGU_PENGESAHAN: 1 },
      lateNow: 1,
      lastDocumented: { reportId: 'karawaci-2025-TW4', at: '2026-01-20T02:00:00Z' },
    });
    expect(karawaci?.funnel).toMatchObject({ received: 1, awaitingRatification: 1, lateEver: 1, documented: 0 });
    expect(sukamaju).toMatchObject({ byStatus: { PERLU_REVISI: 1 }, lateNow: 0 });
    expect(sukamaju?.funnel).toMatchObject({ received: 1, sentBack: 1 });
    expect(arsip).toMatchObject({ byStatus: {}, lateNow: 0 });
    expect(arsip?.lastDocumented).toBeUndefined();
  });

  it('renders it with each unit linking to its own view, names escaped', () => {
    const html = renderConsole({
      reports,
      pending: [],
      units: UNITS,
      mailUrl: 'http://127.0.0.1:1080',
      now: NOW,
      metrics: metrics({}),
      query: consoleQuery(new URLSearchParams('periode=2026-TW1')),
    });
    expect(html).toContain('<tr data-unit="dinas-arsip">');
    expect(html).toContain('Dinas Arsip &lt;Kota&gt;');
    expect(html).toContain('href="/konsol?unit=karawaci&amp;periode=2026-TW1"');
    expect(html).toMatch(/data-unit="karawaci">.*data-stage="lateNow">1</);
    expect(card(html, 'Diterima')).toBe(2);
    // The reports list shows the period's reports only; the other periods are links.
    expect(html).toContain('data-report="karawaci-2026-TW1"');
    expect(html).not.toContain('data-report="sukamaju-2026-TW2"');
    expect(html).toContain('href="/konsol?periode=2026-TW2"');
  });

  it('?unit=U narrows the funnel, the table and the lists to that unit; an unknown unit is said so', () => {
    const html = renderConsole({
      reports,
      pending: [],
      units: UNITS,
      mailUrl: 'http://127.0.0.1:1080',
      now: NOW,
      metrics: { ...metrics({}), byUnit: { sukamaju: { ReportsReceived: 2 } } },
      query: consoleQuery(new URLSearchParams('unit=sukamaju&periode=2026-TW1')),
    });
    expect(html).toContain('<h1>Konsol lokal lapkin — Kecamatan Sukamaju</h1>');
    expect(html).toContain('<tr data-unit="sukamaju">');
    expect(html).not.toContain('data-unit="karawaci"');
    expect(html).not.toContain('data-report="karawaci-2026-TW1"');
    expect(card(html, 'Diterima')).toBe(1);
    expect(html).toContain('ReportsReceived 2');
    const unknown = renderConsole({
      reports: [],
      pending: [],
      units: UNITS,
      mailUrl: 'http://127.0.0.1:1080',
      now: NOW,
      metrics: metrics({}),
      query: consoleQuery(new URLSearchParams('unit=<x>')),
    });
    expect(unknown).toContain('Unit &quot;&lt;x&gt;&quot; tidak dikenal.');
  });

  it('speaks English with ?lang=en', () => {
    const html = renderConsole({
      reports,
      pending: [],
      units: UNITS,
      mailUrl: 'http://127.0.0.1:1080',
      now: NOW,
      metrics: metrics({}),
      query: consoleQuery(new URLSearchParams('lang=en&periode=2026-TW1')),
    });
    expect(html).toContain('<html lang="en">');
    expect(card(html, 'Received')).toBe(2);
    expect(html).toContain('Awaiting ratification');
    expect(html).toContain('Last documented');
    expect(html).toContain('late 24 h');
  });
});
