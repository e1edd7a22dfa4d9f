import type { FailureCategory, FailureReason } from '../core/failure-reason.ts';
import type { Lang } from '../i18n/lang.ts';

const CATEGORY: Record<Lang, Record<FailureCategory, string>> = {
  id: {
    DOCUMENT_MISSING: 'Dokumen yang diperlukan tidak ditemukan di penyimpanan.',
    SERVICE_UNAVAILABLE: 'Layanan pendukung (penyimpanan, basis data, atau surel) sedang terganggu.',
    TIMEOUT: 'Langkah ini berjalan terlalu lama dan dihentikan.',
    CONFLICT: 'Laporan berubah pada saat yang sama oleh proses lain.',
    TECHNICAL: 'Terjadi kesalahan teknis.',
  },
  en: {
    DOCUMENT_MISSING: 'A document it needs was not found in storage.',
    SERVICE_UNAVAILABLE: 'A supporting service (storage, database or mail) was unavailable.',
    TIMEOUT: 'This step took too long and was stopped.',
    CONFLICT: 'The report was changed at the same moment by another process.',
    TECHNICAL: 'A technical error occurred.',
  },
};

const LABELS: Record<Lang, { reason: string; code: string; detail: string }> = {
  id: { reason: 'Penyebab', code: 'Kode', detail: 'Rincian' },
  en: { reason: 'Reason', code: 'Code', detail: 'Detail' },
};

/** The rows of the failure notice: the reason in words, the error's name, the safe message (if any). */
export function failureFacts(reason: FailureReason, lang: Lang): [string, string][] {
  const l = LABELS[lang];
  const rows: [string, string][] = [
    [l.reason, CATEGORY[lang][reason.category]],
    [l.code, reason.error],
  ];
  if (reason.message) rows.push([l.detail, reason.message]);
  return rows;
}
