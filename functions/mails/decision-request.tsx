import type { UnitProfile } from '../core/directory.ts';
import type { Decision, Report } from '../core/report.ts';
import { diffText } from '../i18n/diff.ts';
import { formatDateTime, formatPercent } from '../i18n/format.ts';
import { periodLabel, reportTitle } from '../i18n/labels.ts';
import type { Lang } from '../i18n/lang.ts';
import {
  Button,
  Closing,
  closing,
  Facts,
  greeting,
  Heading,
  Muted,
  P,
  type QuotedNote,
  QuotedNotes,
  quotedText,
  UrlLine,
} from './parts.tsx';
import { taskUrl } from './portal-links.ts';
import { RevisionDiff } from './revision-diff.tsx';
import { type Mail, MailShell, mailDocument, subjectOf } from './shell.tsx';

const T = {
  id: {
    parafAction: 'Perlu paraf',
    verifyAction: 'Perlu verifikasi',
    ratifyAction: 'Perlu pengesahan',
    parafAsk: (secretary: string) =>
      `Laporan kinerja berikut telah disusun dari data yang diunggah dan menunggu paraf Bapak/Ibu sebagai ketua tim. Mohon berkenan memeriksa dan memarafnya untuk diteruskan kepada ${secretary}, dengan arahan bila diperlukan; bila belum sesuai, mohon berkenan mengembalikannya kepada pengunggah disertai catatan.`,
    verifyAsk: (head: string) =>
      `Mohon berkenan memverifikasi laporan kinerja berikut. Bila telah sesuai, mohon berkenan menyetujuinya (paraf) untuk diteruskan kepada ${head}, dengan arahan bila diperlukan; bila belum sesuai, mohon berkenan mengembalikannya untuk revisi disertai catatan.`,
    ratifyAsk: (secretary: string) =>
      `Laporan kinerja berikut telah diverifikasi oleh ${secretary}. Mohon berkenan mengesahkannya (tanda tangan), dengan arahan bila diperlukan; bila belum sesuai, mohon berkenan mengembalikannya untuk revisi disertai catatan.`,
    earlier: 'Arahan pada tahap sebelumnya',
    period: 'Periode',
    revision: 'Revisi ke',
    indicators: 'Jumlah indikator',
    average: 'Rata-rata capaian',
    below: 'Indikator di bawah target',
    due: 'Batas waktu (Mutu Baku 1 hari)',
    open: 'Buka laporan dan putuskan',
    task: 'Buka di portal (Tugas saya)',
    taskNote: 'Tugas ini juga ada di portal lapkin, menu Tugas saya (perlu masuk):',
    linkNote: (until: string) => `Tautan keputusan ini khusus untuk Bapak/Ibu dan berlaku sampai ${until}.`,
    dataWarnings: 'Peringatan tentang berkas data',
    attached: 'Laporan PDF terlampir.',
    acting: (title: string, official: string, officialTitle: string) =>
      `Permintaan ini disampaikan kepada Bapak/Ibu sebagai ${title}, menggantikan ${official} (${officialTitle}) yang sedang berhalangan.`,
    back: (previous: string) =>
      `Permintaan ini dialihkan kembali kepada Bapak/Ibu dari ${previous}; tautan yang dikirim kepadanya tidak berlaku lagi.`,
    movedTo: (previous: string) =>
      `Permintaan ini sebelumnya ditujukan kepada ${previous}; tautannya tidak berlaku lagi.`,
  },
  en: {
    parafAction: 'Initials needed',
    verifyAction: 'Verification needed',
    ratifyAction: 'Ratification needed',
    parafAsk: (secretary: string) =>
      `The performance report below was compiled from the uploaded data and awaits your initials (paraf) as team lead. Please review it and initial it to forward it to the ${secretary}, or send it back to the uploader with a note.`,
    verifyAsk: (head: string) =>
      `Please verify the performance report below. If it is in order, please approve it (initials) to forward it to the ${head}, adding directions if needed; if not, please send it back for revision with a note.`,
    ratifyAsk: (secretary: string) =>
      `The performance report below was verified by the ${secretary}. Please ratify it (signature), adding directions if needed; if it is not in order, please send it back for revision with a note.`,
    earlier: 'Directions given at the earlier step',
    period: 'Period',
    revision: 'Revision',
    indicators: 'Indicators',
    average: 'Average achievement',
    below: 'Indicators below target',
    due: 'Due (service standard: 1 day)',
    open: 'Open the report and decide',
    task: 'Open in the portal (My tasks)',
    taskNote: 'This task is also in the lapkin portal, under My tasks (sign-in needed):',
    linkNote: (until: string) => `This decision link is personal to you and valid until ${until}.`,
    dataWarnings: 'Warnings about the data file',
    attached: 'The report PDF is attached.',
    acting: (title: string, official: string, officialTitle: string) =>
      `This request is addressed to you as ${title}, acting for ${official} (${officialTitle}), who is away.`,
    back: (previous: string) =>
      `This request is addressed to you again, instead of ${previous}; the link sent to them no longer works.`,
    movedTo: (previous: string) => `This request was addressed to ${previous} before; their link no longer works.`,
  },
};

/**
 * SOP steps 2–4 — the request to initial, verify or ratify. Two ways in: the signed link (works without signing in,
 * bound to the assignee) and the task in the portal.
 */
export function decisionRequestMail(a: {
  /** The report's unit as the directory has it: its name and role titles. */
  unit: UnitProfile;
  lang: Lang;
  report: Report;
  decision: Decision;
  /** The signed decision link. */
  link: string;
  /** The portal's base URL. */
  portal: string;
  pdf?: Uint8Array;
  /** The arahan given with the approvals already on this revision (the Sekretaris' paraf before the signature). */
  earlier?: { title: string; name: string; at: string; note: string }[];
}): Mail {
  const t = T[a.lang];
  const titles = a.unit.roleTitles;
  const step = a.decision.step;
  const ask =
    step === 'paraf'
      ? t.parafAsk(titles.SEKRETARIS_CAMAT)
      : step === 'verify'
        ? t.verifyAsk(titles.CAMAT)
        : t.ratifyAsk(titles.SEKRETARIS_CAMAT);
  const title = reportTitle(a.report, a.unit.organization.name, a.lang);
  const action = { paraf: t.parafAction, verify: t.verifyAction, ratify: t.ratifyAction }[step];
  const subject = subjectOf(action, title);
  const task = taskUrl(a.portal, a.decision.decisionId);
  const facts: [string, string][] = [
    [t.period, `${periodLabel(a.report.periode, a.lang)} ${a.report.tahun}`],
    [t.revision, String(a.report.revision)],
    [t.indicators, String(a.report.summary?.indicatorCount ?? '–')],
    [t.average, formatPercent(a.report.summary?.averageCapaian, a.lang)],
    [t.below, String(a.report.summary?.belowTarget ?? '–')],
    [t.due, formatDateTime(a.decision.dueAt, a.lang)],
  ];
  const linkNote = t.linkNote(formatDateTime(a.decision.expiresAt, a.lang));
  // A Plh / Plt, or a request re-addressed (delegation set, ended or cancelled): say for whom and from whom.
  const acting = a.decision.actingFor;
  const previous = a.decision.redirectedFrom?.at(-1);
  const delegation = acting
    ? t.acting(a.decision.assignee.title, acting.name, acting.title)
    : previous
      ? t.back(`${previous.name} (${previous.title})`)
      : undefined;
  const moved = acting && previous ? t.movedTo(`${previous.name} (${previous.title})`) : undefined;
  const delegationText = [delegation, moved].filter((x): x is string => !!x);
  // Only the diff of the revision being decided: the report may already be on another one.
  const diff = a.report.diffSummary?.toRevision === a.decision.revision ? a.report.diffSummary : undefined;
  // Likewise the upload's warnings (e.g. read as windows-1252): the verifier checks the letters in the PDF.
  const warnings = a.report.revision === a.decision.revision ? (a.report.dataWarnings ?? []) : [];
  const arahan: QuotedNote[] = (a.earlier ?? [])
    .filter((e) => e.note.trim() !== '')
    .map((e) => ({ by: `${e.title} — ${e.name}, ${formatDateTime(e.at, a.lang)}`, note: e.note.trim() }));

  const text = [
    greeting(a.decision.assignee.name, a.lang),
    '',
    ask,
    ...(delegationText.length ? ['', ...delegationText] : []),
    '',
    title,
    ...facts.map(([k, v]) => `${k}: ${v}`),
    ...(arahan.length > 0 ? ['', `${t.earlier}:`, ...quotedText(arahan)] : []),
    '',
    `${t.open}:`,
    a.link,
    '',
    t.taskNote,
    task,
    ...(diff ? ['', diffText(diff, a.lang)] : []),
    ...(warnings.length > 0 ? ['', `${t.dataWarnings}:`, ...warnings.map((w) => `- ${w}`)] : []),
    '',
    linkNote,
    ...(a.pdf ? [t.attached] : []),
    '',
    closing(a.lang),
  ].join('\n');

  const html = mailDocument(
    <MailShell lang={a.lang} title={subject}>
      <P>{greeting(a.decision.assignee.name, a.lang)}</P>
      <P>{ask}</P>
      {delegationText.map((line) => (
        <P>
          <strong>{line}</strong>
        </P>
      ))}
      <Heading>{title}</Heading>
      <Facts rows={facts} />
      <QuotedNotes title={t.earlier} notes={arahan} />
      {/* The buttons come before the details, so a long list of changes does not push them away. */}
      <p style="margin:16px 0 4px">
        <Button href={a.link}>{t.open}</Button>
        <Button href={task} secondary>
          {t.task}
        </Button>
      </p>
      {diff ? <RevisionDiff summary={diff} lang={a.lang} /> : null}
      {warnings.length > 0 ? (
        <>
          <P>
            <strong>{t.dataWarnings}:</strong>
          </P>
          <ul>
            {warnings.map((w) => (
              <li>{w}</li>
            ))}
          </ul>
        </>
      ) : null}
      <Muted>
        {linkNote} {a.pdf ? t.attached : ''}
      </Muted>
      <Muted>{t.taskNote}</Muted>
      <UrlLine href={task} />
      <Closing lang={a.lang} />
    </MailShell>,
  );

  return {
    subject,
    text: `${text}\n`,
    html,
    attachments: a.pdf
      ? [
          {
            filename: `laporan-kinerja-${a.report.reportId}-rev${a.report.revision}.pdf`,
            content: a.pdf,
            contentType: 'application/pdf',
          },
        ]
      : undefined,
  };
}
