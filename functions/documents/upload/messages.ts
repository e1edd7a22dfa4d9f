import type { DataProblem } from '../../core/performance-data.ts';
import type { Lang } from '../../i18n/lang.ts';
import { MAX_TEXT_LENGTH } from './limits.ts';

export type { Lang };

/** Every text the upload parser says to the uploader, in Bahasa Indonesia (default) and English. */
const id = {
  empty: 'Berkas kosong.',
  tooLarge: (size: string, limit: string) => `Berkas terlalu besar (${size} MB); batas ukuran ${limit} MB.`,
  legacyExcel:
    'Berkas Excel lama (.xls) atau berkas Excel yang dienkripsi tidak didukung. Simpan sebagai .xlsx tanpa kata sandi, atau sebagai CSV UTF-8.',
  unsupportedBinary: (kind: string) =>
    `Format berkas tidak didukung (${kind}). Unggah data kinerja sebagai XLSX atau CSV (UTF-8).`,
  utf16: 'Berkas CSV tersimpan dalam UTF-16. Simpan ulang sebagai "CSV UTF-8 (Comma delimited)".',
  mixedEncoding: (found: string) =>
    `Baris ini memuat ${found} yang tidak valid dalam UTF-8, padahal bagian lain berkas ini UTF-8; teksnya akan rusak bila dibaca. Simpan berkas sebagai "CSV UTF-8 (Comma delimited)" lalu unggah kembali.`,
  mixedEncodingMore: (n: number) =>
    `… dan ${n} baris lain dengan byte yang tidak valid dalam UTF-8. Simpan berkas sebagai "CSV UTF-8 (Comma delimited)" lalu unggah kembali.`,
  invalidByte: (hex: string, cp1252: string) => `byte ${hex} ("${cp1252}" dalam windows-1252)`,
  readAsCp1252: (example: string, row: number) =>
    `Berkas dibaca sebagai windows-1252, bukan UTF-8 (contoh: "${example}" pada baris ${row}); periksa huruf khusus pada laporan. Mohon simpan sebagai "CSV UTF-8 (Comma delimited)" untuk unggahan berikutnya.`,
  csvSyntax: (unclosedQuote: boolean): string =>
    unclosedQuote
      ? 'Struktur CSV rusak: ada tanda kutip (") yang dibuka tetapi tidak ditutup. Periksa tanda kutip pada baris ini.'
      : 'Struktur CSV rusak: baris ini tidak dapat dibaca. Periksa tanda kutip (") dan pemisah kolom.',
  zipCorrupt: 'Berkas XLSX rusak atau tidak dapat dibaca.',
  zipNotXlsx: 'Berkas ZIP ini bukan buku kerja Excel (.xlsx).',
  zipTooBig: (size: string) =>
    `Isi berkas XLSX terlalu besar setelah diekstrak (${size} MB); batas 100 MB. Hapus lembar kerja atau gambar yang tidak diperlukan.`,
  zipLies: 'Berkas XLSX tidak konsisten: ukuran isi yang tercatat tidak sesuai dengan isinya. Berkas ditolak.',
  zipUnsupported:
    'Berkas XLSX memakai kompresi atau enkripsi yang tidak didukung. Simpan ulang dari Excel tanpa kata sandi.',
  zipTooManyEntries: 'Berkas XLSX berisi terlalu banyak bagian. Berkas ditolak.',
  noWorksheet: 'Buku kerja tidak memiliki lembar kerja.',
  noData: 'Tidak ada baris data di bawah judul kolom.',
  /** `n` null: reading stopped at the limit, so only "more than" is known. */
  tooManyRows: (n: number | null, limit: number) =>
    `Terlalu banyak baris data (${n ?? `lebih dari ${limit}`}); batas ${limit} baris.`,
  missingColumn: (name: string) => `Kolom wajib "${name}" tidak ditemukan pada baris judul.`,
  duplicateColumn: (name: string) => `Kolom "${name}" muncul lebih dari sekali pada baris judul.`,
  extraCells:
    'Baris ini memiliki lebih banyak sel daripada judul kolom (mungkin ada pemisah ";" atau "," di dalam teks tanpa tanda kutip).',
  required: 'Wajib diisi.',
  tooLong: `Teks terlalu panjang; maksimal ${MAX_TEXT_LENGTH} karakter.`,
  notNumber: 'Bukan angka yang valid.',
  negative: 'Nilai tidak boleh negatif.',
  formulaNoValue: 'Rumus tanpa nilai tersimpan. Buka berkas di Excel, hitung ulang, lalu simpan kembali.',
  errorValue: 'Sel berisi galat Excel.',
  badYear: 'Tahun harus berupa angka empat digit.',
  yearMismatch: (expected: number) => `Tahun tidak sesuai dengan tahun yang dipilih untuk unggahan ini (${expected}).`,
  badPeriod: 'Periode tidak dikenal; gunakan TW1, TW2, TW3, TW4, atau TAHUNAN.',
  periodMismatch: (expected: string) =>
    `Periode tidak sesuai dengan periode yang dipilih untuk unggahan ini (${expected}).`,
  yearDiffers: (first: number) =>
    `Tahun berbeda dengan baris data lain (${first}); satu berkas hanya memuat satu tahun dan satu periode.`,
  periodDiffers: (first: string) =>
    `Periode berbeda dengan baris data lain (${first}); satu berkas hanya memuat satu tahun dan satu periode.`,
  badPolarity:
    'Polaritas tidak dikenal; gunakan "naik" (makin tinggi makin baik) atau "turun" (makin rendah makin baik).',
  duplicate: (row: number) => `Duplikat: kombinasi tahun, periode, dan kode indikator sudah ada pada baris ${row}.`,
  mixedStyle: (a: string, b: string) =>
    `Format angka campuran: ${a} bergaya Indonesia (1.234,56), sedangkan ${b} bergaya Inggris (1,234.56). Gunakan satu gaya untuk seluruh berkas.`,
  ambiguousNumber:
    'Angka ambigu: bisa dibaca sebagai ribuan atau desimal. Tulis tanpa pemisah ribuan, atau gunakan koma desimal (contoh 1234,5).',
  cellRef: (value: string, row: number, column: string) => `"${value}" (baris ${row}, kolom ${column})`,
  belowTarget: (capaian: string) =>
    `Capaian ${capaian} % di bawah 100 %: isi tindak lanjut atau faktor penghambat untuk indikator ini.`,
  targetZero: 'Target 0: capaian tidak dapat dihitung. Jelaskan di kolom keterangan.',
  badSifat: 'Sifat indikator tidak dikenal; gunakan "kumulatif", "non-kumulatif" (posisi akhir), atau "rata-rata".',
  // The Perjanjian Kinerja (PK) sheet.
  pkDuplicate: (row: number) => `Duplikat: kode indikator ini sudah ada pada baris ${row} Perjanjian Kinerja.`,
  pkTw4NotAnnual: (tw4: string, annual: string) =>
    `Target TW4 (${tw4}) harus sama dengan target tahunan (${annual}): target Rencana Aksi adalah target s.d. triwulan.`,
  pkDecreasing: (n: number, prev: string) =>
    `Target s.d. TW${n} lebih kecil daripada target s.d. TW${n - 1} (${prev}); target indikator kumulatif tidak boleh turun antartriwulan.`,
  // A data upload checked against the PK.
  unknownKode: (tahun: number) => `Kode indikator tidak terdapat pada Perjanjian Kinerja tahun ${tahun}.`,
  missingIndicator: (kode: string, indikator: string) =>
    `Indikator ${kode} (${indikator}) pada Perjanjian Kinerja tidak terdapat dalam unggahan ini.`,
  differsFromPk: (value: string) => `Nilai berbeda dengan Perjanjian Kinerja (${value}).`,
  shortWithoutPk: (tahun: number | null) =>
    `Berkas ini berformat ringkas (kode indikator dan realisasi), yang memerlukan Perjanjian Kinerja tahun ${tahun ?? 'laporan'}, tetapi Perjanjian Kinerja tahun tersebut belum diterima. Mohon TIMSAKIP mengunggah Perjanjian Kinerja terlebih dahulu, atau lengkapi berkas dengan kolom format baris lengkap.`,
  pkYearDiffers: (pkTahun: number, tahun: number) =>
    `Perjanjian Kinerja yang dipakai adalah untuk tahun ${pkTahun}, sedangkan unggahan ini untuk tahun ${tahun}.`,
  periodUnknown:
    'Periode unggahan tidak diketahui: isi kolom periode, atau tentukan periode unggahan (folder masuk/<unit>/<tahun>/<periode>/).',
  quartersMissing: (quarters: string, periode: string, n: number, kodes: string) =>
    `Realisasi ${quarters} belum terdokumentasi untuk ${n} indikator (${kodes}); realisasi s.d. ${periode} dihitung tanpa triwulan tersebut.`,
  quartersUnknown: (quarters: string, periode: string, n: number, kodes: string) =>
    `Realisasi ${quarters} tidak tersedia dalam pemeriksaan ini untuk ${n} indikator (${kodes}): realisasi s.d. ${periode} di atas hanya memuat triwulan ini. Saat laporan disusun, realisasi triwulan yang telah didokumentasikan ikut dihitung, dan capaian di bawah 100 % memerlukan tindak lanjut atau faktor penghambat.`,
  // The Narasi sheet of an annual upload (LKjIP).
  narasiNeedsXlsx:
    'Laporan tahunan (LKjIP) memerlukan lembar Narasi, yang tidak dapat dimuat dalam berkas CSV. Mohon gunakan templat XLSX (lembar Data dan Narasi).',
  narasiSheetMissing:
    'Lembar kerja "Narasi" tidak ditemukan; laporan tahunan (LKjIP) memerlukannya. Mohon salin lembar Narasi dari templat dan isi bagian yang wajib.',
  narasiNoHeader: 'Judul kolom "bagian" dan "isi" tidak ditemukan pada lembar Narasi.',
  narasiRequired: (label: string) => `Bagian '${label}' pada lembar Narasi wajib diisi.`,
  narasiUnknown: (known: string) => `Bagian tidak dikenal pada lembar Narasi; gunakan salah satu: ${known}.`,
  narasiDuplicate: (row: number) => `Bagian ini sudah diisi pada baris ${row} lembar Narasi.`,
  narasiNoSection: 'Kolom bagian pada lembar Narasi wajib diisi bila kolom isi diisi.',
  narasiTooLong: (limit: string) => `Teks pada lembar Narasi terlalu panjang; maksimal ${limit} karakter.`,
  decimal: ',',
};

export type Messages = typeof id;

const en: Messages = {
  empty: 'The file is empty.',
  tooLarge: (size, limit) => `The file is too large (${size} MB); the limit is ${limit} MB.`,
  legacyExcel:
    'Legacy Excel (.xls) or password-protected Excel files are not supported. Save as .xlsx without a password, or as CSV UTF-8.',
  unsupportedBinary: (kind) => `Unsupported file format (${kind}). Upload performance data as XLSX or CSV (UTF-8).`,
  utf16: 'The CSV file is UTF-16 encoded. Save it again as "CSV UTF-8 (Comma delimited)".',
  mixedEncoding: (found) =>
    `This row holds ${found}, which is not valid UTF-8, while the rest of the file is UTF-8; its text would be garbled. Save the file as "CSV UTF-8 (Comma delimited)" and upload it again.`,
  mixedEncodingMore: (n) =>
    `… and ${n} more rows with bytes that are not valid UTF-8. Save the file as "CSV UTF-8 (Comma delimited)" and upload it again.`,
  invalidByte: (hex, cp1252) => `byte ${hex} ("${cp1252}" in windows-1252)`,
  readAsCp1252: (example, row) =>
    `The file was read as windows-1252, not UTF-8 (e.g. "${example}" on row ${row}); check special letters in the report. Please save it as "CSV UTF-8 (Comma delimited)" for the next upload.`,
  csvSyntax: (unclosedQuote) =>
    unclosedQuote
      ? 'Broken CSV structure: a quote (") is opened but never closed. Check the quotes on this row.'
      : 'Broken CSV structure: this row cannot be read. Check the quotes (") and the separators.',
  zipCorrupt: 'The XLSX file is damaged or cannot be read.',
  zipNotXlsx: 'This ZIP file is not an Excel workbook (.xlsx).',
  zipTooBig: (size) =>
    `The XLSX content is too large once extracted (${size} MB); the limit is 100 MB. Remove unneeded sheets or images.`,
  zipLies: 'The XLSX file is inconsistent: its recorded sizes do not match its content. The file is rejected.',
  zipUnsupported:
    'The XLSX file uses unsupported compression or encryption. Save it again from Excel without a password.',
  zipTooManyEntries: 'The XLSX file has too many parts. The file is rejected.',
  noWorksheet: 'The workbook has no worksheet.',
  noData: 'There are no data rows below the header row.',
  tooManyRows: (n, limit) => `Too many data rows (${n ?? `more than ${limit}`}); the limit is ${limit}.`,
  missingColumn: (name) => `Required column "${name}" is missing from the header row.`,
  duplicateColumn: (name) => `Column "${name}" appears more than once in the header row.`,
  extraCells: 'This row has more cells than the header (perhaps an unquoted ";" or "," inside a text).',
  required: 'Required.',
  tooLong: `Text too long; at most ${MAX_TEXT_LENGTH} characters.`,
  notNumber: 'Not a valid number.',
  negative: 'The value must not be negative.',
  formulaNoValue: 'Formula without a stored value. Open the file in Excel, recalculate and save it again.',
  errorValue: 'The cell holds an Excel error.',
  badYear: 'The year must be a four-digit number.',
  yearMismatch: (expected) => `The year does not match the year chosen for this upload (${expected}).`,
  badPeriod: 'Unknown period; use TW1, TW2, TW3, TW4 or TAHUNAN.',
  periodMismatch: (expected) => `The period does not match the period chosen for this upload (${expected}).`,
  yearDiffers: (first) =>
    `The year differs from the other data rows (${first}); one file holds one year and one period only.`,
  periodDiffers: (first) =>
    `The period differs from the other data rows (${first}); one file holds one year and one period only.`,
  badPolarity: 'Unknown polarity; use "naik"/"up" (higher is better) or "turun"/"down" (lower is better).',
  duplicate: (row) => `Duplicate: this year, period and indicator code already appear on row ${row}.`,
  mixedStyle: (a, b) =>
    `Mixed number styles: ${a} is Indonesian style (1.234,56) while ${b} is English style (1,234.56). Use one style for the whole file.`,
  ambiguousNumber:
    'Ambiguous number: it reads as either thousands or decimals. Write it without thousands separators, or with a decimal point (e.g. 1234.5).',
  cellRef: (value, row, column) => `"${value}" (row ${row}, column ${column})`,
  belowTarget: (capaian) =>
    `Achievement ${capaian} % is below 100 %: fill in the follow-up or the inhibiting factors for this indicator.`,
  targetZero: 'Target 0: achievement cannot be computed. Explain it in the notes column.',
  badSifat:
    'Unknown aggregation (sifat); use "kumulatif" (cumulative), "non-kumulatif" (end position) or "rata-rata" (average).',
  pkDuplicate: (row) => `Duplicate: this indicator code already appears on row ${row} of the performance agreement.`,
  pkTw4NotAnnual: (tw4, annual) =>
    `The Q4 target (${tw4}) must equal the annual target (${annual}): action plan targets are targets to date.`,
  pkDecreasing: (n, prev) =>
    `The target to Q${n} is lower than the target to Q${n - 1} (${prev}); a cumulative indicator's targets must not decrease from quarter to quarter.`,
  unknownKode: (tahun) => `The indicator code is not in the performance agreement (Perjanjian Kinerja) of ${tahun}.`,
  missingIndicator: (kode, indikator) =>
    `Indicator ${kode} (${indikator}) of the performance agreement is missing from this upload.`,
  differsFromPk: (value) => `The value differs from the performance agreement (${value}).`,
  shortWithoutPk: (tahun) =>
    `This file is in the short format (indicator code and actual), which needs the performance agreement of ${tahun ?? 'the year'}, but none has been accepted for that year. Please have TIMSAKIP upload the performance agreement first, or complete the file with the full-row columns.`,
  pkYearDiffers: (pkTahun, tahun) =>
    `The performance agreement used is for ${pkTahun}, while this upload is for ${tahun}.`,
  periodUnknown:
    'The period of this upload is not known: fill in the period column, or choose the upload period (folder masuk/<unit>/<tahun>/<periode>/).',
  quartersMissing: (quarters, periode, n, kodes) =>
    `No documented actual for ${quarters} for ${n} indicator${n === 1 ? '' : 's'} (${kodes}); the actual to ${periode} is computed without ${quarters.includes(',') ? 'those quarters' : 'that quarter'}.`,
  quartersUnknown: (quarters, periode, n, kodes) =>
    `No actual for ${quarters} is available to this check for ${n} indicator${n === 1 ? '' : 's'} (${kodes}): the actual to ${periode} above holds this quarter only. When the report is assembled the documented quarters are included, and an achievement below 100 % then needs follow-up or inhibiting factors.`,
  narasiNeedsXlsx:
    'The annual report (LKjIP) needs the Narasi sheet, which a CSV file cannot hold. Please use the XLSX template (sheets Data and Narasi).',
  narasiSheetMissing:
    'The "Narasi" sheet is missing; the annual report (LKjIP) needs it. Please copy the Narasi sheet of the template and fill in the required sections.',
  narasiNoHeader: 'The column headers "bagian" and "isi" are missing from the Narasi sheet.',
  narasiRequired: (label) => `Section '${label}' of the Narasi sheet is required.`,
  narasiUnknown: (known) => `Unknown section on the Narasi sheet; use one of: ${known}.`,
  narasiDuplicate: (row) => `This section is already filled in on row ${row} of the Narasi sheet.`,
  narasiNoSection: 'The section column of the Narasi sheet is required when its text is filled in.',
  narasiTooLong: (limit) => `Text on the Narasi sheet is too long; at most ${limit} characters.`,
  decimal: '.',
};

export const MESSAGES: Record<Lang, Messages> = { id, en };

/** A problem of the file as a whole (no row, no column). */
export function fileProblem(message: string): DataProblem {
  return { row: null, column: null, value: null, message };
}

export function megabytes(n: number, m: Messages): string {
  return (n / 1024 / 1024).toFixed(1).replace('.', m.decimal);
}

export function formatLimit(mb: number, m: Messages): string {
  return String(Number.isInteger(mb) ? mb : Number(mb.toFixed(1))).replace('.', m.decimal);
}

export function formatPercent(n: number, m: Messages): string {
  return n.toFixed(2).replace('.', m.decimal);
}
