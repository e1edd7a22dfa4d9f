import type { PerjanjianKinerja } from './perjanjian-kinerja.ts';

/** One indicator's annual figures rolled up from the four documented quarters. */
export interface RolledUpIndicator {
  kode: string;
  indikator: string;
  sifat: PerjanjianKinerja['indicators'][number]['sifat'];
  /** Each quarter's own figure, TW1–TW4. */
  quarters: number[];
  /** The year's figure by sifat: the sum, the last quarter's, or the mean. */
  realisasi: number;
  /** Realisasi anggaran to date at TW4 (the quarters report it to date), when given. */
  realisasiAnggaran?: number;
  /** Last year's annual figure, from last year's documented annual report (LKjIP), when there is one. */
  realisasiTahunLalu?: number;
  /**
   * The quarters' own narrative, each line marked with its quarter ("TW2: …"): the staff's words, a starting
   * point to rewrite for the year — never text lapkin makes up.
   */
  faktorPendorong?: string;
  faktorPenghambat?: string;
  tindakLanjut?: string;
}

export interface RolledUpYear {
  unit: string;
  tahun: number;
  pk: PerjanjianKinerja;
  indicators: RolledUpIndicator[];
}
