import type { Lang } from '../i18n/lang.ts';
import type { MailMessage } from '../ports/mailer.ts';

type Mail = Omit<MailMessage, 'to' | 'cc'>;

const T = {
  id: {
    subject: (units: string) => `[Masuk] Portal lapkin — ${units}`,
    greeting: (name: string) => `Yth. Bapak/Ibu ${name},`,
    intro: (units: string) =>
      `kami menerima permintaan masuk ke portal lapkin (Pelaporan Kinerja) untuk ${units} dengan alamat email ini.`,
    button: 'Masuk ke portal lapkin',
    validity: (minutes: number) => `Tautan ini berlaku ${minutes} menit dan hanya dapat digunakan satu kali.`,
    codeIntro: 'Bila tautan dibuka di perangkat lain, masukkan kode berikut pada halaman “Masuk dengan kode”:',
    codePage: 'Halaman masuk dengan kode',
    ignore:
      'Abaikan email ini bila Anda tidak meminta untuk masuk; tanpa tautan atau kode ini tidak ada yang dapat masuk atas nama Anda.',
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

/** Links leave the mail client in a tab of their own (MailDev's preview frame cannot show the portal). */
const NEW_TAB = { target: '_blank', rel: 'noopener noreferrer' } as const;

function SignInMailHtml(p: SignInMailInput) {
  const t = T[p.lang];
  const units = p.unitNames.join(', ');
  return (
    <html lang={p.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{t.subject(units)}</title>
      </head>
      <body style="margin:0;background:#f3f5f8;font-family:-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1b1f24;line-height:1.5">
        <div style="max-width:600px;margin:0 auto;padding:16px">
          <div style="background:#fff;border-radius:10px;padding:20px;border-top:5px solid #1f4e79">
            <p>{t.greeting(p.name)}</p>
            <p>{t.intro(units)}</p>
            <p>
              <a
                href={p.link}
                {...NEW_TAB}
                style="display:inline-block;padding:12px 20px;border-radius:8px;background:#1f4e79;color:#fff;font-weight:600;text-decoration:none"
              >
                {t.button}
              </a>
            </p>
            <p>{t.validity(p.minutes)}</p>
            <p>{t.codeIntro}</p>
            <p style="font-size:1.6rem;font-weight:700;letter-spacing:.3em;font-family:'DejaVu Sans Mono',monospace">
              {p.code}
            </p>
            <p>
              <a href={p.codePage} {...NEW_TAB}>
                {t.codePage}
              </a>
            </p>
            <p style="color:#4f5966;font-size:.9rem">{t.ignore}</p>
            <p>
              {t.closing}
              <br />
              {t.sender}
            </p>
          </div>
        </div>
      </body>
    </html>
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
    html: `<!doctype html>${(<SignInMailHtml {...p} />).toString()}`,
  };
}
