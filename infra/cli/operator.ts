import { resolve } from 'node:path';
import type { LapkinConfig } from '../../functions/core/config.ts';
import { type AuditVerdict, verifyAudit } from '../../functions/usecases/verify-audit.ts';
import { withOfflineState } from './offline-state.ts';

type Stdio = { out: (t: string) => void; err: (t: string) => void };
const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

/** Checks the audit trail through the running stack, or straight from its files when it is stopped. */
async function auditVerdict(config: LapkinConfig, reportId: string): Promise<AuditVerdict> {
  try {
    const res = await fetch(`${config.publicBaseUrl}/_lokal/audit/${encodeURIComponent(reportId)}`);
    return (await res.json()) as AuditVerdict;
  } catch {
    const verdict = await withOfflineState(
      resolve(PROJECT_ROOT, config.local.stateDir),
      config.publicBaseUrl,
      (ports) => verifyAudit(ports, reportId),
    );
    return (
      verdict ?? {
        reportId,
        ok: false,
        events: 0,
        documents: 0,
        findings: [{ kind: 'REPORT_MISSING', detail: 'no local state' }],
      }
    );
  }
}

/**
 * `lapkin audit <reportId> [--json]`: exit 0 when intact, 1 with every altered record, checkpoint or file named
 * (the chain in the table, its checkpoints under audit/, and the SHA-256 of every stored object).
 */
export async function runAudit(config: LapkinConfig, args: string[], io: Stdio): Promise<number> {
  const reportId = args.find((a) => !a.startsWith('--'));
  if (!reportId) {
    io.err('lapkin: audit needs a report id, e.g. lapkin audit karawaci-2026-TW1\n');
    return 2;
  }
  const verdict = await auditVerdict(config, reportId);
  if (args.includes('--json')) {
    io.out(`${JSON.stringify(verdict, null, 2)}\n`);
  } else if (verdict.ok) {
    io.out(
      `${reportId}: intact — ${verdict.events} audit events chained, ${verdict.documents} document versions match their SHA-256, ${verdict.checkpoints ?? 0} checkpoints (audit/, Object Lock) agree with the trail\n`,
    );
  } else {
    io.out(`${reportId}: ${verdict.findings.length} problem(s) found\n`);
    for (const f of verdict.findings) io.out(`  ${f.kind.padEnd(19)} ${f.detail}\n`);
  }
  return verdict.ok ? 0 : 1;
}

/** `lapkin retry <reportId>`: restarts a GAGAL report in the running stack (at `httpUrl`) from its uploaded version. */
export async function runRetry(httpUrl: string, reportId: string, io: Stdio): Promise<number> {
  let res: Response;
  try {
    res = await fetch(`${httpUrl}/_lokal/laporan/${encodeURIComponent(reportId)}/ulang`, { method: 'POST' });
  } catch {
    io.err(`lapkin: the local stack at ${httpUrl} does not answer; start it with: npm start\n`);
    return 1;
  }
  const body = (await res.json()) as { attempt?: number; error?: string };
  if (!res.ok) {
    io.err(`lapkin: ${body.error}\n`);
    return 1;
  }
  io.out(`${reportId}: restarted (attempt ${body.attempt}) from its uploaded data\n`);
  return 0;
}
