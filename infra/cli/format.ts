import type { AuditEvent, Report } from '../../functions/core/report.ts';
import { STATUS_LABEL, STEP_LABEL } from '../../functions/web/i18n.ts';

const time = (iso: string) => new Date(iso).toISOString().replace('T', ' ').slice(0, 19);

export function reportLine(r: Report): string {
  const due = r.dueAt
    ? `  due ${time(r.dueAt)}${new Date(r.dueAt) < new Date() && r.status !== 'TERDOKUMENTASI' ? ' (LATE)' : ''}`
    : '';
  return `${r.reportId.padEnd(24)} ${r.status.padEnd(21)} rev ${String(r.revision).padEnd(3)} ${STEP_LABEL.en[r.step] ?? r.step}${due}`;
}

export function timeline(r: Report, events: AuditEvent[]): string {
  const lines = [
    `${r.reportId}: ${r.status} (${STATUS_LABEL.en[r.status]}), revision ${r.revision}`,
    `  source   ${r.source.key} @ ${r.source.versionId}`,
  ];
  if (r.reportPdf) lines.push(`  report   ${r.reportPdf.key} @ ${r.reportPdf.versionId}`);
  if (r.archive) {
    for (const [label, ref] of Object.entries(r.archive))
      lines.push(`  archive  ${label.padEnd(11)} ${ref.key} @ ${ref.versionId}  sha256 ${ref.sha256}`);
  }
  lines.push('  timeline:');
  for (const e of events) {
    const who = e.actor.role === 'SISTEM' ? 'lapkin' : `${e.actor.name} (${e.actor.role})`;
    const what = [e.action, e.decision, e.note ? `"${e.note}"` : ''].filter(Boolean).join(' ');
    lines.push(`    ${String(e.seq).padStart(3)} ${time(e.at)}  rev ${e.revision}  ${what}  — ${who}`);
  }
  return lines.join('\n');
}
