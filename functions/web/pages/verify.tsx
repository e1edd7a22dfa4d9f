import type { SessionPerson } from '../../core/session.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { periodLabel } from '../../i18n/labels.ts';
import type { Lang } from '../../i18n/lang.ts';
import type { ArchivedDocumentKind, PublicSigner, PublicVerification } from '../../usecases/public-verification.ts';
import { Layout } from './layout.tsx';

const T = {
  id: {
    title: 'Verifikasi keaslian dokumen',
    found: (code: string) =>
      `Kode ${code} terdaftar: Laporan Kinerja di bawah ini telah disahkan dan diarsipkan melalui lapkin.`,
    unit: 'Unit kerja',
    report: 'Laporan',
    reportName: (per: string, tahun: number) => `Laporan Kinerja ${per} Tahun ${tahun}`,
    revision: 'Revisi',
    initialled: 'Diparaf ketua tim',
    verified: 'Diverifikasi (paraf)',
    ratified: 'Disahkan (tanda tangan)',
    documented: 'Diarsipkan',
    none: 'tidak tercatat',
    code: 'Kode verifikasi',
    matchTitle: 'Cocokkan berkas Anda',
    matchIntro:
      'Seret berkas PDF (atau XLSX/CSV arsip) ke kotak ini atau pilih dari perangkat Anda. Berkas tidak dikirim ke mana pun: sidik SHA-256-nya dihitung di peramban Anda lalu dibandingkan dengan daftar di bawah.',
    chooseFile: 'Pilih berkas untuk dicocokkan',
    working: 'Menghitung SHA-256 …',
    match: 'cocok — sama dengan {doc}',
    noMatch: 'tidak cocok — berkas ini berbeda dari setiap dokumen arsip di bawah',
    yourHash: 'SHA-256 berkas Anda: {hash}',
    noCrypto: 'Peramban ini tidak dapat menghitung SHA-256 di halaman ini. Mohon gunakan salah satu perintah di bawah.',
    docsTitle: 'Dokumen yang diarsipkan',
    docHeader: 'Dokumen',
    shaHeader: 'SHA-256',
    docs: {
      pdf: 'Laporan Kinerja (PDF, disahkan)',
      disposition: 'Lembar disposisi (PDF)',
      xlsx: 'Laporan Kinerja (XLSX)',
      source: 'Data kinerja yang diunggah',
    } satisfies Record<ArchivedDocumentKind, string>,
    manualTitle: 'Memeriksa tanpa peramban',
    manual:
      'SHA-256 suatu berkas juga dapat dihitung dengan perintah berikut, lalu dibandingkan dengan nilai di atas (ditulis dalam kelompok 8 karakter, seperti pada lembar disposisi):',
    onlyPrinted:
      'Halaman ini hanya menampilkan keterangan yang tercetak pada dokumen arsip. Dokumen yang SHA-256-nya berbeda bukan salinan asli dari arsip, walaupun isinya tampak sama.',
    notFound: 'Kode verifikasi tidak dikenal',
    notFoundBody:
      'Kode ini tidak terdaftar di lapkin. Mohon periksa kembali kode pada dokumen: 12 huruf dan angka, dicetak di samping tanda tangan, di bawah pernyataan lembar disposisi dan di kaki setiap halaman (contoh: K7M2-9QXD-4TNB). Huruf besar atau kecil dan tanda hubung tidak berpengaruh.',
    askTitle: 'Verifikasi keaslian dokumen',
    askBody:
      'Masukkan kode verifikasi yang tercetak pada Laporan Kinerja atau lembar disposisinya, atau pindai kode QR di samping tanda tangan.',
    codeLabel: 'Kode verifikasi',
    check: 'Periksa',
  },
  en: {
    title: 'Verify a document',
    found: (code: string) =>
      `Code ${code} is registered: the Performance Report below was ratified and archived through lapkin.`,
    unit: 'Unit',
    report: 'Report',
    reportName: (per: string, tahun: number) => `Performance Report ${per} ${tahun}`,
    revision: 'Revision',
    initialled: 'Initialled by the team lead',
    verified: 'Verified (initials)',
    ratified: 'Ratified (signature)',
    documented: 'Archived',
    none: 'not recorded',
    code: 'Verification code',
    matchTitle: 'Match your file',
    matchIntro:
      'Drop the PDF (or the archived XLSX/CSV) on this box or choose it from your device. The file is not sent anywhere: its SHA-256 is computed in your browser and compared with the list below.',
    chooseFile: 'Choose a file to match',
    working: 'Computing SHA-256 …',
    match: 'match — same as {doc}',
    noMatch: 'no match — this file differs from every archived document below',
    yourHash: 'SHA-256 of your file: {hash}',
    noCrypto: 'This browser cannot compute SHA-256 on this page. Please use one of the commands below.',
    docsTitle: 'Archived documents',
    docHeader: 'Document',
    shaHeader: 'SHA-256',
    docs: {
      pdf: 'Performance Report (PDF, ratified)',
      disposition: 'Disposition sheet (PDF)',
      xlsx: 'Performance Report (XLSX)',
      source: 'Uploaded performance data',
    } satisfies Record<ArchivedDocumentKind, string>,
    manualTitle: 'Checking without a browser',
    manual:
      'The SHA-256 of a file can also be computed with these commands and compared with the values above (written in groups of 8 characters, as on the disposition sheet):',
    onlyPrinted:
      'This page shows only what is printed on the archived documents. A document whose SHA-256 differs is not a true copy of the archive, even if its content looks the same.',
    notFound: 'Unknown verification code',
    notFoundBody:
      'This code is not registered in lapkin. Please check the code on the document: 12 letters and digits, printed beside the signature, below the statement of the disposition sheet and in the footer of every page (example: K7M2-9QXD-4TNB). Case and dashes do not matter.',
    askTitle: 'Verify a document',
    askBody:
      'Enter the verification code printed on the Performance Report or its disposition sheet, or scan the QR code beside the signature.',
    codeLabel: 'Verification code',
    check: 'Check',
  },
};

/** Groups of 8, as the disposition sheet prints a hash: easy to compare by eye, and wraps on a phone. */
function groupHash(hex: string): string {
  return hex.match(/.{1,8}/g)?.join(' ') ?? hex;
}

// Constant CSS of this page only (the shared layout has no drop zone or definition rows).
const CSS = `
  .facts th { width: 38%; background: none; font-weight: 600; color: #4f5966; }
  .facts td, .facts th { padding: 8px 6px; }
  .signer span { display: block; }
  .hash { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .85rem; word-spacing: .1em; }
  .dropzone { border: 2px dashed #8a94a3; border-radius: 10px; padding: 14px; background: #f8fafc; }
  .dropzone.over { border-color: #1f4e79; background: #e8f0f8; }
  .dropzone label { margin-top: 0; }
  .dropzone p { margin-top: 0; }
  #hasil strong { font-size: 1.1rem; }
  .dropzone input[type=file] { display: block; width: 100%; font: inherit; padding: 8px 0; }
  #hasil:empty { display: none; }
  #hasil .hash { display: block; margin-top: 4px; }
  tr.matched td { background: #e8f5e9; }
  code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; background: #f0f3f7; padding: 1px 4px; border-radius: 4px; overflow-wrap: anywhere; }
  ul.commands { padding-left: 1.2em; }
  ul.commands li { margin: 4px 0; }
  .codebox { display: flex; flex-wrap: wrap; gap: 8px; align-items: flex-end; }
  .codefield { flex: 1 1 200px; }
  .codebox .btn { margin: 0; min-height: 46px; }
  .codebox input { font-family: ui-monospace, Menlo, Consolas, monospace; letter-spacing: .05em; text-transform: uppercase; }
`;

function Signer(p: { who?: PublicSigner; lang: Lang }) {
  if (!p.who) return <span class="muted">{T[p.lang].none}</span>;
  return (
    <span class="signer">
      <span>
        <strong>{p.who.name}</strong>
      </span>
      <span>NIP {p.who.nip}</span>
      <span>{p.who.title}</span>
      <span class="muted">{formatDateTime(p.who.at, p.lang)}</span>
    </span>
  );
}

/** The found page: the printed facts, the in-browser match (script), the hashes, and how to check by hand. */
export function VerificationPage(p: {
  lang: Lang;
  v: PublicVerification;
  script?: string;
  person?: SessionPerson;
  csrf?: string;
}) {
  const t = T[p.lang];
  const v = p.v;
  return (
    <Layout
      lang={p.lang}
      title={`${t.title} ${v.code}`}
      tone="ok"
      person={p.person}
      csrf={p.csrf}
      scripts={p.script ? [p.script] : []}
    >
      <style dangerouslySetInnerHTML={{ __html: CSS }} />
      <h1>{t.title}</h1>
      <p class="ok">{t.found(v.code)}</p>
      <table class="facts">
        <tbody>
          <tr>
            <th scope="row">{t.unit}</th>
            <td>
              {v.organization.name}
              <span class="muted"> — {v.organization.parent}</span>
            </td>
          </tr>
          <tr>
            <th scope="row">{t.report}</th>
            <td>{t.reportName(periodLabel(v.periode, p.lang), v.tahun)}</td>
          </tr>
          <tr>
            <th scope="row">{t.revision}</th>
            <td>{v.revision}</td>
          </tr>
          {v.initialledBy ? (
            <tr>
              <th scope="row">{t.initialled}</th>
              <td data-fact="initialled">
                <Signer who={v.initialledBy} lang={p.lang} />
              </td>
            </tr>
          ) : null}
          <tr>
            <th scope="row">{t.verified}</th>
            <td data-fact="verified">
              <Signer who={v.verifiedBy} lang={p.lang} />
            </td>
          </tr>
          <tr>
            <th scope="row">{t.ratified}</th>
            <td data-fact="ratified">
              <Signer who={v.ratifiedBy} lang={p.lang} />
            </td>
          </tr>
          <tr>
            <th scope="row">{t.documented}</th>
            <td>{formatDateTime(v.documentedAt, p.lang)}</td>
          </tr>
          <tr>
            <th scope="row">{t.code}</th>
            <td>
              <span class="hash">{v.code}</span>
            </td>
          </tr>
        </tbody>
      </table>

      {/* Shown by the script (functions/web/browser/verify-drop.ts); without one the hashes and commands remain. */}
      <section
        id="cocokkan"
        hidden
        aria-labelledby="cocokkan-judul"
        data-msg-working={t.working}
        data-msg-match={t.match}
        data-msg-nomatch={t.noMatch}
        data-msg-hash={t.yourHash}
        data-msg-nocrypto={t.noCrypto}
      >
        <h2 id="cocokkan-judul">{t.matchTitle}</h2>
        <div class="dropzone">
          <p class="muted">{t.matchIntro}</p>
          <label for="berkas">{t.chooseFile}</label>
          <input type="file" id="berkas" name="berkas" />
        </div>
        <div id="hasil" role="status" aria-live="polite" />
      </section>

      <h2>{t.docsTitle}</h2>
      <div class="table-scroll">
        <table class="documents">
          <thead>
            <tr>
              <th scope="col">{t.docHeader}</th>
              <th scope="col">{t.shaHeader}</th>
            </tr>
          </thead>
          <tbody>
            {v.documents.map((d) => (
              <tr data-sha256={d.sha256} data-label={t.docs[d.kind]}>
                <td>{t.docs[d.kind]}</td>
                <td class="hash">{groupHash(d.sha256)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{t.manualTitle}</h2>
      <p>{t.manual}</p>
      <ul class="commands">
        <li>
          Linux: <code>sha256sum laporan.pdf</code>
        </li>
        <li>
          macOS: <code>shasum -a 256 laporan.pdf</code>
        </li>
        <li>
          Windows: <code>certutil -hashfile laporan.pdf SHA256</code>
        </li>
      </ul>
      <p class="muted">{t.onlyPrinted}</p>
    </Layout>
  );
}

/** The form to type a printed code (GET, no session needed): /verifikasi?kode=… */
function CodeForm(p: { lang: Lang }) {
  const t = T[p.lang];
  return (
    <form method="get" action="/verifikasi" class="codebox">
      {p.lang === 'en' ? <input type="hidden" name="lang" value="en" /> : null}
      <div class="codefield">
        <label for="kode">{t.codeLabel}</label>
        <input
          type="text"
          id="kode"
          name="kode"
          autocomplete="off"
          autocapitalize="characters"
          spellcheck={false}
          maxlength={32}
          placeholder="K7M2-9QXD-4TNB"
        />
      </div>
      <button type="submit" class="btn btn-link">
        {t.check}
      </button>
    </form>
  );
}

/** Every code that is not the printed code of an archived revision — malformed, unknown, not yet documented. */
export function UnknownCodePage(p: { lang: Lang; person?: SessionPerson; csrf?: string }) {
  const t = T[p.lang];
  return (
    <Layout lang={p.lang} title={t.notFound} tone="warn" person={p.person} csrf={p.csrf}>
      <style dangerouslySetInnerHTML={{ __html: CSS }} />
      <h1>{t.notFound}</h1>
      <p>{t.notFoundBody}</p>
      <CodeForm lang={p.lang} />
    </Layout>
  );
}

/** /verifikasi: where a person types the code from paper. */
export function AskCodePage(p: { lang: Lang; person?: SessionPerson; csrf?: string }) {
  const t = T[p.lang];
  return (
    <Layout lang={p.lang} title={t.askTitle} person={p.person} csrf={p.csrf}>
      <style dangerouslySetInnerHTML={{ __html: CSS }} />
      <h1>{t.askTitle}</h1>
      <p>{t.askBody}</p>
      <CodeForm lang={p.lang} />
    </Layout>
  );
}
