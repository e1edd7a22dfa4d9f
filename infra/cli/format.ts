import type { AuditEvent, Report } from '../../functions/core/report.ts';
import { ROLE_LABEL, STATUS_LABEL, STEP_LABEL } from '../../functions/i18n/labels.ts';
import type { Lang } from '../../functions/i18n/lang.ts';

/**
 * Times as the mails show them: in the office's zone, Asia/Jakarta, named (WIB) — never a bare UTC time a
 * reader would take for local. Compact (one timeline line each): 2026-04-06 14:05:09 WIB.
 */
export function cliTime(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Jakarta',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const p = Object.fromEntries(parts.map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second} WIB`;
}

const WORDS = {
  id: {
    due: 'batas waktu',
    late: 'TERLAMBAT',
    rev: 'revisi',
    source: 'sumber ',
    report: 'laporan',
    archive: 'arsip  ',
    timeline: 'riwayat:',
    none: 'belum ada laporan',
  },
  en: {
    due: 'due',
    late: 'LATE',
    rev: 'revision',
    source: 'source ',
    report: 'report ',
    archive: 'archive',
    timeline: 'timeline:',
    none: 'no reports yet',
  },
} as const;

export const noReports = (lang: Lang) => WORDS[lang].none;

export function reportLine(r: Report, lang: Lang = 'id'): string {
  const w = WORDS[lang];
  const late = r.dueAt && new Date(r.dueAt) < new Date() && r.status !== 'TERDOKUMENTASI' ? ` (${w.late})` : '';
  const due = r.dueAt && r.status !== 'TERDOKUMENTASI' ? `  ${w.due} ${cliTime(r.dueAt)}${late}` : '';
  return `${r.reportId.padEnd(24)} ${r.status.padEnd(21)} ${w.rev} ${String(r.revision).padEnd(3)} ${STEP_LABEL[lang][r.step] ?? r.step}${due}`;
}

export function timeline(r: Report, events: AuditEvent[], lang: Lang = 'id'): string {
  const w = WORDS[lang];
  const lines = [
    `${r.reportId}: ${r.status} (${STATUS_LABEL[lang][r.status]}), ${w.rev} ${r.revision}`,
    `  ${w.source}  ${r.source.key} @ ${r.source.versionId}`,
  ];
  if (r.dueAt && r.status !== 'TERDOKUMENTASI') lines.push(`  ${w.due} ${cliTime(r.dueAt)}`);
  if (r.reportPdf) lines.push(`  ${w.report}  ${r.reportPdf.key} @ ${r.reportPdf.versionId}`);
  if (r.archive) {
    for (const [label, ref] of Object.entries(r.archive))
      lines.push(`  ${w.archive}  ${label.padEnd(11)} ${ref.key} @ ${ref.versionId}  sha256 ${ref.sha256}`);
  }
  lines.push(`  ${w.timeline}`);
  for (const e of events) {
    const who =
      e.actor.role === 'SISTEM'
        ? 'lapkin'
        : // The title recorded when they acted ("Plh. Camat Karawaci" for a delegate), else the role in words.
          `${e.actor.name} (${e.actor.title ?? ROLE_LABEL[lang][e.actor.role] ?? e.actor.role})`;
    const what = [e.action, e.decision, e.note ? `"${e.note}"` : ''].filter(Boolean).join(' ');
    lines.push(`    ${String(e.seq).padStart(3)} ${cliTime(e.at)}  ${w.rev} ${e.revision}  ${what}  — ${who}`);
  }
  return lines.join('\n');
}
