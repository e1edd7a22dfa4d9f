import type { Child } from 'hono/jsx';
import type { DiffSummary } from '../../core/performance-data.ts';
import type { ReportStatus } from '../../core/report.ts';
import { diffView } from '../../i18n/diff.ts';
import type { Lang } from '../../i18n/lang.ts';

/**
 * Styles of the report and task pages, on top of the Layout's: report cards (one per report on a phone, a grid
 * on a desk), label/value facts that wrap instead of a two-column table, collapsible sections, the timeline.
 * Our own constant CSS, never user data.
 */
const CSS = `
  .facts { display:grid; grid-template-columns: minmax(7.5em, max-content) 1fr; gap:4px 12px; margin:0 0 12px; }
  .facts dt { color:#4f5966; font-size:.9rem; }
  .facts dd { margin:0; font-weight:600; }
  @media (max-width: 420px) { .facts { grid-template-columns: minmax(6em, 38%) 1fr; gap:4px 10px; } }
  .badge { display:inline-block; padding:2px 10px; border-radius:12px; background:#e8eef6; font-size:.85rem; font-weight:600; }
  .badge.done { background:#e3f4e5; color:#175c27; } .badge.bad { background:#fdecea; color:#8a1c1c; } .badge.wait { background:#fff3cd; color:#6b4a00; }
  .late { color:#b3261e; font-weight:600; }
  ul.cards { list-style:none; padding:0; margin:12px 0; display:grid; gap:10px; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); }
  ul.cards > li { border:1px solid #d5dbe3; border-radius:8px; padding:12px; background:#fff; }
  ul.cards > li.is-late { border-left:4px solid #b3261e; }
  ul.cards h2, ul.cards h3 { margin:0 0 6px; font-size:1.02rem; }
  ul.cards a.title { font-weight:700; color:#1f4e79; }
  ul.cards .facts { margin:8px 0 0; grid-template-columns: minmax(6.5em, max-content) 1fr; }
  ul.cards .facts dd { font-weight:500; }
  @media (max-width: 420px) { ul.cards { grid-template-columns: 1fr; } ul.cards .facts { gap:2px 8px; } }
  details { border:1px solid #d5dbe3; border-radius:8px; margin:10px 0; padding:0 12px; }
  details > summary { cursor:pointer; padding:12px 0; font-weight:600; min-height:44px; }
  details[open] > summary { border-bottom:1px solid #e3e7ed; margin-bottom:8px; }
  .filters { display:flex; flex-wrap:wrap; gap:8px 12px; align-items:flex-end; margin:8px 0 4px; }
  .filters > div { flex:1 1 140px; }
  .filters label { margin:0 0 4px; font-size:.9rem; }
  .filters .btn { margin:0; }
  ol.timeline { list-style:none; padding:0; margin:8px 0; }
  ol.timeline > li { border-left:3px solid #c5d3e3; padding:4px 0 10px 12px; margin-left:4px; }
  ol.timeline > li.decision { border-left-color:#1e7d32; }
  ol.timeline .when { color:#4f5966; font-size:.85rem; }
  ol.timeline .what { font-weight:600; }
  ul.docs { padding-left:18px; margin:6px 0; } ul.docs li { margin:4px 0; }
  ul.plain { padding-left:18px; } ul.plain li { margin:6px 0; }
  /* On a phone the diff's three columns stack: the kode once, then per change its field (small) and the change. */
  @media (max-width: 600px) {
    table.diff, table.diff tbody, table.diff tr, table.diff td { display:block; width:auto; }
    table.diff tr:first-child { display:none; }
    table.diff tr { border-bottom:1px solid #e3e7ed; padding:4px 0; }
    table.diff td { border:0; padding:0 4px; white-space:normal !important; }
    table.diff td:first-child { font-weight:700; padding-top:6px; }
    table.diff td:first-child:empty { display:none; }
    table.diff td:nth-child(2) { color:#4f5966; font-size:.85rem; }
  }
  .funnel { display:grid; grid-template-columns: repeat(auto-fill, minmax(108px, 1fr)); gap:8px; margin:12px 0 4px; }
  .funnel div { background:#f0f3f7; border-radius:8px; padding:8px 10px; font-size:.85rem; }
  .funnel b { display:block; font-size:1.35rem; color:#1f4e79; }
  .next { background:#eef4fb; border-left:4px solid #1f4e79; padding:10px 12px; margin:12px 0; }
`;

export function PageStyle() {
  return <style dangerouslySetInnerHTML={{ __html: CSS }} />;
}

/** Label/value pairs: two columns on a desk, stacked on a narrow phone. */
export function Facts(p: { rows: [string, Child][]; class?: string }) {
  return (
    <dl class={p.class ? `facts ${p.class}` : 'facts'}>
      {p.rows.map(([k, v]) => (
        <>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </>
      ))}
    </dl>
  );
}

/** The status as a coloured badge; `data-status` names it for tests and scripts. */
export function StatusBadge(p: { status: ReportStatus; label: string }) {
  const kind =
    p.status === 'TERDOKUMENTASI' || p.status === 'DISAHKAN'
      ? 'done'
      : p.status === 'GAGAL'
        ? 'bad'
        : p.status.startsWith('MENUNGGU') || p.status.startsWith('PERLU')
          ? 'wait'
          : '';
  return (
    <span class={`badge ${kind}`} data-status={p.status}>
      {p.label}
    </span>
  );
}

/**
 * The revision diff (what changed since the previous revision), collapsed: its summary line says how much
 * changed, so the decision buttons below stay in reach. Three columns, the kode written once per indicator.
 */
export function DiffSection(p: { summary: DiffSummary; lang: Lang; open?: boolean }) {
  const v = diffView(p.summary, p.lang);
  return (
    <details class="diff-section" open={p.open}>
      <summary>
        {v.heading}: <span class="muted">{v.counts}</span>
      </summary>
      {v.rows.length ? (
        <div class="table-scroll">
          <table class="diff">
            <tr>
              {v.headers.map((h) => (
                <th>{h}</th>
              ))}
            </tr>
            {v.rows.map((r, i) => (
              <tr>
                <td style="white-space:nowrap">{i > 0 && v.rows[i - 1]?.kode === r.kode ? '' : r.kode}</td>
                <td>{r.field}</td>
                <td>
                  <DiffValue text={r.before} empty={r.beforeEmpty} color="#8a1c1c" bold={false} />
                  {' → '}
                  <DiffValue text={r.after} empty={r.afterEmpty} color="#1e7d32" bold={r.figure} />
                </td>
              </tr>
            ))}
          </table>
        </div>
      ) : null}
      {v.more ? <p class="muted">{v.more}</p> : null}
    </details>
  );
}

/** One side of a change: the new figure in bold green, the old in red, an empty value muted (as in the mail). */
function DiffValue(p: { text: string; empty: boolean; color: string; bold: boolean }) {
  return (
    <span style={`color:${p.empty ? '#5b6573' : p.color}${p.bold && !p.empty ? ';font-weight:600' : ''}`}>
      {p.text}
    </span>
  );
}

/** Why the report came back (the note of the REVISE that led to this revision). */
export function SendBackNote(p: { summary: DiffSummary; lang: Lang }) {
  const v = diffView(p.summary, p.lang);
  if (!v.request) return null;
  return (
    <div class="notice">
      <strong>{v.request.intro}</strong>
      <br />
      {v.request.note}
    </div>
  );
}
