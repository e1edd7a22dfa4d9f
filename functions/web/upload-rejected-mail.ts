import type { Person } from '../core/config.ts';
import type { UploadKeyProblem } from '../core/errors.ts';
import type { MailMessage } from '../ports/mailer.ts';
import { escapeHtml, type Lang } from './i18n.ts';
import { htmlPage } from './layout.ts';

const REASON: Record<Lang, Record<UploadKeyProblem, string>> = {
  id: {
    PREFIX: 'berkas tidak diunggah ke folder masuk/',
    SHAPE: 'susunan folder tidak sesuai; harus masuk/<unit>/<tahun>/<periode>/<nama berkas>',
    UNIT: 'nama unit pada folder tidak sah (huruf kecil, angka dan tanda hubung saja)',
    YEAR: 'tahun pada folder tidak sah (empat angka, misalnya 2026)',
    PERIOD: 'periode pada folder tidak dikenal (TW1, TW2, TW3, TW4 atau TAHUNAN)',
    FILE_NAME: 'nama berkas tidak sah (huruf, angka, spasi, titik, garis bawah dan tanda hubung; tanpa "..")',
    UNIT_NOT_CONFIGURED: 'unit pada folder tidak terdaftar di lapkin',
  },
  en: {
    PREFIX: 'the file was not uploaded under masuk/',
    SHAPE: 'the folders do not match masuk/<unit>/<year>/<period>/<file name>',
    UNIT: 'the unit folder name is invalid (lower-case letters, digits and hyphens only)',
    YEAR: 'the year folder is invalid (four digits, e.g. 2026)',
    PERIOD: 'the period folder is unknown (TW1, TW2, TW3, TW4 or TAHUNAN)',
    FILE_NAME: 'the file name is invalid (letters, digits, spaces, dots, underscores and hyphens; no "..")',
    UNIT_NOT_CONFIGURED: 'the unit in the folder is not configured in lapkin',
  },
};

/** The answer to an upload whose location names no report: what is wrong, the right pattern, and that the file is kept. */
export function uploadRejectedMail(a: {
  /** A unit code for the example location: the uploader's own when the key named a known unit. */
  exampleUnit: string;
  lang: Lang;
  to: Person;
  key: string;
  versionId: string;
  problem: UploadKeyProblem;
}): Omit<MailMessage, 'to'> {
  const id = a.lang === 'id';
  const subject = id ? '[lapkin] Unggahan tidak dapat diproses' : '[lapkin] Upload could not be processed';
  const reason = REASON[a.lang][a.problem];
  const example = `masuk/${a.exampleUnit}/${new Date().getUTCFullYear()}/TW1/data-kinerja.xlsx`;
  const lines = id
    ? [
        `Yth. ${a.to.name},`,
        '',
        `Unggahan berikut tidak dapat diproses: ${reason}.`,
        `  ${a.key}`,
        '',
        `Contoh lokasi yang benar: ${example}`,
        `Berkas tetap tersimpan (versi ${a.versionId}); unggah ulang ke lokasi yang benar.`,
      ]
    : [
        `Dear ${a.to.name},`,
        '',
        `This upload could not be processed: ${reason}.`,
        `  ${a.key}`,
        '',
        `A correct location: ${example}`,
        `The file is kept (version ${a.versionId}); upload it again to the right place.`,
      ];
  return {
    subject,
    text: `${lines.join('\n')}\n`,
    html: htmlPage({
      lang: a.lang,
      title: subject,
      tone: 'bad',
      body: `<h1>${escapeHtml(id ? 'Unggahan tidak dapat diproses' : 'Upload could not be processed')}</h1>
<p>${escapeHtml(lines[2] ?? '')}</p><p><code>${escapeHtml(a.key)}</code></p>
<p>${escapeHtml(lines[5] ?? '')}</p><p class="muted">${escapeHtml(lines[6] ?? '')}</p>`,
    }),
  };
}
