/**
 * The city view of /laporan (what the local console showed, now the portal's, for the KOTA person) counts
 * REPORTS: the SOP funnel, the table of units (reports this period by status, late steps, last documented) and
 * the funnel per unit come from the report records, never from event counters — a corrected upload is not a
 * second report, and a step escalated three times is one late report. It says who the SOP waits for, and on the
 * local stack only the operator's event counters, collapsed. Real: use cases, pages, the hono app; faked: ports.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { CITY_UNIT, type LapkinConfig, type Person } from '../../functions/core/config.ts';
import type { Decision, Report } from '../../functions/core/report.ts';
import { choosePeriod, parsePeriod, periodOf } from '../../functions/core/report-period.ts';
import { unitRows } from '../../functions/core/unit-rows.ts';
import { seedDirectory } from '../../functions/usecases/directory.ts';
import { startSession } from '../../functions/usecases/sessions.ts';
import type { OperatorFacts } from '../../functions/web/portal-env.ts';
import { fakeDeps, people, testConfig } from '../fakes/deps.ts';
import { portalOf } from '../fakes/portal.ts';

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
const counter = (html: string, name: string) =>
  Number(new RegExp(`<dt>${name}</dt><dd>(\\d+)</dd>`).exec(html)?.[1] ?? Number.NaN);

const metrics = (counts: Record<string, number>): OperatorFacts => ({ counts, byUnit: {} });

/** The sample configuration with a unit whose name needs escaping. */
function config(): Partial<LapkinConfig> {
  const c = testConfig();
  return {
    units: c.units.map((u) =>
      u.organization.unitCode === 'dinas-arsip'
        ? { ...u, organization: { ...u.organization, name: 'Dinas Arsip <Kota>' } }
        : u,
    ),
  };
}

let f: ReturnType<typeof fakeDeps>;
let facts: OperatorFacts;
let portal: ReturnType<typeof portalOf>;

beforeEach(async () => {
  f = fakeDeps(config());
  f.clock.current = NOW;
  await seedDirectory(f.deps);
  facts = metrics({});
  portal = portalOf(f.deps, { operatorFacts: () => facts });
});

async function stored(...reports: Report[]) {
  for (const r of reports) {
    const event = {
      reportId: r.reportId,
      seq: 1,
      at: r.createdAt,
      action: 'DITERIMA',
      status: 'DITERIMA',
      step: 'assemble',
      revision: 0,
      actor: { name: 'lapkin', role: 'SISTEM' },
      prevHash: '',
      hash: 'h',
    } as const;
    expect(await f.repo.create(r, event)).toBe(true);
  }
}

/** A signed-in browser (the city person: unit `_kota`). */
async function browser(who: Pick<Person, 'nip'>, unit: string) {
  const { id } = await startSession(f.deps, { nip: who.nip, unit });
  return (path: string) => portal.request(path, { headers: { cookie: `lapkin_sesi=${id}` } });
}
const city = () => browser(f.config.city?.people.KOTA as Person, CITY_UNIT);

describe('the city funnel counts reports, not events', () => {
  it('two reports, one corrected once and escalated three times: Diterima 2, Mutu Baku terlampaui 1', async () => {
    await stored(
      report('karawaci-2026-TW1', {
        status: 'MENUNGGU_VERIFIKASI',
        step: 'verify',
        revision: 2,
        escalation: { round: 'verify:2:x', count: 3 },
      }),
      report('sukamaju-2026-TW1', { status: 'TERDOKUMENTASI', step: 'done', revision: 1 }),
    );
    // What the event counters say: three uploads received (one a correction), three escalation runs.
    facts = metrics({ ReportsReceived: 3, ReportsAssembled: 3, RevisionsRequested: 1, SlaBreaches: 3 });
    const html = (await (await city())('/laporan')).body;
    expect(card(html, 'Diterima')).toBe(2);
    expect(card(html, 'Disusun')).toBe(2);
    expect(card(html, 'Dikembalikan')).toBe(1);
    expect(card(html, 'Terdokumentasi')).toBe(1);
    expect(card(html, 'Mutu Baku terlampaui')).toBe(1);
    // The counters are there, apart and collapsed, and say what they count.
    expect(html).toMatch(/<details class="operator"><summary>Penghitung metrik lokal \(kejadian, bukan laporan\)/);
    expect(counter(html, 'ReportsReceived')).toBe(3);
    expect(counter(html, 'SlaBreaches')).toBe(3);
    expect(counter(html, 'RemindersSent')).toBe(0);
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
  const reports = () => [
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
    const rows = unitRows(UNITS, reports(), { tahun: 2026, periode: 'TW1' }, NOW);
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

  it('renders it with each unit linking to its own view, names escaped', async () => {
    await stored(...reports());
    const html = (await (await city())('/laporan?tahun=2026&periode=TW1')).body;
    expect(html).toContain('<tr data-unit="dinas-arsip">');
    expect(html).toContain('Dinas Arsip &lt;Kota&gt;');
    expect(html).toContain('href="/laporan?unit=karawaci&amp;tahun=2026&amp;periode=TW1"');
    expect(html).toMatch(/data-unit="karawaci">.*?data-stage="lateNow">1</);
    expect(card(html, 'Diterima')).toBe(2);
    // The reports list shows the period's reports only; the other periods are links.
    expect(html).toContain('data-report="karawaci-2026-TW1"');
    expect(html).not.toContain('data-report="sukamaju-2026-TW2"');
    expect(html).toMatch(/Periode: <strong>Triwulan I 2026<\/strong>/);
    expect(html).toContain('href="/laporan?tahun=2026&amp;periode=TW2"');
  });

  it('?unit=U narrows the funnel, the table and the lists to that unit; an unknown unit is said so', async () => {
    await stored(...reports());
    facts = { counts: { ReportsReceived: 5 }, byUnit: { sukamaju: { ReportsReceived: 2 } } };
    const kota = await city();
    const html = (await kota('/laporan?unit=sukamaju&tahun=2026&periode=TW1')).body;
    expect(html).toContain('<title>Laporan Kinerja — Kecamatan Sukamaju</title>');
    expect(html).toContain('<tr data-unit="sukamaju">');
    expect(html).not.toContain('data-unit="karawaci"');
    expect(html).not.toContain('data-report="karawaci-2026-TW1"');
    expect(card(html, 'Diterima')).toBe(1);
    expect(counter(html, 'ReportsReceived')).toBe(2);
    // The period links keep the unit.
    expect(html).toContain('href="/laporan?unit=sukamaju&amp;tahun=2026&amp;periode=TW2"');
    const unknown = (await kota('/laporan?unit=<x>')).body;
    expect(unknown).toContain('Unit &quot;&lt;x&gt;&quot; tidak dikenal.');
    expect(unknown).not.toContain('<tr data-unit=');
  });

  it('speaks English with ?lang=en', async () => {
    await stored(...reports());
    const html = (await (await city())('/laporan?lang=en&tahun=2026&periode=TW1')).body;
    expect(html).toContain('<html lang="en">');
    expect(card(html, 'Received')).toBe(2);
    expect(html).toContain('Awaiting ratification');
    expect(html).toContain('Last documented');
    expect(html).toContain('late 24 h');
  });
});

describe('who the SOP waits for', () => {
  function pending(reportId: string, unit: string, over: Partial<Decision> = {}): Decision {
    const p = people(f.config, unit).CAMAT;
    return {
      decisionId: `d-${reportId}`,
      reportId,
      unit,
      step: 'ratify',
      role: 'CAMAT',
      assignee: { name: p.name, nip: p.nip, email: p.email, title: 'Camat' },
      revision: 1,
      document: { key: `laporan/${unit}/x.pdf`, versionId: 'v1' },
      taskToken: `secret-token-${reportId}`,
      state: 'PENDING',
      createdAt: '2026-04-08T03:00:00Z',
      expiresAt: '2026-05-08T03:00:00Z',
      dueAt: '2026-04-09T03:00:00Z',
      ...over,
    };
  }

  it('every unit’s pending decisions, longest waiting first: who, since when, due, late; never a token', async () => {
    await stored(
      report('karawaci-2026-TW1', { status: 'MENUNGGU_PENGESAHAN', step: 'ratify', revision: 1 }),
      report('sukamaju-2026-TW1', { status: 'MENUNGGU_PENGESAHAN', step: 'ratify', revision: 1 }),
      report('sukamaju-2025-TW4', { status: 'MENUNGGU_PENGESAHAN', step: 'ratify', revision: 1 }),
    );
    await f.repo.putDecisionIfAbsent(pending('karawaci-2026-TW1', 'karawaci'));
    await f.repo.putDecisionIfAbsent(
      pending('sukamaju-2026-TW1', 'sukamaju', { createdAt: '2026-04-09T05:00:00Z', dueAt: '2026-04-10T05:00:00Z' }),
    );
    // Another period waits too: the city sees it whatever period the list shows.
    await f.repo.putDecisionIfAbsent(
      pending('sukamaju-2025-TW4', 'sukamaju', { createdAt: '2026-04-01T03:00:00Z', dueAt: '2026-04-02T03:00:00Z' }),
    );
    const html = (await (await city())('/laporan?tahun=2026&periode=TW1')).body;
    expect([...html.matchAll(/data-pending="([^"]+)"/g)].map((m) => m[1])).toEqual([
      'sukamaju-2025-TW4',
      'karawaci-2026-TW1',
      'sukamaju-2026-TW1',
    ]);
    expect(html).toContain('Menunggu keputusan (3)');
    const karawaci = /data-pending="karawaci-2026-TW1"[\s\S]*?<\/li>/.exec(html)?.[0] ?? '';
    expect(karawaci).toContain(people(f.config, 'karawaci').CAMAT.name);
    expect(karawaci).toContain('Kecamatan Karawaci');
    expect(karawaci).toContain('Sejak');
    expect(karawaci).toContain('(terlambat)');
    const onTime = /data-pending="sukamaju-2026-TW1"[\s\S]*?<\/li>/.exec(html)?.[0] ?? '';
    expect(onTime).not.toContain('terlambat');
    expect(html).not.toContain('secret-token-');
  });

  it('a unit’s own person sees no city overview and no operator counters', async () => {
    await stored(report('karawaci-2026-TW1', { status: 'MENUNGGU_PENGESAHAN', step: 'ratify', revision: 1 }));
    await f.repo.putDecisionIfAbsent(pending('karawaci-2026-TW1', 'karawaci'));
    facts = metrics({ ReportsReceived: 7 });
    const staff = await browser(people(f.config, 'karawaci').STAF, 'karawaci');
    const html = (await staff('/laporan')).body;
    expect(html).toContain('data-report="karawaci-2026-TW1"');
    expect(html).not.toContain('data-pending=');
    expect(html).not.toContain('data-unit=');
    expect(html).not.toContain('ReportsReceived');
  });

  it('on AWS (no hook) the city view has no operator counters', async () => {
    portal = portalOf(f.deps);
    const html = (await (await city())('/laporan')).body;
    expect(html).toContain('data-stage="received"');
    expect(html).not.toContain('class="operator"');
  });
});
