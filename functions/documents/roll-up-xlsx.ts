import ExcelJS from 'exceljs';
import type { RolledUpYear } from '../core/annual-roll-up.ts';
import { NARASI_SECTIONS } from '../core/narasi.ts';
import { SIFAT_LABEL } from '../i18n/capaian-words.ts';
import type { Lang } from '../i18n/lang.ts';
import { safeCellText } from './safe-cell.ts';

const T = {
  id: {
    data: 'Data',
    narasi: 'Narasi',
    quarters: 'Rincian Triwulan',
    note: 'Rekap dari data triwulan yang telah terdokumentasi, menurut sifat indikator pada Perjanjian Kinerja; realisasi tahun lalu dari LKjIP tahun lalu. Uraian faktor dan tindak lanjut disalin dari triwulan (bertanda TW): mohon disusun ulang untuk setahun. Isi uraian bila capaian di bawah 100 %, lalu isi lembar Narasi.',
    narasiNote:
      'Isi kolom isi untuk setiap bagian; bagian bertanda wajib harus diisi. Pisahkan paragraf dengan baris kosong.',
    required: 'wajib',
    optional: 'opsional',
    sectionHeaders: ['bagian', 'isi', 'judul', 'keterangan'],
    quarterHeaders: ['kode_indikator', 'indikator', 'sifat', 'TW1', 'TW2', 'TW3', 'TW4', 'tahunan'],
  },
  en: {
    data: 'Data',
    narasi: 'Narasi',
    quarters: 'Quarters',
    note: "Rolled up from the documented quarterly data, by each indicator's type in the performance agreement; last year's actual from last year's LKjIP. The factors and follow-up are copied from the quarters (marked TW): please rewrite them for the year. Fill them in where achievement is below 100 %, then the Narasi sheet.",
    narasiNote:
      'Fill in the isi column of every section; the required ones must be filled. Separate paragraphs with a blank line.',
    required: 'required',
    optional: 'optional',
    sectionHeaders: ['bagian', 'isi', 'title', 'notes'],
    quarterHeaders: ['kode_indikator', 'indikator', 'sifat', 'TW1', 'TW2', 'TW3', 'TW4', 'annual'],
  },
};

const DATA_HEADERS = [
  'tahun',
  'periode',
  'kode_indikator',
  'indikator',
  'realisasi',
  'realisasi_anggaran',
  'realisasi_tahun_lalu',
  'faktor_pendorong',
  'faktor_penghambat',
  'tindak_lanjut',
  'keterangan',
];

/**
 * The annual workbook from the roll-up: the Data sheet in the short format (checked against the PK on upload),
 * the Narasi sheet with every section to write, and the quarters each figure came from. Nothing narrative is
 * filled in: the staff write it.
 */
export async function renderRollUpXlsx(year: RolledUpYear, lang: Lang): Promise<Buffer> {
  const t = T[lang];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'lapkin';
  wb.created = new Date(Date.UTC(year.tahun, 11, 31));
  wb.modified = wb.created;

  const data = wb.addWorksheet(t.data);
  data.columns = [8, 10, 12, 48, 12, 16, 14, 36, 36, 36, 30].map((width) => ({ width }));
  const head = data.addRow(DATA_HEADERS);
  head.font = { bold: true };
  head.getCell(1).note = t.note;
  for (const ind of year.indicators) {
    data.addRow([
      year.tahun,
      'TAHUNAN',
      safeCellText(ind.kode),
      safeCellText(ind.indikator),
      ind.realisasi,
      ind.realisasiAnggaran ?? null,
      ind.realisasiTahunLalu ?? null,
      ind.faktorPendorong ? safeCellText(ind.faktorPendorong) : null,
      ind.faktorPenghambat ? safeCellText(ind.faktorPenghambat) : null,
      ind.tindakLanjut ? safeCellText(ind.tindakLanjut) : null,
      null,
    ]).alignment = { vertical: 'top', wrapText: true };
  }
  data.getColumn(6).numFmt = '#,##0';
  data.views = [{ state: 'frozen', ySplit: 1 }];

  const narasi = wb.addWorksheet(t.narasi);
  narasi.columns = [22, 90, 28, 12].map((width) => ({ width }));
  const nh = narasi.addRow(t.sectionHeaders);
  nh.font = { bold: true };
  nh.getCell(2).note = t.narasiNote;
  for (const s of NARASI_SECTIONS) {
    const row = narasi.addRow([s.key, null, s[lang], s.required ? t.required : t.optional]);
    row.alignment = { vertical: 'top', wrapText: true };
  }

  const quarters = wb.addWorksheet(t.quarters);
  quarters.columns = [12, 48, 24, 10, 10, 10, 10, 12].map((width) => ({ width }));
  quarters.addRow(t.quarterHeaders).font = { bold: true };
  for (const ind of year.indicators) {
    quarters.addRow([
      safeCellText(ind.kode),
      safeCellText(ind.indikator),
      SIFAT_LABEL[lang][ind.sifat],
      ...ind.quarters,
      ind.realisasi,
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
