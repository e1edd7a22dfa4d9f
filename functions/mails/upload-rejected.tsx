import type { Person } from '../core/config.ts';
import type { UploadKeyProblem } from '../core/errors.ts';
import type { Lang } from '../i18n/lang.ts';
import { Button, Closing, closing, greeting, Heading, Notice, P, UrlLine } from './parts.tsx';
import { uploadStartUrl } from './portal-links.ts';
import { type Mail, MailShell, mailDocument, subjectOf } from './shell.tsx';

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

const T = {
  id: {
    action: 'Unggahan ditolak',
    heading: 'Unggahan tidak dapat diproses',
    intro: (reason: string) => `Unggahan berikut tidak dapat diproses: ${reason}.`,
    example: (key: string) => `Contoh lokasi yang benar: ${key}`,
    kept: (v: string) =>
      `Berkas tetap tersimpan (versi ${v}); mohon Bapak/Ibu mengunggahnya ulang ke lokasi yang benar.`,
    portal: 'Cara termudah: unggah melalui halaman unggah portal lapkin, yang menentukan lokasinya sendiri.',
    button: 'Buka halaman unggah',
  },
  en: {
    action: 'Upload rejected',
    heading: 'Upload could not be processed',
    intro: (reason: string) => `This upload could not be processed: ${reason}.`,
    example: (key: string) => `A correct location: ${key}`,
    kept: (v: string) => `The file is kept (version ${v}); please upload it again to the right place.`,
    portal: "The easiest way: upload on the lapkin portal's upload page, which chooses the location itself.",
    button: 'Open the upload page',
  },
};

/**
 * The answer to an upload whose location names no report (a bucket or folder upload outside the portal): what is
 * wrong, the right pattern, that the file is kept — and the portal's upload page, which cannot get it wrong.
 */
export function uploadRejectedMail(a: {
  /** A unit code for the example location: the uploader's own when the key named a known unit. */
  exampleUnit: string;
  lang: Lang;
  to: Person;
  key: string;
  versionId: string;
  problem: UploadKeyProblem;
  /** The portal's base URL. */
  portal: string;
}): Mail {
  const t = T[a.lang];
  const subject = subjectOf(t.action, t.heading);
  const intro = t.intro(REASON[a.lang][a.problem]);
  const example = t.example(`masuk/${a.exampleUnit}/${new Date().getUTCFullYear()}/TW1/data-kinerja.xlsx`);
  const kept = t.kept(a.versionId);
  const upload = uploadStartUrl(a.portal);
  return {
    subject,
    text: [
      greeting(a.to.name, a.lang),
      '',
      intro,
      `  ${a.key}`,
      '',
      example,
      kept,
      '',
      t.portal,
      upload,
      '',
      closing(a.lang),
      '',
    ].join('\n'),
    html: mailDocument(
      <MailShell lang={a.lang} title={subject} tone="bad">
        <P>{greeting(a.to.name, a.lang)}</P>
        <Heading tone="bad">{t.heading}</Heading>
        <P>{intro}</P>
        <Notice tone="bad">
          <code style="word-break:break-all">{a.key}</code>
        </Notice>
        <P>{example}</P>
        <P>{kept}</P>
        <P>{t.portal}</P>
        <p style="margin:8px 0 4px">
          <Button href={upload}>{t.button}</Button>
        </p>
        <UrlLine href={upload} />
        <Closing lang={a.lang} />
      </MailShell>,
    ),
  };
}
