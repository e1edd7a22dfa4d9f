import type { DataProblem } from '../core/performance-data.ts';
import type { Lang } from '../i18n/lang.ts';
import { TD, TH, tdFor } from './parts.tsx';

const T = {
  id: { row: 'Baris', column: 'Kolom', value: 'Nilai', problem: 'Masalah' },
  en: { row: 'Row', column: 'Column', value: 'Value', problem: 'Problem' },
};

/** The problems of an upload as the mail's text part lists them. */
export function problemLines(problems: readonly DataProblem[], lang: Lang): string[] {
  const t = T[lang];
  return problems.map((p) => `- ${t.row} ${p.row ?? '–'}, ${t.column} ${p.column ?? '–'}: ${p.message}`);
}

/** The problems of an upload as a table: where (row, column), the value as written, and what is wrong. */
export function ProblemsTable(p: { problems: readonly DataProblem[]; lang: Lang }) {
  const t = T[p.lang];
  return (
    <table style="width:100%;border-collapse:collapse;font-size:13px;margin-top:8px">
      <tr>
        <th style={TH}>{t.row}</th>
        <th style={TH}>{t.column}</th>
        <th style={TH}>{t.value}</th>
        <th style={TH}>{t.problem}</th>
      </tr>
      {p.problems.map((x) => (
        <tr>
          <td style={`${TD};text-align:right;white-space:nowrap`}>{x.row ?? '–'}</td>
          <td style={TD}>{x.column ?? '–'}</td>
          <td style={tdFor(x.value ?? '')}>{x.value ?? ''}</td>
          <td style={tdFor(x.message)}>{x.message}</td>
        </tr>
      ))}
    </table>
  );
}
