import type { UnitConfig } from '../../functions/core/config.ts';
import { profileOf } from '../../functions/core/directory.ts';
import type { AuditEvent, Report } from '../../functions/core/report.ts';
import { PERIOD_LABEL, statusLabel, type UnitTitles } from '../../functions/i18n/labels.ts';
import { mutuBakuAge } from '../../functions/web/mutu-baku-age.ts';
import { cliTime } from './format.ts';

/**
 * The five SOP steps, named with the unit's titles (Sekretaris Dinas, Camat, …) or neutral words without one. The
 * team lead's paraf belongs to step 2 (the report is compiled and initialled by the team).
 */
function steps(unit: UnitTitles | undefined, r: Report): string[] {
  return [
    'Data diterima',
    r.status === 'MENUNGGU_PARAF'
      ? `Laporan disusun — menunggu paraf ${unit?.roleTitles.TIMSAKIP ?? 'ketua tim'}`
      : 'Laporan disusun',
    `Verifikasi ${unit?.roleTitles.SEKRETARIS_CAMAT ?? 'Sekretaris'}`,
    `Pengesahan ${unit?.roleTitles.CAMAT ?? 'pimpinan'}`,
    'Dokumentasi',
  ];
}

/** Which SOP step (1–5) a status is at, and whether that step is done. */
function position(r: Report): { current: number; done: boolean } {
  switch (r.status) {
    case 'DITERIMA':
    case 'MENUNGGU_PARAF':
      return { current: 2, done: false };
    case 'DISUSUN':
    case 'MENUNGGU_VERIFIKASI':
      return { current: 3, done: false };
    case 'MENUNGGU_PENGESAHAN':
      return { current: 4, done: false };
    case 'DISAHKAN':
      return { current: 5, done: false };
    case 'TERDOKUMENTASI':
      return { current: 6, done: true };
    default:
      return { current: 2, done: false };
  }
}

/** One frame of `lapkin status --watch`: the five SOP steps, where the report is, and its Mutu Baku. */
export function renderWatch(r: Report, events: AuditEvent[], now: Date, color: boolean, unit?: UnitTitles): string {
  const paint = (code: string, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const { current } = position(r);
  const age = mutuBakuAge(r, now);
  const lines = [
    `lapkin · ${r.reportId} · ${PERIOD_LABEL.id[r.periode] ?? r.periode} ${r.tahun} · revisi ${r.revision}   (${cliTime(now.toISOString()).slice(11)})`,
    '',
  ];
  steps(unit, r).forEach((label, i) => {
    const n = i + 1;
    if (r.status === 'GAGAL' && n === current)
      lines.push(paint('31', `  ✖ ${n} ${label}  — gagal: ${r.lastError?.error ?? ''}`));
    else if (n < current) lines.push(paint('32', `  ✔ ${n} ${label}`));
    else if (n === current) {
      const wait = age.text !== '–' ? ` — ${age.late ? paint('31', age.text) : age.text}` : '';
      lines.push(paint('1', `  ▶ ${n} ${label}`) + wait);
    } else lines.push(`    ${n} ${label}`);
    if (n === 2 && (r.status === 'PERLU_REVISI' || r.status === 'PERLU_PERBAIKAN_DATA')) {
      lines.push(
        paint(
          '33',
          `    ↺ ${statusLabel(r.status, 'id', unit)}: menunggu unggahan data perbaikan${age.text !== '–' ? ` — ${age.text}` : ''}`,
        ),
      );
    }
  });
  const last = events.at(-1);
  if (last)
    lines.push(
      '',
      `  Terakhir: ${cliTime(last.at).slice(11)} ${last.action}${last.decision ? ` ${last.decision}` : ''} — ${last.actor.name}`,
    );
  lines.push('', `  Status: ${statusLabel(r.status, 'id', unit)}`);
  return `${lines.join('\n')}\n`;
}

/**
 * Redraws every second until the report is documented or failed (or Ctrl-C). `units` (the configuration's) name
 * the steps with the report's unit's titles; a unit not among them gets neutral words.
 */
export async function watch(
  read: () => Promise<{ report?: Report; events: AuditEvent[] }>,
  out: (s: string) => void,
  tty: boolean,
  units: UnitConfig[] = [],
): Promise<Report | undefined> {
  let previous = '';
  for (;;) {
    const { report, events } = await read();
    if (!report) return undefined;
    const config = units.find((u) => u.organization.unitCode === report.unit);
    const frame = renderWatch(report, events, new Date(), tty, config && profileOf(config));
    // On a terminal the frame is redrawn in place; in a log only changes are printed.
    const comparable = frame.replace(/\(\d\d:\d\d:\d\d WIB\)/, '');
    if (tty) out(`\x1b[2J\x1b[H${frame}`);
    else if (comparable !== previous) out(frame);
    previous = comparable;
    if (report.status === 'TERDOKUMENTASI' || report.status === 'GAGAL') return report;
    await new Promise((r) => setTimeout(r, 1000));
  }
}
