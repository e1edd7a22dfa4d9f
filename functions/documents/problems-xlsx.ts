import ExcelJS from 'exceljs';
import type { DataProblem } from '../core/performance-data.ts';
import type { Lang } from '../i18n/lang.ts';
import { safeCellText } from './safe-cell.ts';

const LABELS = {
  id: {
    sheet: 'Masalah',
    headers: ['No', 'Baris', 'Kolom', 'Nilai', 'Masalah'],
    wholeFile: '(seluruh berkas)',
  },
  en: {
    sheet: 'Problems',
    headers: ['No', 'Row', 'Column', 'Value', 'Problem'],
    wholeFile: '(whole file)',
  },
};

/**
 * The list of problems in an upload, sent to the uploader as an attachment. Values are echoed from the upload, so
 * every text passes through safeCellText.
 */
export async function renderProblemsXlsx(problems: DataProblem[], lang: Lang = 'id'): Promise<Buffer> {
  const l = LABELS[lang];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'lapkin';
  const ws = wb.addWorksheet(l.sheet);
  ws.columns = [{ width: 6 }, { width: 8 }, { width: 22 }, { width: 30 }, { width: 90 }];
  const header = ws.addRow(l.headers);
  header.eachCell((cell) => {
    cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF9C2A1E' } };
    cell.alignment = { vertical: 'middle', horizontal: 'center' };
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  problems.forEach((p, i) => {
    const row = ws.addRow([
      i + 1,
      p.row ?? safeCellText(l.wholeFile),
      p.column === null ? null : safeCellText(p.column),
      p.value === null ? null : safeCellText(p.value),
      safeCellText(p.message),
    ]);
    row.alignment = { vertical: 'top', wrapText: true };
    row.getCell(1).alignment = { vertical: 'top', horizontal: 'right' };
    row.getCell(2).alignment = { vertical: 'top', horizontal: 'right' };
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, problems.length + 1), column: 5 } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
