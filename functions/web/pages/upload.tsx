import { PERIODS, type Period } from '../../core/report.ts';
import type { SessionPerson } from '../../core/session.ts';
import type { DataSettings } from '../../documents/check-data.ts';
import type { Lang } from '../../i18n/lang.ts';
import { Layout } from './layout.tsx';
import { CsrfField } from './message.tsx';

const PERIOD_LABEL: Record<Lang, Record<Period, string>> = {
  id: { TW1: 'Triwulan I', TW2: 'Triwulan II', TW3: 'Triwulan III', TW4: 'Triwulan IV', TAHUNAN: 'Tahunan' },
  en: { TW1: 'Quarter 1', TW2: 'Quarter 2', TW3: 'Quarter 3', TW4: 'Quarter 4', TAHUNAN: 'Annual' },
};

export const UPLOAD_TEXT = {
  id: {
    title: 'Unggah data kinerja',
    intro: (unit: string) =>
      `Data kinerja ${unit}. Berkas diperiksa lebih dahulu di peramban Bapak/Ibu dengan aturan yang sama seperti saat laporan disusun; hanya berkas tanpa masalah yang dikirim.`,
    tahun: 'Tahun',
    periode: 'Periode',
    file: 'Berkas data (CSV atau XLSX)',
    fileHint: (mb: number) => `Satu baris per indikator, memakai templat lapkin. Ukuran paling besar ${mb} MB.`,
    submit: 'Periksa dan kirim',
    noScript:
      'Pemeriksaan berkas berjalan di peramban dan memerlukan JavaScript. Mohon aktifkan JavaScript, atau minta bantuan TIMSAKIP untuk mengunggah berkas Bapak/Ibu.',
    revision: (id: string) => `Perbaikan untuk laporan ${id}`,
    revisionBody:
      'Laporan ini dikembalikan untuk diperbaiki. Tahun dan periode sudah diisi sesuai laporan; unggah berkas yang telah diperbaiki.',
    revisionNote: 'Catatan revisi',
    unknownReport: (id: string) =>
      `Laporan ${id} tidak ditemukan di unit Bapak/Ibu; silakan pilih tahun dan periode sendiri.`,
    progress: 'Kemajuan pengiriman',
    problems: 'Masalah pada berkas',
    row: 'Baris',
    column: 'Kolom',
    value: 'Nilai',
    reason: 'Alasan',
    warnings: 'Catatan (bukan kesalahan)',
    pkOption: 'Perjanjian Kinerja dan Rencana Aksi (PK)',
    pkHint:
      'Perjanjian Kinerja diunggah sekali setahun oleh TIMSAKIP (lembar PK pada templat). Setelah diterima, data triwulan cukup memuat kode indikator, realisasi, realisasi anggaran dan uraian.',
    annualTitle: 'Laporan tahunan (LKjIP)',
    annualBody:
      'Periode Tahunan menghasilkan LKjIP. Berkasnya berformat XLSX dengan lembar Data dan lembar Narasi (kata pengantar, ikhtisar eksekutif, bab I–IV); narasi ditulis oleh unit, lapkin tidak mengarangnya. Bila keempat laporan triwulan telah terdokumentasi, rekap data tahunan menurut sifat indikator dapat diunduh di sini, dilengkapi narasinya, lalu diunggah sebagai periode Tahunan.',
    annualLink: 'Unduh rekap data tahunan (TW1–TW4) untuk tahun yang dipilih',
  },
  en: {
    title: 'Upload performance data',
    intro: (unit: string) =>
      `Performance data of ${unit}. Your browser checks the file first with the same rules the report is assembled with; only a file without problems is sent.`,
    tahun: 'Year',
    periode: 'Period',
    file: 'Data file (CSV or XLSX)',
    fileHint: (mb: number) => `One row per indicator, in the lapkin template. At most ${mb} MB.`,
    submit: 'Check and send',
    noScript:
      'The file check runs in the browser and needs JavaScript. Please enable JavaScript, or ask TIMSAKIP to upload your file.',
    revision: (id: string) => `Correction for report ${id}`,
    revisionBody:
      'This report was sent back for correction. Year and period are filled in from the report; upload the corrected file.',
    revisionNote: 'Revision note',
    unknownReport: (id: string) => `Report ${id} is not one of your unit; please choose year and period yourself.`,
    progress: 'Upload progress',
    problems: 'Problems in the file',
    row: 'Row',
    column: 'Column',
    value: 'Value',
    reason: 'Reason',
    warnings: 'Notes (not errors)',
    pkOption: 'Performance agreement and action plan (PK)',
    pkHint:
      "The performance agreement is uploaded once a year by TIMSAKIP (the template's PK sheet). Once accepted, quarterly data needs only the indicator code, the actual, the budget spent and the narrative.",
    annualTitle: 'Annual report (LKjIP)',
    annualBody:
      "The annual period produces the LKjIP. Its file is an XLSX with a Data sheet and a Narasi sheet (foreword, executive summary, chapters I–IV); the unit writes the narrative, lapkin never makes it up. Once all four quarterly reports are documented, the year's figures rolled up by each indicator's type can be downloaded here, completed with the narrative, and uploaded as the annual period.",
    annualLink: 'Download the annual roll-up (TW1–TW4) of the chosen year',
  },
};

export interface UploadPageProps {
  lang: Lang;
  person: SessionPerson;
  unitName: string;
  csrf?: string;
  /** Script paths: the page's own and its worker's. */
  pageScript: string;
  workerScript: string;
  settings: DataSettings;
  years: number[];
  tahun: number;
  periode: Period;
  /** ?laporan= named a report of the unit that takes no upload now: why, in words. */
  closed?: string;
  /** The person may upload the unit's Perjanjian Kinerja (TIMSAKIP). */
  canUploadPk: boolean;
  /** ?laporan=<id>: the report this upload corrects (of the person's unit), or the id that was not found. */
  revision?: { reportId: string; note?: string } | { unknown: string };
}

/**
 * Phone-first CSS of this page: the problems table turns into one card per problem below 600 px (each cell
 * labelled), the progress bar spans the width.
 */
const PAGE_CSS = `
  .upload-form .row2 { display:grid; grid-template-columns: 2fr 3fr; gap: 0 12px; }
  input[type=file] { width:100%; font:inherit; padding:10px; border:1px dashed #8a94a3; border-radius:6px; background:#fafbfc; }
  .upload-progress { margin: 12px 0; }
  .upload-progress progress { width: 100%; height: 22px; }
  .upload-progress .pct { font-weight: 600; }
  .problems .val { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .88rem; overflow-wrap: anywhere; }
  @media (min-width: 601px) {
    /* Fixed columns: a long reason wraps in its own column instead of squeezing row, column and value. */
    .problems { table-layout: fixed; width: 100%; }
    .problems th:nth-child(1) { width: 13%; }
    .problems th:nth-child(2) { width: 22%; }
    .problems th:nth-child(3) { width: 20%; }
    .problems td { overflow-wrap: anywhere; }
  }
  @media (max-width: 600px) {
    .problems thead { position:absolute; width:1px; height:1px; overflow:hidden; clip:rect(0 0 0 0); }
    .problems, .problems tbody, .problems tr, .problems td { display:block; width:100%; }
    .problems tr { border:1px solid #e3e7ed; border-left:4px solid #b3261e; border-radius:8px; margin:0 0 10px; padding:6px 8px; }
    .problems td { border:0; padding:2px 0; }
    .problems td::before { content: attr(data-label) ": "; font-weight:600; color:#4f5966; font-family: -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
  }
`;

export function UploadPage(p: UploadPageProps) {
  const t = UPLOAD_TEXT[p.lang];
  const revision = p.revision && 'reportId' in p.revision ? p.revision : undefined;
  const unknown = p.revision && 'unknown' in p.revision ? p.revision.unknown : undefined;
  return (
    <Layout lang={p.lang} title={t.title} person={p.person} csrf={p.csrf} scripts={[p.pageScript]}>
      <style dangerouslySetInnerHTML={{ __html: PAGE_CSS }} />
      <h1>{t.title}</h1>
      <p class="muted">{t.intro(p.unitName)}</p>
      {revision ? (
        <div class="notice" data-revision={revision.reportId}>
          <strong>{t.revision(revision.reportId)}</strong>
          <p>{t.revisionBody}</p>
          {revision.note ? (
            <p>
              {t.revisionNote}: <q>{revision.note}</q>
            </p>
          ) : null}
        </div>
      ) : null}
      {unknown ? <div class="notice">{t.unknownReport(unknown)}</div> : null}
      {p.closed ? <div class="notice">{p.closed}</div> : null}
      <noscript>
        <div class="error">{t.noScript}</div>
      </noscript>
      <form
        id="unggah"
        class="upload-form"
        method="post"
        action="/unggah/formulir"
        data-worker={p.workerScript}
        data-settings={JSON.stringify(p.settings)}
        data-lang={p.lang}
        data-revision={revision?.reportId ?? ''}
        data-pk-url="/unggah/pk"
        data-unit={p.person.unit}
      >
        <CsrfField token={p.csrf} />
        <div class="row2">
          <div>
            <label for="tahun">{t.tahun}</label>
            <select id="tahun" name="tahun">
              {p.years.map((y) => (
                <option value={String(y)} selected={y === p.tahun}>
                  {y}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label for="periode">{t.periode}</label>
            <select id="periode" name="periode">
              {PERIODS.map((x) => (
                <option value={x} selected={x === p.periode}>
                  {PERIOD_LABEL[p.lang][x]} ({x})
                </option>
              ))}
              {p.canUploadPk ? <option value="PK">{t.pkOption}</option> : null}
            </select>
          </div>
        </div>
        <label for="berkas">{t.file}</label>
        <input id="berkas" type="file" name="berkas" accept=".csv,.xlsx" required aria-describedby="berkas-hint" />
        <p id="berkas-hint" class="muted">
          {t.fileHint(p.settings.dataLimits.maxFileMB)}
        </p>
        {/* Enabled by the page script: without it nothing could check the file before it is sent. */}
        <button type="submit" class="btn btn-ok" id="kirim" disabled>
          {t.submit}
        </button>
      </form>
      <div id="status" role="status" aria-live="polite" />
      <div class="upload-progress" id="kemajuan" hidden>
        <label for="kemajuan-bar">{t.progress}</label>
        <progress id="kemajuan-bar" max="100" value="0" />{' '}
        <span class="pct" id="kemajuan-persen" aria-live="polite">
          0 %
        </span>
      </div>
      <section id="masalah" hidden aria-labelledby="masalah-judul">
        <h2 id="masalah-judul">{t.problems}</h2>
        <div class="table-scroll">
          <table class="problems">
            <thead>
              <tr>
                <th scope="col">{t.row}</th>
                <th scope="col">{t.column}</th>
                <th scope="col">{t.value}</th>
                <th scope="col">{t.reason}</th>
              </tr>
            </thead>
            <tbody />
          </table>
        </div>
      </section>
      <section id="catatan" hidden>
        <h2>{t.warnings}</h2>
        <ul />
      </section>
      {p.canUploadPk ? <p class="muted">{t.pkHint}</p> : null}
      <section aria-labelledby="tahunan-judul">
        <h2 id="tahunan-judul">{t.annualTitle}</h2>
        <p class="muted">{t.annualBody}</p>
        <p>
          <a
            id="rekap-tahunan"
            href={`/unggah/rekap-tahunan?tahun=${p.tahun}`}
            data-href="/unggah/rekap-tahunan?tahun="
          >
            {t.annualLink}
          </a>
        </p>
      </section>
    </Layout>
  );
}
