import type { DecisionStep } from '../../core/report.ts';
import { canUpload, type SessionPerson } from '../../core/session.ts';
import { formatDateTime, formatPercent } from '../../i18n/format.ts';
import { DECISION_LABEL, PERIOD_LABEL, STEP_LABEL, statusLabel } from '../../i18n/labels.ts';
import type { Lang } from '../../i18n/lang.ts';
import type {
  DocumentGroup,
  DownloadItem,
  NextStep,
  ReportPage,
  TimelineEntry,
} from '../../usecases/portal-reports.ts';
import { mutuBakuAge } from '../mutu-baku-age.ts';
import { ACTION_LABEL, knownSystemNote } from '../timeline-labels.ts';
import { Layout } from './layout.tsx';
import { DiffSection, Facts, PageStyle, StatusBadge } from './parts.tsx';

const T = {
  id: {
    back: '← Daftar laporan',
    title: (period: string) => `Laporan Kinerja ${period}`,
    status: 'Status',
    step: 'Tahap',
    revision: 'Revisi',
    due: 'Batas waktu',
    age: 'Umur terhadap Mutu Baku',
    indicators: 'Jumlah indikator',
    average: 'Rata-rata capaian',
    below: 'Di bawah target',
    next: 'Selanjutnya',
    late: 'terlambat',
    waitDecision: (step: DecisionStep, who: string) => `Menunggu ${DECISION_LABEL.id[step].inSentence} dari ${who}.`,
    waitUpload: (reason: 'DATA_INVALID' | 'REVISE', who: string) =>
      reason === 'REVISE'
        ? `Laporan dikembalikan untuk revisi: menunggu unggahan perbaikan dari ${who}.`
        : `Data yang diunggah belum valid: menunggu unggahan perbaikan dari ${who}.`,
    revisionNote: 'Catatan revisi:',
    system: (step: 'assemble' | 'documentation') =>
      step === 'assemble'
        ? 'Laporan sedang disusun oleh sistem dari data yang diunggah.'
        : 'Laporan telah disahkan dan sedang didokumentasikan (arsip dan lembar disposisi).',
    done: (at?: string) => `Selesai: laporan telah didokumentasikan${at ? ` pada ${at}` : ''}.`,
    failed: 'Laporan gagal diproses karena gangguan teknis. Operator dapat mengulangnya; data dapat diunggah kembali.',
    dueBy: 'Batas waktu:',
    openTask: 'Buka tugas ini',
    uploadCorrection: 'Unggah data perbaikan',
    documents: 'Dokumen',
    docsNote: 'Tautan unduhan berlaku 5 menit; muat ulang halaman untuk tautan baru.',
    group: (g: DocumentGroup, lang: Lang) =>
      g.kind === 'archive'
        ? `Arsip final — ${formatDateTime(g.at, lang)}`
        : g.kind === 'invalid'
          ? `Unggahan tidak valid — ${formatDateTime(g.at, lang)}`
          : `Revisi ${g.revision} — disusun ${formatDateTime(g.at, lang)}`,
    doc: {
      pdf: 'Laporan (PDF)',
      xlsx: 'Laporan (XLSX)',
      source: 'Data yang diunggah',
      problems: 'Daftar masalah data (XLSX)',
      archivePdf: 'Laporan disahkan (PDF)',
      archiveXlsx: 'Laporan (XLSX)',
      archiveSource: 'Data sumber',
      disposition: 'Lembar disposisi (PDF)',
    } satisfies Record<DownloadItem['kind'], string>,
    noDocs: 'Belum ada dokumen.',
    timeline: 'Riwayat',
    by: 'Oleh',
    to: 'Kepada',
    systemActor: 'lapkin (sistem)',
    approved: 'disetujui',
    revised: 'dikembalikan untuk revisi',
  },
  en: {
    back: '← Reports',
    title: (period: string) => `Performance report ${period}`,
    status: 'Status',
    step: 'Step',
    revision: 'Revision',
    due: 'Due',
    age: 'Age against Mutu Baku',
    indicators: 'Indicators',
    average: 'Average achievement',
    below: 'Below target',
    next: 'What happens next',
    late: 'late',
    waitDecision: (step: DecisionStep, who: string) => `Waiting for ${DECISION_LABEL.en[step].inSentence} by ${who}.`,
    waitUpload: (reason: 'DATA_INVALID' | 'REVISE', who: string) =>
      reason === 'REVISE'
        ? `Sent back for revision: waiting for a corrected upload from ${who}.`
        : `The uploaded data is not valid yet: waiting for a corrected upload from ${who}.`,
    revisionNote: 'Revision note:',
    system: (step: 'assemble' | 'documentation') =>
      step === 'assemble'
        ? 'The system is assembling the report from the uploaded data.'
        : 'The report is ratified and being documented (archive and disposition sheet).',
    done: (at?: string) => `Done: the report was documented${at ? ` on ${at}` : ''}.`,
    failed: 'The report failed for a technical reason. An operator can restart it; the data can be uploaded again.',
    dueBy: 'Due:',
    openTask: 'Open this task',
    uploadCorrection: 'Upload the corrected data',
    documents: 'Documents',
    docsNote: 'Download links are valid for 5 minutes; reload the page for fresh ones.',
    group: (g: DocumentGroup, lang: Lang) =>
      g.kind === 'archive'
        ? `Final archive — ${formatDateTime(g.at, lang)}`
        : g.kind === 'invalid'
          ? `Invalid upload — ${formatDateTime(g.at, lang)}`
          : `Revision ${g.revision} — assembled ${formatDateTime(g.at, lang)}`,
    doc: {
      pdf: 'Report (PDF)',
      xlsx: 'Report (XLSX)',
      source: 'Uploaded data',
      problems: 'Data problems (XLSX)',
      archivePdf: 'Ratified report (PDF)',
      archiveXlsx: 'Report (XLSX)',
      archiveSource: 'Source data',
      disposition: 'Disposition sheet (PDF)',
    } satisfies Record<DownloadItem['kind'], string>,
    noDocs: 'No documents yet.',
    timeline: 'Timeline',
    by: 'By',
    to: 'To',
    systemActor: 'lapkin (system)',
    approved: 'approved',
    revised: 'sent back for revision',
  },
};

/** `canUpload`: the person may upload the correction here (a data collector of the report's unit). */
function NextBox(p: { next: NextStep; lang: Lang; reportId: string; canUpload: boolean }) {
  const t = T[p.lang];
  const n = p.next;
  const due =
    'dueAt' in n && n.dueAt ? (
      <div class={n.late ? 'late' : undefined}>
        {t.dueBy} {formatDateTime(n.dueAt, p.lang)}
        {n.late ? ` (${t.late})` : ''}
      </div>
    ) : null;
  const who = (w: { name: string; title: string } | undefined, fallback: string) =>
    w ? `${w.name}, ${w.title}` : fallback;
  return (
    <section class="next" aria-label={t.next}>
      <strong>{t.next}</strong>
      {n.kind === 'decision' ? (
        <>
          <p data-next="decision">{t.waitDecision(n.step, who(n.who, n.roleTitle))}</p>
          {due}
          {n.myTask ? (
            <p>
              <a class="btn btn-ok" href={`/tugas/${encodeURIComponent(n.myTask)}`}>
                {t.openTask}
              </a>
            </p>
          ) : null}
        </>
      ) : n.kind === 'upload' ? (
        <>
          <p data-next="upload">{t.waitUpload(n.reason, who(n.who, 'TIMSAKIP'))}</p>
          {n.note ? (
            <p>
              <strong>{t.revisionNote}</strong> {n.note}
            </p>
          ) : null}
          {due}
          {p.canUpload ? (
            <p>
              <a class="btn btn-ok" href={`/unggah?laporan=${encodeURIComponent(p.reportId)}`}>
                {t.uploadCorrection}
              </a>
            </p>
          ) : null}
        </>
      ) : n.kind === 'system' ? (
        <>
          <p data-next="system">{t.system(n.step)}</p>
          {due}
        </>
      ) : n.kind === 'done' ? (
        <p data-next="done">{t.done(n.at ? formatDateTime(n.at, p.lang) : undefined)}</p>
      ) : (
        <p data-next="failed">{t.failed}</p>
      )}
    </section>
  );
}

function Timeline(p: { entries: TimelineEntry[]; lang: Lang }) {
  const t = T[p.lang];
  return (
    <ol class="timeline">
      {p.entries.map((e) => {
        const note = e.systemNote ? knownSystemNote(e.systemNote, p.lang) : undefined;
        return (
          <li data-seq={String(e.seq)} data-action={e.action} class={e.action === 'KEPUTUSAN' ? 'decision' : undefined}>
            <div class="when">{formatDateTime(e.at, p.lang)}</div>
            <div class="what">
              {ACTION_LABEL[p.lang][e.action] ?? e.action}
              {e.decision ? ` — ${e.decision === 'APPROVE' ? t.approved : t.revised}` : ''}
            </div>
            <div class="actor" data-actor={e.by ? e.by.name : 'lapkin'}>
              {t.by}: {e.by ? `${e.by.name}${e.by.title ? `, ${e.by.title}` : ''}` : t.systemActor}
            </div>
            {e.to ? (
              <div class="muted">
                {t.to}: {e.to.name}
                {e.to.title ? `, ${e.to.title}` : ''}
              </div>
            ) : null}
            {e.note ? <div class="notice">{e.note}</div> : null}
            {note ? <div class="muted">{note}</div> : null}
          </li>
        );
      })}
    </ol>
  );
}

/**
 * /laporan/:id — one report: where it stands and who it waits for (first, on a phone), its key numbers, what
 * changed in this revision, every stage's documents (short-lived links) and the timeline of who acted.
 */
export function ReportDetailPage(p: { lang: Lang; page: ReportPage; now: Date; person: SessionPerson; csrf?: string }) {
  const t = T[p.lang];
  const { report: r, unit } = p.page;
  const period = `${PERIOD_LABEL[p.lang][r.periode]} ${r.tahun}`;
  const age = mutuBakuAge(r, p.now, p.lang);
  return (
    <Layout lang={p.lang} title={`${t.title(period)} — ${unit.organization.name}`} wide person={p.person} csrf={p.csrf}>
      <PageStyle />
      <p>
        <a href="/laporan">{t.back}</a>
      </p>
      <h1>{t.title(period)}</h1>
      <p>
        <strong>{unit.organization.name}</strong>
      </p>
      <p>
        <StatusBadge status={r.status} label={statusLabel(r.status, p.lang, unit)} />
      </p>
      <NextBox
        next={p.page.next}
        lang={p.lang}
        reportId={r.reportId}
        canUpload={!!p.person && p.person.unit === r.unit && canUpload(p.person)}
      />
      <Facts
        rows={[
          [t.step, STEP_LABEL[p.lang][r.step] ?? r.step],
          [t.revision, String(r.revision)],
          [t.due, r.dueAt && r.status !== 'TERDOKUMENTASI' ? formatDateTime(r.dueAt, p.lang) : '–'],
          [t.age, <span class={age.late ? 'late' : undefined}>{age.text}</span>],
          ...(r.summary
            ? ([
                [t.indicators, String(r.summary.indicatorCount)],
                [t.average, formatPercent(r.summary.averageCapaian, p.lang)],
                [t.below, String(r.summary.belowTarget)],
              ] as [string, string][])
            : []),
        ]}
      />
      {r.diffSummary ? <DiffSection summary={r.diffSummary} lang={p.lang} /> : null}
      <h2>{t.documents}</h2>
      {p.page.documents.length ? (
        <>
          {p.page.documents.map((g, i) => (
            <details open={i === 0} data-group={g.kind}>
              <summary>{t.group(g, p.lang)}</summary>
              <ul class="docs">
                {g.items.map((d) => (
                  <li>
                    <a href={d.url} rel="noreferrer" data-doc={d.kind}>
                      {t.doc[d.kind]}
                    </a>{' '}
                    <span class="muted">{d.fileName}</span>
                  </li>
                ))}
              </ul>
            </details>
          ))}
          <p class="muted">{t.docsNote}</p>
        </>
      ) : (
        <p class="muted">{t.noDocs}</p>
      )}
      <h2>{t.timeline}</h2>
      <Timeline entries={p.page.timeline} lang={p.lang} />
    </Layout>
  );
}
