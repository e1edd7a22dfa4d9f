import { SIGN_IN_MINUTES } from '../../core/sign-in.ts';
import type { Lang } from '../../i18n/lang.ts';
import type { UnitChoice } from '../../usecases/sign-in.ts';
import { Layout } from './layout.tsx';
import { CsrfField } from './message.tsx';

const T = {
  id: {
    title: 'Masuk ke portal lapkin',
    intro:
      'Portal Pelaporan Kinerja tidak memakai kata sandi. Mohon masukkan alamat email dinas Bapak/Ibu yang terdaftar; kami akan mengirim tautan masuk sekali pakai dan kode 6 angka ke alamat itu.',
    email: 'Alamat email dinas',
    send: 'Kirim tautan masuk',
    invalid: 'Alamat email ini tidak valid. Mohon periksa kembali penulisannya (misalnya nama@instansi.go.id).',
    signedOut: 'Bapak/Ibu telah keluar dari portal lapkin.',
    haveCode: 'Sudah menerima kode 6 angka?',
    useCode: 'Masuk dengan kode',
    checkTitle: 'Mohon periksa email Bapak/Ibu',
    checkBody: (email: string) =>
      `Bila alamat ${email} terdaftar pada direktori portal lapkin, kami telah mengirim tautan masuk dan kode 6 angka ke alamat tersebut.`,
    checkValid: `Tautan dan kode berlaku ${SIGN_IN_MINUTES} menit dan hanya dapat digunakan satu kali.`,
    checkNone:
      'Tidak menerima email dalam beberapa menit? Mohon periksa folder spam, pastikan alamat yang Bapak/Ibu ketik benar, lalu minta tautan baru. Bila alamat Bapak/Ibu belum terdaftar, mohon hubungi operator unit Bapak/Ibu.',
    again: 'Minta tautan baru',
    linkTitle: 'Masuk ke portal lapkin',
    linkBody: 'Mohon tekan tombol di bawah untuk masuk. Tautan ini hanya dapat digunakan satu kali.',
    chooseLegend: 'Alamat email Bapak/Ibu terdaftar pada beberapa unit. Mohon pilih unit yang akan Bapak/Ibu buka:',
    chooseMissing: 'Mohon pilih salah satu unit terlebih dahulu.',
    signIn: 'Masuk',
    codeTitle: 'Masuk dengan kode',
    codeIntro:
      'Bila tautan dari email terbuka di perangkat lain, mohon masukkan alamat email Bapak/Ibu dan kode 6 angka dari email tersebut.',
    code: 'Kode 6 angka',
    wrongCode: `Kode salah atau sudah tidak berlaku. Setelah 5 kali salah, kode tidak dapat dipakai lagi; mohon minta tautan baru.`,
    noCode: 'Belum menerima kode?',
  },
  en: {
    title: 'Sign in to the lapkin portal',
    intro:
      'The performance reporting portal uses no passwords. Enter your registered office email address; we will send a one-time sign-in link and a 6-digit code to it.',
    email: 'Office email address',
    send: 'Send sign-in link',
    invalid: 'This email address is not valid. Please check how it is written (e.g. name@agency.go.id).',
    signedOut: 'You have signed out of the lapkin portal.',
    haveCode: 'Already have a 6-digit code?',
    useCode: 'Sign in with a code',
    checkTitle: 'Check your email',
    checkBody: (email: string) =>
      `If ${email} is registered in the lapkin portal's directory, we have sent a sign-in link and a 6-digit code to it.`,
    checkValid: `The link and the code are valid for ${SIGN_IN_MINUTES} minutes and work once.`,
    checkNone:
      'No mail within a few minutes? Please check your spam folder and the address you typed, then ask for a new link. If your address is not registered yet, please contact the operator of your unit.',
    again: 'Ask for a new link',
    linkTitle: 'Sign in to the lapkin portal',
    linkBody: 'Press the button below to sign in. This link works once.',
    chooseLegend: 'Your address is registered in several units. Please choose the unit to open:',
    chooseMissing: 'Please choose a unit first.',
    signIn: 'Sign in',
    codeTitle: 'Sign in with a code',
    codeIntro:
      'If the link from the mail opened on another device, enter your email address and the 6-digit code from it.',
    code: '6-digit code',
    wrongCode:
      'The code is wrong or no longer valid. After 5 wrong tries a code stops working; please ask for a new link.',
    noCode: 'No code yet?',
  },
};

/** `?lang=en` carried onto the page's own links and form targets, when the person chose a language. */
export type LangQuery = '' | `?lang=${Lang}`;

interface Common {
  lang: Lang;
  langQuery: LangQuery;
  csrf?: string;
}

/** /masuk: the address, and nothing else. */
export function SignInPage(p: Common & { email?: string; next?: string; error?: boolean; signedOut?: boolean }) {
  const t = T[p.lang];
  return (
    <Layout lang={p.lang} title={t.title}>
      <h1>{t.title}</h1>
      {p.signedOut ? (
        <p class="ok" role="status">
          {t.signedOut}
        </p>
      ) : null}
      <p>{t.intro}</p>
      {p.error ? (
        <p class="error" role="alert" id="email-error">
          {t.invalid}
        </p>
      ) : null}
      <form method="post" action={`/masuk${p.langQuery}`}>
        <CsrfField token={p.csrf} />
        {p.next ? <input type="hidden" name="lanjut" value={p.next} /> : null}
        <label for="email">{t.email}</label>
        <EmailInput value={p.email} describedBy={p.error ? 'email-error' : undefined} />
        <button type="submit" class="btn btn-link">
          {t.send}
        </button>
      </form>
      <p class="muted">
        {t.haveCode} <a href={`/masuk/kode${p.langQuery}`}>{t.useCode}</a>
      </p>
    </Layout>
  );
}

/** After /masuk: the same words whether or not the address is somebody's (no enumeration). */
export function CheckMailPage(p: Common & { email: string }) {
  const t = T[p.lang];
  return (
    <Layout lang={p.lang} title={t.checkTitle}>
      <h1>{t.checkTitle}</h1>
      <p>{t.checkBody(p.email)}</p>
      <p>{t.checkValid}</p>
      <p>
        <a class="btn btn-link" href={`/masuk/kode${p.langQuery}`}>
          {t.useCode}
        </a>
      </p>
      <p class="muted">{t.checkNone}</p>
      <p class="muted">
        <a href={`/masuk${p.langQuery}`}>{t.again}</a>
      </p>
    </Layout>
  );
}

/** Each unit a whole row to tap (≥ 44 px), the radio inside its label. */
const CHOICE =
  'display:flex;gap:10px;align-items:center;min-height:44px;padding:8px 12px;margin:0 0 8px;border:1px solid #8a94a3;border-radius:8px;cursor:pointer';

function UnitChoices(p: { lang: Lang; choices: UnitChoice[] }) {
  if (p.choices.length < 2) return null;
  return (
    <fieldset class="choices" style="border:0;padding:0;margin:0 0 12px;min-width:0">
      <legend style="padding:0;margin:0 0 8px">{T[p.lang].chooseLegend}</legend>
      {p.choices.map((u) => (
        <label class="choice" style={CHOICE}>
          <input type="radio" name="unit" value={u.unit} required style="width:20px;height:20px;margin:0" />
          {u.name}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * The mailed link's page: a button, nothing done yet (mail scanners open links with GET). With several units the
 * person chooses one here.
 */
export function LinkPage(
  p: Common & { action: string; choices: UnitChoice[]; next?: string; missingChoice?: boolean },
) {
  const t = T[p.lang];
  return (
    <Layout lang={p.lang} title={t.linkTitle}>
      <h1>{t.linkTitle}</h1>
      <p>{t.linkBody}</p>
      {p.missingChoice ? (
        <p class="error" role="alert">
          {t.chooseMissing}
        </p>
      ) : null}
      <form method="post" action={p.action}>
        <CsrfField token={p.csrf} />
        {p.next ? <input type="hidden" name="lanjut" value={p.next} /> : null}
        <UnitChoices lang={p.lang} choices={p.choices} />
        <button type="submit" class="btn btn-ok">
          {t.signIn}
        </button>
      </form>
    </Layout>
  );
}

/** /masuk/kode: the address and the code from its latest mail; after proof, the unit if there are several. */
export function CodePage(
  p: Common & { email?: string; wrong?: boolean; choices?: UnitChoice[]; code?: string; next?: string },
) {
  const t = T[p.lang];
  const choosing = !!p.choices && p.choices.length > 1;
  return (
    <Layout lang={p.lang} title={t.codeTitle}>
      <h1>{t.codeTitle}</h1>
      {choosing ? null : <p>{t.codeIntro}</p>}
      {p.wrong ? (
        <p class="error" role="alert" id="code-error">
          {t.wrongCode}
        </p>
      ) : null}
      <form method="post" action={`/masuk/kode${p.langQuery}`}>
        <CsrfField token={p.csrf} />
        {p.next ? <input type="hidden" name="lanjut" value={p.next} /> : null}
        {choosing ? (
          <>
            <input type="hidden" name="email" value={p.email ?? ''} />
            <input type="hidden" name="kode" value={p.code ?? ''} />
            <UnitChoices lang={p.lang} choices={p.choices ?? []} />
          </>
        ) : (
          <>
            <label for="email">{t.email}</label>
            <EmailInput value={p.email} />
            <label for="kode">{t.code}</label>
            <input
              type="text"
              id="kode"
              name="kode"
              required
              class="code"
              inputmode="numeric"
              autocomplete="one-time-code"
              pattern="[0-9]{6}"
              maxlength={6}
              aria-describedby={p.wrong ? 'code-error' : undefined}
            />
          </>
        )}
        <button type="submit" class="btn btn-ok">
          {t.signIn}
        </button>
      </form>
      {choosing ? null : (
        <p class="muted">
          {t.noCode} <a href={`/masuk${p.langQuery}`}>{t.send}</a>
        </p>
      )}
    </Layout>
  );
}

/** The office address field of both sign-in forms (a person's address is at most 254 characters). */
function EmailInput(p: { value?: string; describedBy?: string }) {
  return (
    <input
      type="email"
      id="email"
      name="email"
      required
      autocomplete="email"
      inputmode="email"
      maxlength={254}
      value={p.value ?? ''}
      aria-describedby={p.describedBy}
    />
  );
}
