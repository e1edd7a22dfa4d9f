import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';

const HEADER =
  'tahun;periode;kode_indikator;sasaran_strategis;indikator;satuan;polaritas;target;realisasi;faktor_pendorong;faktor_penghambat;tindak_lanjut;keterangan';
const row = (over: Partial<Record<string, string>> = {}) => {
  const r = {
    tahun: '2026',
    periode: 'TW1',
    kode: 'IK-01',
    sasaran: 'Meningkatnya kualitas pelayanan',
    indikator: 'Indeks Kepuasan Masyarakat',
    satuan: 'indeks',
    polaritas: 'naik',
    target: '80',
    realisasi: '85',
    pendorong: 'Baik',
    penghambat: '',
    tindak: '',
    ket: '',
    ...over,
  };
  return Object.values(r).join(';');
};
const csv = (...lines: string[]) => new TextEncoder().encode(`${lines.join('\n')}\n`);

/** A zip whose only entry declares 200 MB uncompressed: the classic bomb shape, rejected before inflating. */
function zipBomb(): Uint8Array {
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const data = deflateRawSync(Buffer.alloc(1024));
  const declared = 200 * 1024 * 1024;
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(name.length, 28);
  const cdOffset = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

async function xlsx(rows: (string | number)[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Data');
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function noise(n: number): Uint8Array {
  let x = 0x12345678;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

export interface BadFile {
  name: string;
  file: string;
  body: Uint8Array;
}

/** Malformed data files: each must come back as a list of problems to the uploader, never as a crash. */
export async function badDataFiles(): Promise<BadFile[]> {
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${HEADER}\n${row()}\n`, 'utf16le')]);
  const manyRows = [HEADER, ...Array.from({ length: 20_001 }, (_, i) => row({ kode: `IK-${i}` }))];
  const header = HEADER.split(';');
  return [
    { name: 'empty file', file: 'data.csv', body: new Uint8Array() },
    { name: 'whitespace only', file: 'data.csv', body: csv('   ', '\t') },
    { name: 'binary noise', file: 'data.csv', body: noise(2048) },
    {
      name: 'PNG behind .xlsx',
      file: 'data.xlsx',
      body: Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), noise(200)]),
    },
    {
      name: 'PDF behind .xlsx',
      file: 'data.xlsx',
      body: Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n'),
    },
    {
      name: 'zip that is not a workbook',
      file: 'data.xlsx',
      body: Buffer.concat([Buffer.from('504b0304', 'hex'), noise(300)]),
    },
    { name: 'zip bomb', file: 'data.xlsx', body: zipBomb() },
    { name: 'oversize (11 MB)', file: 'data.csv', body: csv(HEADER, row(), `;;;;${'x'.repeat(11 * 1024 * 1024)}`) },
    { name: 'UTF-16 encoded CSV', file: 'data.csv', body: utf16 },
    { name: 'header only', file: 'data.csv', body: csv(HEADER) },
    { name: 'only a BOM', file: 'data.csv', body: Buffer.from([0xef, 0xbb, 0xbf]) },
    { name: 'missing columns', file: 'data.csv', body: csv('tahun;periode;kode_indikator', '2026;TW1;IK-01') },
    { name: 'tab separated', file: 'data.csv', body: csv(HEADER.replace(/;/g, '\t'), row().replace(/;/g, '\t')) },
    { name: 'realisasi not a number', file: 'data.csv', body: csv(HEADER, row({ realisasi: 'delapan puluh' })) },
    { name: 'negative target', file: 'data.csv', body: csv(HEADER, row({ target: '-5' })) },
    { name: 'duplicate indicator', file: 'data.csv', body: csv(HEADER, row(), row()) },
    { name: 'unknown polaritas', file: 'data.csv', body: csv(HEADER, row({ polaritas: 'positif' })) },
    { name: 'tahun not the folder year', file: 'data.csv', body: csv(HEADER, row({ tahun: '2025' })) },
    { name: 'periode not the folder period', file: 'data.csv', body: csv(HEADER, row({ periode: 'TW3' })) },
    { name: 'unknown periode', file: 'data.csv', body: csv(HEADER, row({ periode: 'Semester 1' })) },
    { name: 'empty required cell', file: 'data.csv', body: csv(HEADER, row({ indikator: '' })) },
    { name: 'no narrative below target', file: 'data.csv', body: csv(HEADER, row({ realisasi: '60' })) },
    { name: 'target 0 without a note', file: 'data.csv', body: csv(HEADER, row({ target: '0' })) },
    {
      name: 'broken quotes',
      file: 'data.csv',
      body: csv(HEADER, `${row().slice(0, 30)}"unterminated;${row().slice(30)}`),
    },
    { name: 'an HTML page', file: 'data.csv', body: csv('<!doctype html><html><body><h1>Laporan</h1></body></html>') },
    { name: 'a JSON document', file: 'data.csv', body: csv(JSON.stringify({ tahun: 2026, indikator: [] })) },
    {
      name: 'mixed number styles',
      file: 'data.csv',
      body: csv(HEADER, row({ realisasi: '83,45' }), row({ kode: 'IK-02', realisasi: '96.80' })),
    },
    { name: 'text longer than 4000 characters', file: 'data.csv', body: csv(HEADER, row({ ket: 'a'.repeat(4100) })) },
    { name: 'more than 20 000 rows', file: 'data.csv', body: csv(...manyRows) },
    {
      name: 'NUL bytes',
      file: 'data.csv',
      body: Buffer.concat([Buffer.from(`${HEADER}\n`), Buffer.from([0, 0, 0, 10])]),
    },
    { name: 'XLSX without data rows', file: 'data.xlsx', body: await xlsx([header]) },
    {
      name: 'XLSX with foreign headers',
      file: 'data.xlsx',
      body: await xlsx([
        ['No', 'Uraian', 'Jumlah'],
        [1, 'ATK', 5000],
      ]),
    },
    {
      name: 'XLSX with a text target',
      file: 'data.xlsx',
      body: await xlsx([header, [2026, 'TW1', 'IK-01', 'S', 'I', '%', 'naik', 'sembilan', 85, 'x', '', '', '']]),
    },
  ];
}

/** Uploads at locations that name no report: each must be refused with the reason, the object kept. */
/** `city`: the key names no unit of the directory, so the city (KOTA) hears of it, not a unit's team. */
export const BAD_KEYS: { name: string; key: string; to?: 'city' }[] = [
  { name: 'path traversal', key: 'masuk/karawaci/2026/TW1/../../../etc/passwd' },
  { name: 'dot-dot file name', key: 'masuk/karawaci/2026/TW1/..data.csv' },
  { name: 'unknown period folder', key: 'masuk/karawaci/2026/TW9/data.csv' },
  { name: 'two-digit year', key: 'masuk/karawaci/26/TW1/data.csv' },
  { name: 'upper-case unit', key: 'masuk/Karawaci/2026/TW1/data.csv', to: 'city' },
  { name: 'unit not configured', key: 'masuk/cibodas/2026/TW1/data.csv', to: 'city' },
  { name: 'period folder missing', key: 'masuk/karawaci/2026/data.csv' },
  { name: 'extra folder', key: 'masuk/karawaci/2026/TW1/lama/data.csv' },
  { name: 'hidden file', key: 'masuk/karawaci/2026/TW1/.data.csv' },
  { name: 'shell characters in the name', key: 'masuk/karawaci/2026/TW1/data;rm -rf.csv' },
  { name: 'year and period swapped', key: 'masuk/karawaci/TW1/2026/data.csv' },
  { name: 'folder marker without a file', key: 'masuk/karawaci/2026/TW1/' },
];
