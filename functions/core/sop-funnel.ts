import type { Report } from './report.ts';

/** The SOP funnel's stages, in the order the console and the portal show them. */
export const FUNNEL_STAGES = [
  'received',
  'assembled',
  'awaitingParaf',
  'awaitingVerification',
  'awaitingRatification',
  'sentBack',
  'documented',
  'failed',
  'lateEver',
] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];
export type Funnel = Record<FunnelStage, number>;

/**
 * The SOP funnel of a set of reports, each report counted once per stage:
 * received — every report; assembled — assembled at least once (revision ≥ 1); awaiting paraf /
 * verification / ratification — its status now; sent back — waiting for a revision now, or assembled again after one
 * (revision ≥ 2: only a REVISE brings a report back to assembly); documented / failed — its status;
 * Mutu Baku exceeded — late at least once (the clock marks a report when it first escalates it, and a later
 * step's escalation replaces the mark, never removes it).
 */
export function sopFunnel(reports: readonly Report[]): Funnel {
  const count = (p: (r: Report) => boolean) => reports.filter(p).length;
  return {
    received: reports.length,
    assembled: count((r) => r.revision >= 1),
    awaitingParaf: count((r) => r.status === 'MENUNGGU_PARAF'),
    awaitingVerification: count((r) => r.status === 'MENUNGGU_VERIFIKASI'),
    awaitingRatification: count((r) => r.status === 'MENUNGGU_PENGESAHAN'),
    sentBack: count((r) => r.status === 'PERLU_REVISI' || r.revision >= 2),
    documented: count((r) => r.status === 'TERDOKUMENTASI'),
    failed: count((r) => r.status === 'GAGAL'),
    lateEver: count((r) => !!r.escalation),
  };
}
