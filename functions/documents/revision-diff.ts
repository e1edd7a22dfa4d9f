import {
  type AssembledReport,
  type ComputedIndicator,
  DIFF_FIELDS,
  type DiffLine,
  type DiffSummary,
  type DiffValue,
  type IndicatorChange,
  type RevisionDiff,
  type SendBack,
} from '../core/performance-data.ts';

/** Indicator codes match as the duplicate rule does: case and surrounding spaces do not make a new indicator. */
function codeKey(kode: string): string {
  return kode.trim().toUpperCase();
}

function fieldValue(ind: ComputedIndicator, field: (typeof DIFF_FIELDS)[number]): DiffValue {
  const v = ind[field];
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  return v;
}

function same(a: DiffValue, b: DiffValue): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 1e-9;
  if (typeof a === 'string' && typeof b === 'string') return a.trim() === b.trim();
  return a === b;
}

/**
 * What changed per indicator from one assembled revision to the next: indicators added and removed (by kode),
 * and for the others every differing field, including the computed capaian and kategori so a reader sees the
 * effect of a corrected realisasi. Indicators keep the order of the new revision; removed ones come last.
 */
export function diffRevisions(previous: AssembledReport, next: AssembledReport, request?: SendBack): RevisionDiff {
  const before = new Map(previous.indicators.map((i) => [codeKey(i.kode), i]));
  const seen = new Set<string>();
  const indicators: IndicatorChange[] = [];
  let unchanged = 0;
  for (const ind of next.indicators) {
    const key = codeKey(ind.kode);
    seen.add(key);
    const old = before.get(key);
    if (!old) {
      indicators.push({ kode: ind.kode, indikator: ind.indikator, change: 'added', fields: [] });
      continue;
    }
    const fields = DIFF_FIELDS.flatMap((field) => {
      const b = fieldValue(old, field);
      const a = fieldValue(ind, field);
      return same(b, a) ? [] : [{ field, before: b, after: a }];
    });
    if (fields.length === 0) unchanged += 1;
    else indicators.push({ kode: ind.kode, indikator: ind.indikator, change: 'changed', fields });
  }
  for (const old of previous.indicators) {
    if (!seen.has(codeKey(old.kode))) {
      indicators.push({ kode: old.kode, indikator: old.indikator, change: 'removed', fields: [] });
    }
  }
  const count = (c: IndicatorChange['change']) => indicators.filter((i) => i.change === c).length;
  return {
    fromRevision: previous.revision,
    toRevision: next.revision,
    from: { source: previous.source, generatedAt: previous.generatedAt },
    to: { source: next.source, generatedAt: next.generatedAt },
    counts: { added: count('added'), removed: count('removed'), changed: count('changed'), unchanged },
    indicators,
    ...(request ? { request } : {}),
  };
}

export const SUMMARY_LINES = 25;
export const SUMMARY_TEXT = 90;

function shorten(v: DiffValue, max: number): DiffValue {
  if (typeof v !== 'string') return v;
  const flat = v.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  // At a word boundary when there is one in the last fifth: "sebel…" reads worse than "sebelumnya …".
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.8 ? cut.slice(0, space) : cut}…`;
}

/**
 * The compact form kept on the report item and shown in the decision mail and page: one line per changed field
 * (or per added/removed indicator), texts shortened. Bounded, so a wholesale rewrite of a large file still fits
 * the report item; the full diff stays in the JSON document.
 */
export function summarizeDiff(diff: RevisionDiff, maxLines = SUMMARY_LINES, maxText = SUMMARY_TEXT): DiffSummary {
  const all: DiffLine[] = diff.indicators.flatMap((ind): DiffLine[] => {
    if (ind.change === 'added') {
      return [{ kode: ind.kode, change: 'added', field: null, before: null, after: shorten(ind.indikator, maxText) }];
    }
    if (ind.change === 'removed') {
      return [{ kode: ind.kode, change: 'removed', field: null, before: shorten(ind.indikator, maxText), after: null }];
    }
    return ind.fields.map((f) => ({
      kode: ind.kode,
      change: 'changed',
      field: f.field,
      before: shorten(f.before, maxText),
      after: shorten(f.after, maxText),
    }));
  });
  // Within the bound, what moves the numbers comes first: whole indicators, then figures, then narrative.
  const rank = (l: DiffLine): number =>
    l.field === null ? 0 : DIFF_FIELDS.indexOf(l.field) < DIFF_FIELDS.indexOf('faktorPendorong') ? 1 : 2;
  const ordered = all.map((line, i) => ({ line, i })).sort((a, b) => rank(a.line) - rank(b.line) || a.i - b.i);
  return {
    fromRevision: diff.fromRevision,
    toRevision: diff.toRevision,
    counts: diff.counts,
    lines: ordered.slice(0, maxLines).map((o) => o.line),
    more: Math.max(0, all.length - maxLines),
    ...(diff.request ? { request: { ...diff.request, note: shorten(diff.request.note, 600) as string } } : {}),
  };
}
