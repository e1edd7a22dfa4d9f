import type { UnitProfile } from '../../core/directory.ts';
import type { BelowTargetIndicator, Decision, DecisionStep } from '../../core/report.ts';
import type { ReportView } from '../../core/report-view.ts';
import type { SessionPerson } from '../../core/session.ts';
import { formatDateTime, formatNumber, formatPercent } from '../../i18n/format.ts';
import { DECISION_LABEL, PERIOD_LABEL, statusLabel, type UnitTitles } from '../../i18n/labels.ts';
import type { Lang } from '../../i18n/lang.ts';
import type { EarlierDecision } from '../../usecases/take-decision.ts';
import { Layout, type Tone } from './layout.tsx';
import { CsrfField } from './message.tsx';
import { DiffSection, Facts, PageStyle, SendBackNote } from './parts.tsx';

const T = {
  id: {
    parafTitle: 'Paraf Laporan Kinerja',
    verifyTitle: 'Verifikasi Laporan Kinerja',
    ratifyTitle: 'Pengesahan Laporan Kinerja',
    for: 'Untuk',
    period: 'Periode',
    revision: 'Revisi ke',
    indicators: 'Jumlah indikator',
    average: 'Rata-rata capaian',
    below: 'Indikator di bawah target',
    due: 'Batas waktu',
    status: 'Status',
    download: 'Unduh laporan (PDF) yang diputuskan',
    noteLabel: 'Arahan / catatan (boleh diisi bila disetujui; wajib diisi bila dikembalikan untuk revisi)',
    noteHint:
      'Arahan atau catatan Bapak/Ibu tercatat pada lembar disposisi dan disampaikan kepada pejabat berikutnya atau kepada TIMSAKIP.',
    approveParaf: (sekretaris: string) => `Setujui (paraf) dan teruskan ke ${sekretaris}`,
    approveVerify: (head: string) => `Setujui (paraf) dan teruskan ke ${head}`,
    approveRatify: 'Sahkan laporan (tanda tangan)',
    revise: 'Kembalikan untuk revisi',
    noteRequired: 'Mohon isi catatan bila laporan dikembalikan untuk revisi.',
    noteTooLong: 'Catatan terlalu panjang (paling banyak 2.000 karakter).',
    badDecision: 'Mohon pilih salah satu: setujui atau kembalikan untuk revisi.',
    approved: 'Keputusan tercatat: disetujui',
    approvedBody: (step: DecisionStep, titles: UnitTitles['roleTitles'] | undefined) =>
      step === 'ratify'
        ? 'Laporan telah disahkan dan akan didokumentasikan. Terima kasih.'
        : step === 'paraf'
          ? `Laporan telah diparaf dan diteruskan ${titles ? `kepada ${titles.SEKRETARIS_CAMAT} ` : ''}untuk verifikasi. Terima kasih.`
          : `Laporan telah diverifikasi dan diteruskan ${titles ? `kepada ${titles.CAMAT} ` : ''}untuk pengesahan. Terima kasih.`,
    revised: 'Keputusan tercatat: dikembalikan untuk revisi',
    revisedBody: 'Laporan dikembalikan kepada TIMSAKIP beserta catatan Bapak/Ibu. Terima kasih.',
    already: 'Sudah diputuskan',
    alreadyBody: (d: Decision, lang: Lang) =>
      d.state === 'SUPERSEDED'
        ? 'Tahap ini sudah tidak menunggu keputusan (laporan telah berubah). Tidak ada yang diubah.'
        : `Keputusan untuk laporan ini sudah diberikan${d.decidedAt ? ` pada ${formatDateTime(d.decidedAt, lang)}` : ''}: ${d.decision === 'APPROVE' ? 'disetujui' : 'dikembalikan untuk revisi'}. Tidak ada yang diubah.`,
    expired: 'Tautan kedaluwarsa',
    expiredBody:
      'Tautan keputusan ini sudah melewati masa berlakunya. Mohon hubungi TIMSAKIP untuk mendapatkan tautan baru.',
    invalid: 'Tautan tidak sah',
    invalidBody:
      'Tautan ini tidak dikenali atau telah diubah. Mohon gunakan tautan persis seperti pada email yang Bapak/Ibu terima.',
    retry: 'Belum dapat diproses',
    retryBody:
      'Keputusan belum tersampaikan sepenuhnya karena gangguan sementara. Keputusan yang sudah tercatat diselesaikan sistem secara otomatis; Bapak/Ibu juga dapat mengirimkan keputusan yang sama sekali lagi dengan tautan yang sama beberapa saat lagi.',
    bad: 'Permintaan tidak dapat diproses',
    badBody: 'Isian formulir tidak dapat dibaca. Mohon buka kembali tautan dari email Bapak/Ibu.',
    tooLarge: 'Isian terlalu besar',
    notAllowed: 'Metode tidak didukung',
    superseded: 'Tahap sudah berakhir',
    supersededBody:
      'Laporan ini tidak lagi menunggu keputusan pada tahap ini, sehingga keputusan Bapak/Ibu tidak diterapkan.',
    late: 'terlambat',
    earlier: 'Keputusan sebelumnya pada revisi ini',
    earlierLine: (e: EarlierDecision, lang: Lang) =>
      `${DECISION_LABEL.id[e.step].title}: ${e.decision === 'APPROVE' ? 'disetujui' : 'dikembalikan untuk revisi'} oleh ${e.name}${e.title ? `, ${e.title}` : ''} — ${formatDateTime(e.at, lang)}`,
    belowList: (n: number) => `Indikator di bawah target (${n})`,
    belowNone: 'Semua indikator mencapai target.',
    belowLine: (i: BelowTargetIndicator, lang: Lang) =>
      `realisasi ${formatNumber(i.realisasi, {}, lang)}, target ${formatNumber(i.target, {}, lang)} (${i.satuan})`,
    belowMore: (n: number) => `… dan ${n} indikator lainnya (lihat PDF).`,
    report: 'Lihat halaman laporan',
    backToTasks: 'Kembali ke Tugas saya',
    redirected: 'Permintaan telah dialihkan',
    redirectedBody: (d?: Decision) =>
      d
        ? `Permintaan ini telah dialihkan kepada ${d.assignee.name}, ${d.assignee.title}. Tautan ini tidak berlaku lagi untuk Bapak/Ibu; tidak ada yang diubah.`
        : 'Permintaan ini telah dialihkan kepada pejabat lain. Tidak ada yang diubah.',
  },
  en: {
    parafTitle: 'Initial performance report',
    verifyTitle: 'Verify performance report',
    ratifyTitle: 'Ratify performance report',
    for: 'For',
    period: 'Period',
    revision: 'Revision',
    indicators: 'Indicators',
    average: 'Average achievement',
    below: 'Indicators below target',
    due: 'Due',
    status: 'Status',
    download: 'Download the report (PDF) being decided',
    noteLabel: 'Directions / note (optional when approving; required when sending back for revision)',
    noteHint:
      'Your directions or note are recorded on the disposition sheet and passed on to the next official or to TIMSAKIP.',
    approveParaf: (sekretaris: string) => `Approve (paraf) and forward to the ${sekretaris}`,
    approveVerify: (head: string) => `Approve (paraf) and forward to the ${head}`,
    approveRatify: 'Ratify the report (signature)',
    revise: 'Send back for revision',
    noteRequired: 'Please write a note when sending the report back for revision.',
    noteTooLong: 'The note is too long (2000 characters at most).',
    badDecision: 'Please choose one: approve or send back for revision.',
    approved: 'Decision recorded: approved',
    approvedBody: (step: DecisionStep, titles: UnitTitles['roleTitles'] | undefined) =>
      step === 'ratify'
        ? 'The report is ratified and will be documented. Thank you.'
        : step === 'paraf'
          ? `The report is initialled and forwarded ${titles ? `to the ${titles.SEKRETARIS_CAMAT} ` : ''}for verification. Thank you.`
          : `The report is verified and forwarded ${titles ? `to the ${titles.CAMAT} ` : ''}for ratification. Thank you.`,
    revised: 'Decision recorded: sent back for revision',
    revisedBody: 'The report went back to TIMSAKIP with your note. Thank you.',
    already: 'Already decided',
    alreadyBody: (d: Decision, lang: Lang) =>
      d.state === 'SUPERSEDED'
        ? 'This step no longer awaits a decision (the report has changed). Nothing was changed.'
        : `This report was already decided${d.decidedAt ? ` on ${formatDateTime(d.decidedAt, lang)}` : ''}: ${d.decision === 'APPROVE' ? 'approved' : 'sent back for revision'}. Nothing was changed.`,
    expired: 'Link expired',
    expiredBody: 'This decision link is past its validity. Please ask TIMSAKIP for a new one.',
    invalid: 'Invalid link',
    invalidBody: 'This link is unknown or was altered. Please use the link exactly as in the email you received.',
    retry: 'Not processed yet',
    retryBody:
      'Your decision could not be passed on completely because of a temporary problem. A decision already recorded is completed automatically; you may also send the same decision again with the same link shortly.',
    bad: 'Request could not be processed',
    badBody: 'The form could not be read. Please open the link from your email again.',
    tooLarge: 'Input too large',
    notAllowed: 'Method not supported',
    superseded: 'Step already over',
    supersededBody: 'This report no longer awaits a decision at this step, so your decision was not applied.',
    late: 'late',
    earlier: 'Earlier decisions on this revision',
    earlierLine: (e: EarlierDecision, lang: Lang) =>
      `${DECISION_LABEL.en[e.step].title}: ${e.decision === 'APPROVE' ? 'approved' : 'sent back for revision'} by ${e.name}${e.title ? `, ${e.title}` : ''} — ${formatDateTime(e.at, lang)}`,
    belowList: (n: number) => `Indicators below target (${n})`,
    belowNone: 'Every indicator reached its target.',
    belowLine: (i: BelowTargetIndicator, lang: Lang) =>
      `actual ${formatNumber(i.realisasi, {}, lang)}, target ${formatNumber(i.target, {}, lang)} (${i.satuan})`,
    belowMore: (n: number) => `… and ${n} more indicators (see the PDF).`,
    report: 'Open the report page',
    backToTasks: 'Back to My tasks',
    redirected: 'Request re-addressed',
    redirectedBody: (d?: Decision) =>
      d
        ? `This request has been re-addressed to ${d.assignee.name}, ${d.assignee.title}. This link no longer works for you; nothing was changed.`
        : 'This request has been re-addressed to another official. Nothing was changed.',
  },
};

export type FormProblem = 'NOTE_REQUIRED' | 'NOTE_TOO_LONG' | 'BAD_DECISION';

/** How many below-target indicators the page lists (the report item keeps a few more; the PDF has them all). */
const BELOW_SHOWN = 25;

/**
 * The confirm view of a decision — the SAME page for the emailed link (/keputusan/:id) and the portal's task
 * (/tugas/:id): what is decided, the key numbers, the decisions already taken on this revision, the indicators
 * below target and what changed since the last revision (both collapsed, so the buttons stay in reach on a
 * phone), then the form. The form posts back to the page's own URL.
 */
export function ConfirmPage(a: {
  lang: Lang;
  /** The report's unit: its name heads the page, its titles name who decides next. */
  unit: UnitProfile;
  decision: Decision;
  report: ReportView;
  documentUrl: string;
  belowTarget?: BelowTargetIndicator[];
  earlier?: EarlierDecision[];
  problem?: FormProblem;
  note?: string;
  /** The session's CSRF token when the browser has one: every POST of a signed-in browser carries it. */
  csrf?: string;
  /** Signed in: the portal's menu is shown, and a link to the report page. */
  person?: SessionPerson;
  now?: Date;
}) {
  const t = T[a.lang];
  const { decision: d, report: r } = a;
  const title = { paraf: t.parafTitle, verify: t.verifyTitle, ratify: t.ratifyTitle }[d.step];
  const late = a.now ? Date.parse(d.dueAt) < a.now.getTime() : false;
  const diff = r.diffSummary?.toRevision === d.revision ? r.diffSummary : undefined;
  const below = a.belowTarget ?? [];
  const belowCount = Math.max(below.length, r.summary?.belowTarget ?? 0);
  const problem = a.problem
    ? { NOTE_REQUIRED: t.noteRequired, NOTE_TOO_LONG: t.noteTooLong, BAD_DECISION: t.badDecision }[a.problem]
    : undefined;
  return (
    <Layout lang={a.lang} title={title} person={a.person} csrf={a.csrf}>
      <PageStyle />
      <h1>{title}</h1>
      <p>{a.unit.organization.name}</p>
      <Facts
        rows={[
          [t.for, `${d.assignee.name} — ${d.assignee.title}`],
          [t.period, `${PERIOD_LABEL[a.lang][r.periode]} ${r.tahun}`],
          [t.revision, String(d.revision)],
          [t.status, statusLabel(r.status, a.lang, a.unit)],
          [
            t.due,
            <span class={late ? 'late' : undefined}>
              {formatDateTime(d.dueAt, a.lang)}
              {late ? ` (${t.late})` : ''}
            </span>,
          ],
          [t.indicators, String(r.summary?.indicatorCount ?? '–')],
          [t.average, formatPercent(r.summary?.averageCapaian, a.lang)],
          [t.below, String(r.summary?.belowTarget ?? '–')],
        ]}
      />
      {a.earlier?.length ? (
        <div class="ok" data-earlier-decisions>
          <strong>{t.earlier}</strong>
          <ul class="plain">
            {a.earlier.map((e) => (
              <li>
                {t.earlierLine(e, a.lang)}
                {e.note ? <div class="muted">“{e.note}”</div> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {diff ? <SendBackNote summary={diff} lang={a.lang} /> : null}
      <p>
        <a class="btn btn-link" href={a.documentUrl} rel="noreferrer" target="_blank">
          {t.download}
        </a>
        {a.person ? (
          <a class="btn btn-warn" href={`/laporan/${encodeURIComponent(r.reportId)}`}>
            {t.report}
          </a>
        ) : null}
      </p>
      {belowCount > 0 ? (
        <details class="below-target">
          <summary>{t.belowList(belowCount)}</summary>
          <ul class="plain">
            {below.slice(0, BELOW_SHOWN).map((i) => (
              <li data-kode={i.kode}>
                <strong>
                  {i.kode} — {formatPercent(i.capaian, a.lang)}
                </strong>
                <br />
                {i.indikator}
                <br />
                <span class="muted">{t.belowLine(i, a.lang)}</span>
              </li>
            ))}
          </ul>
          {belowCount > Math.min(below.length, BELOW_SHOWN) ? (
            <p class="muted">{t.belowMore(belowCount - Math.min(below.length, BELOW_SHOWN))}</p>
          ) : null}
        </details>
      ) : r.summary ? (
        <p class="muted">{t.belowNone}</p>
      ) : null}
      {diff ? <DiffSection summary={diff} lang={a.lang} /> : null}
      {problem ? (
        <div class="error" role="alert">
          {problem}
        </div>
      ) : null}
      <form method="post">
        <CsrfField token={a.csrf} />
        <label for="catatan">{t.noteLabel}</label>
        <p class="muted" id="catatan-petunjuk">
          {t.noteHint}
        </p>
        <textarea id="catatan" name="catatan" maxlength={2000} aria-describedby="catatan-petunjuk">
          {a.note ?? ''}
        </textarea>
        <p>
          <button class="btn btn-ok" type="submit" name="keputusan" value="APPROVE">
            {d.step === 'paraf'
              ? t.approveParaf(a.unit.roleTitles.SEKRETARIS_CAMAT)
              : d.step === 'verify'
                ? t.approveVerify(a.unit.roleTitles.CAMAT)
                : t.approveRatify}
          </button>
          <button class="btn btn-warn" type="submit" name="keputusan" value="REVISE">
            {t.revise}
          </button>
        </p>
      </form>
    </Layout>
  );
}

export type ResultKind =
  | 'APPROVED'
  | 'REVISED'
  | 'ALREADY'
  | 'EXPIRED'
  | 'INVALID'
  | 'RETRY'
  | 'BAD'
  | 'TOO_LARGE'
  | 'NOT_ALLOWED'
  | 'SUPERSEDED'
  /** A link or task of an earlier assignee: the request went to a Plh / Plt (or back to the official). */
  | 'REDIRECTED';

/** The outcome of a decision (or why there is none): the same pages for the emailed link and the portal's task. */
export function ResultPage(a: {
  lang: Lang;
  kind: ResultKind;
  decision?: Decision;
  /** The decision's unit, when known: an approved verification names who ratifies next. */
  unit?: UnitTitles;
  /** Signed in (the portal's task): the menu, and a way back to the task list. */
  person?: SessionPerson;
  csrf?: string;
}) {
  const t = T[a.lang];
  const d = a.decision;
  const content: Record<ResultKind, [string, string, Tone]> = {
    APPROVED: [t.approved, t.approvedBody(d?.step ?? 'verify', a.unit?.roleTitles), 'ok'],
    REVISED: [t.revised, t.revisedBody, 'warn'],
    ALREADY: [t.already, d ? t.alreadyBody(d, a.lang) : '', 'neutral'],
    EXPIRED: [t.expired, t.expiredBody, 'bad'],
    INVALID: [t.invalid, t.invalidBody, 'bad'],
    RETRY: [t.retry, t.retryBody, 'warn'],
    BAD: [t.bad, t.badBody, 'bad'],
    TOO_LARGE: [t.tooLarge, t.badBody, 'bad'],
    NOT_ALLOWED: [t.notAllowed, t.badBody, 'bad'],
    SUPERSEDED: [t.superseded, t.supersededBody, 'warn'],
    REDIRECTED: [t.redirected, t.redirectedBody(d), 'warn'],
  };
  const [title, body, tone] = content[a.kind];
  return (
    <Layout lang={a.lang} title={title} tone={tone} person={a.person} csrf={a.csrf}>
      <h1>{title}</h1>
      <p>{body}</p>
      {a.person ? (
        <p>
          <a class="btn btn-link" href="/tugas">
            {t.backToTasks}
          </a>
        </p>
      ) : null}
    </Layout>
  );
}
