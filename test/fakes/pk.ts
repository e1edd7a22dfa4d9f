import type { AssembledReport, ComputedIndicator } from '../../functions/core/performance-data.ts';
import type { Period, Report } from '../../functions/core/report.ts';
import type { fakeDeps } from './deps.ts';

type Fakes = ReturnType<typeof fakeDeps>;

/**
 * A PK of Kecamatan Karawaci for 2026 with one indicator of each sifat (CSV, the checker's PK columns):
 * - IK-01 kumulatif, naik: cases handled, 40 in the year, Rencana Aksi to date 8, 20, 30, 40;
 * - IK-02 non-kumulatif, naik: share of residents with e-KTP, 96 at the year's end;
 * - IK-03 rata-rata, naik: satisfaction index, 82 on average;
 * - IK-04 kumulatif, turun: building violations, 12 in the year at most (3, 6, 9, 12).
 */
export const PK_CSV = [
  'kode_indikator;sasaran_strategis;indikator;satuan;polaritas;sifat;target_tahunan;target_tw1;target_tw2;target_tw3;target_tw4;target_renstra;target_renstra_akhir;pagu',
  'IK-01;Meningkatnya kualitas pelayanan publik;Jumlah pengaduan yang ditangani;kasus;naik;kumulatif;40;8;20;30;40;38;50;100000000',
  'IK-02;Meningkatnya kualitas pelayanan publik;Persentase penduduk ber-KTP-el;persen;naik;non-kumulatif;96;92;93;95;96;95;98;50000000',
  'IK-03;Meningkatnya kualitas pelayanan publik;Indeks kepuasan masyarakat;indeks;naik;rata-rata;82;82;82;82;82;80;85;25000000',
  'IK-04;Terwujudnya ketenteraman dan ketertiban umum;Jumlah pelanggaran bangunan;kasus;turun;kumulatif;12;3;6;9;12;14;10;75000000',
].join('\n');

export const pkBytes = (text = PK_CSV) => new TextEncoder().encode(text);

/** A short-format quarterly upload against the PK (its folder names the period): kode and the quarter's own realisasi (+ a narrative). */
export function shortUpload(rows: [kode: string, realisasi: number, anggaran?: number][]): Uint8Array {
  const lines = rows.map(
    ([kode, r, a]) =>
      `${kode};${r};${a ?? ''};Koordinasi lintas seksi berjalan.;Keterbatasan petugas.;Penambahan jadwal layanan.`,
  );
  return new TextEncoder().encode(
    ['kode_indikator;realisasi;realisasi_anggaran;faktor_pendorong;faktor_penghambat;tindak_lanjut', ...lines].join(
      '\n',
    ),
  );
}

/** Puts a file where the portal would and tells intake, as the bucket event does. */
export async function uploadTo(f: Fakes, key: string, body: Uint8Array, sequencer?: string) {
  const { versionId } = await f.store.put({
    key,
    body,
    contentType: key.endsWith('.xlsx')
      ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
      : 'text/csv',
    metadata: { 'uploader-email': 'timsakip@example.go.id' },
  });
  return { key, versionId, ...(sequencer ? { sequencer } : {}) };
}

/**
 * A quarter of 2026 documented, as the archive leaves it: the report TERDOKUMENTASI and its last valid data
 * stored. The indicators carry the quarter's own figures only (what the roll-up and the figures to date read).
 */
export async function documentedQuarter(
  f: Fakes,
  periode: Period,
  figures: {
    kode: string;
    realisasi: number;
    realisasiAnggaran?: number;
    faktorPendorong?: string;
    faktorPenghambat?: string;
    tindakLanjut?: string;
  }[],
  status: Report['status'] = 'TERDOKUMENTASI',
  tahun = 2026,
) {
  const reportId = `karawaci-${tahun}-${periode}`;
  const data = {
    tahun,
    periode,
    revision: 1,
    indicators: figures.map(
      (x) =>
        ({
          kode: x.kode,
          realisasiPeriode: x.realisasi,
          realisasi: x.realisasi,
          target: 1,
          capaian: null,
          ...(x.realisasiAnggaran !== undefined ? { realisasiAnggaran: x.realisasiAnggaran } : {}),
          ...(x.faktorPendorong ? { faktorPendorong: x.faktorPendorong } : {}),
          ...(x.faktorPenghambat ? { faktorPenghambat: x.faktorPenghambat } : {}),
          ...(x.tindakLanjut ? { tindakLanjut: x.tindakLanjut } : {}),
        }) as unknown as ComputedIndicator,
    ),
  } as unknown as AssembledReport;
  const key = `laporan/karawaci/${tahun}/${periode}/laporan-kinerja-karawaci-${tahun}-${periode}.json`;
  const put = await f.store.put({
    key,
    body: new TextEncoder().encode(JSON.stringify(data)),
    contentType: 'application/json',
  });
  const now = f.clock.now().toISOString();
  const report: Report = {
    reportId,
    unit: 'karawaci',
    tahun,
    periode,
    status,
    step: status === 'TERDOKUMENTASI' ? 'done' : 'verify',
    revision: 1,
    source: { key: `masuk/karawaci/${tahun}/${periode}/x.csv`, versionId: 'v' },
    reportData: { key, versionId: put.versionId },
    createdAt: now,
    updatedAt: now,
  } as Report;
  f.repo.reports.set(reportId, report);
  return report;
}
