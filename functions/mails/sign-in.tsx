import type { Lang } from '../i18n/lang.ts';
import { Button, Muted, P } from './parts.tsx';
import { type Mail, MailShell, mailDocument } from './shell.tsx';

const T = {
  id: {
    subject: (units: string) => `[Masuk] Portal lapkin — ${units}`,
    greeting: (name: string) => `Yth. Bapak/Ibu ${name},`,
    intro: (units: string) =>
      `kami menerima permintaan masuk ke portal lapkin (Pelaporan Kinerja) untuk ${units} dengan alamat email ini.`,
    button: 'Masuk ke portal lapkin',
    validity: (minutes: number) => `Tautan ini berlaku ${minutes} menit dan hanya dapat digunakan satu kali.`,
    codeIntro: 'Bila tautan dibuka di perangkat lain, mohon masukkan kode berikut pada halaman “Masuk dengan kode”:',
    codePage: 'Halaman masuk dengan kode',
    ignore:
      'Mohon abaikan email ini bila Bapak/Ibu tidak meminta untuk masuk; tanpa tautan atau kode ini tidak ada yang dapat masuk atas nama Bapak/Ibu.',
    closing: 'Hormat kami,',
    sender: 'Portal lapkin — SOP Pelaporan Kinerja',
  },
  en: {
    subject: (units: string) => `[Sign in] lapkin portal — ${units}`,
    greeting: (name: string) => `Dear ${name},`,
    intro: (units: string) =>
      `we received a request to sign in to the lapkin portal (performance reporting) for ${units} with this address.`,
    button: 'Sign in to the lapkin portal',
    validity: (minutes: number) => `This link is valid for ${minutes} minutes and works once.`,
    codeIntro: 'If you open the link on another device, enter this code on the “Sign in with a code” page:',
    codePage: 'Sign-in page for the code',
    ignore: 'Ignore this mail if you did not ask to sign in; without this link or code nobody can sign in as you.',
    closing: 'Kind regards,',
    sender: 'lapkin portal — performance reporting SOP',
  },
};

export interface SignInMailInput {
  lang: Lang;
  /** The person's name as the directory has it. */
  name: string;
  /** The unit(s) this address may sign in to, by name. */
  unitNames: string[];
  link: string;
  /** Where the code is typed (on another device). */
  codePage: string;
  code: string;
  minutes: number;
}

/** The mail's HTML in the shell every lapkin mail uses (links open in a tab of their own: Button, UrlLine). */
function SignInMailHtml(p: SignInMailInput) {
  const t = T[p.lang];
  const units = p.unitNames.join(', ');
  return (
    <MailShell lang={p.lang} title={t.subject(units)}>
      <P>{t.greeting(p.name)}</P>
      <P>{t.intro(units)}</P>
      <P>
        <Button href={p.link}>{t.button}</Button>
      </P>
      <P>{t.validity(p.minutes)}</P>
      <P>{t.codeIntro}</P>
      <p style="margin:0 0 12px;font-size:1.6rem;font-weight:700;letter-spacing:.3em;font-family:'DejaVu Sans Mono',monospace">
        {p.code}
      </p>
      <P>
        <a href={p.codePage} target="_blank" rel="noopener noreferrer">
          {t.codePage}
        </a>
      </P>
      <Muted>{t.ignore}</Muted>
      <p style="margin:16px 0 0">
        {t.closing}
        <br />
        {t.sender}
      </p>
    </MailShell>
  );
}

/** The sign-in mail: the one-time link, the code for another device, and how long both work. */
export function signInMail(p: SignInMailInput): Mail {
  const t = T[p.lang];
  const units = p.unitNames.join(', ');
  const text = [
    t.greeting(p.name),
    '',
    t.intro(units),
    '',
    `${t.button}: ${p.link}`,
    t.validity(p.minutes),
    '',
    t.codeIntro,
    p.code,
    `${t.codePage}: ${p.codePage}`,
    '',
    t.ignore,
    '',
    t.closing,
    t.sender,
    '',
  ].join('\n');
  return {
    subject: t.subject(units),
    text,
    html: mailDocument(<SignInMailHtml {...p} />),
  };
}
