/**
 * TRANSITION ONLY — remove after the portal branches are merged. The i18n module moved to functions/i18n/ (words
 * and formats) and the mail's diff table to functions/mails/revision-diff.tsx; this file re-exports them so
 * code written against the old path still builds. New code imports from functions/i18n/* directly.
 */
export { type DiffRow, diffText, diffView } from '../i18n/diff.ts';
export { formatDate, formatDateTime, formatNumber, formatPercent } from '../i18n/format.ts';
export {
  kategoriLabel,
  PERIOD_LABEL,
  periodLabel,
  reportTitle,
  STATUS_LABEL,
  STEP_LABEL,
  statusLabel,
  type UnitTitles,
} from '../i18n/labels.ts';
export type { Lang } from '../i18n/lang.ts';
export { diffHtml } from '../mails/revision-diff.tsx';
