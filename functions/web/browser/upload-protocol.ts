/**
 * What the upload page and its checking worker say to each other (types only: both bundles share them). The
 * worker runs the very checkPerformanceData of the assemble function on the chosen file.
 */

import type { PerjanjianKinerja } from '../../core/perjanjian-kinerja.ts';
import type { Period } from '../../core/report.ts';
import type { DataSettings } from '../../documents/check-data.ts';

export interface CheckRequest {
  file: Blob;
  fileName: string;
  /** periode 'PK': the file is the unit's Perjanjian Kinerja of the year, checked by its own rules. */
  expected: { tahun: number; periode: Period | 'PK' };
  settings: DataSettings;
  lang: 'id' | 'en';
  /** The unit and its PK of the year in force (from /unggah/pk), so a short-format upload checks as it will. */
  unit?: string;
  pk?: PerjanjianKinerja | null;
  /** The earlier quarters' figures by kode (upper-case), as the assembly adds them up: [kode, figures] pairs. */
  earlier?: [string, { periode: Period; realisasi: number }[]][];
}

export interface Problem {
  row: number | null;
  column: string | null;
  value: string | null;
  message: string;
}

export type CheckReply =
  | { type: 'progress'; stage: 'read' | 'check' }
  | {
      type: 'done';
      valid: boolean;
      problems: Problem[];
      warnings: Problem[];
      rows: number;
      /** What the bytes are (a CSV named .xlsx is a CSV): the key's extension and Content-Type follow it. */
      kind: 'csv' | 'xlsx';
    }
  | { type: 'failed'; message: string };
