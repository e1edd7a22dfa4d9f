/**
 * Both languages stay complete: every bilingual word table lapkin exports has the same keys, at every depth, in
 * Bahasa Indonesia and in English, and no empty text. (The tables private to a page or a mail are read as
 * `T[lang].key`, which the typechecker already refuses when one language lacks the key.)
 */
import { describe, expect, it } from 'vitest';
import { DISPOSITION_LABELS } from '../../functions/documents/disposition-pdf.ts';
import { REPORT_PDF_LABELS } from '../../functions/documents/report-pdf/labels.ts';
import { MESSAGES } from '../../functions/documents/upload/messages.ts';
import { PERIOD_LABEL, ROLE_LABEL, STATUS_LABEL, STEP_LABEL } from '../../functions/i18n/labels.ts';
import { ACTION_LABEL } from '../../functions/web/timeline-labels.ts';

/** Every path of a table ("s6", "coverRows.periode", "mainHeaders.3"), with its value. */
function leaves(value: unknown, path = ''): [string, unknown][] {
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [[path, value]];
}

const TABLES: Record<string, { id: unknown; en: unknown }> = {
  STATUS_LABEL,
  ROLE_LABEL,
  STEP_LABEL,
  PERIOD_LABEL,
  ACTION_LABEL,
  REPORT_PDF_LABELS,
  DISPOSITION_LABELS,
  MESSAGES,
};

describe('every label exists in both languages', () => {
  for (const [name, table] of Object.entries(TABLES)) {
    it(name, () => {
      const id = leaves(table.id);
      const en = leaves(table.en);
      expect(en.map(([p]) => p).sort(), `${name}: keys only in one language`).toEqual(id.map(([p]) => p).sort());
      for (const [path, v] of [...id, ...en]) {
        expect(typeof v === 'function' || (typeof v === 'string' && v.trim() !== ''), `${name}.${path}`).toBe(true);
      }
    });
  }
});
