import type { SessionPerson } from '../../core/session.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { DECISION_LABEL, PERIOD_LABEL } from '../../i18n/labels.ts';
import type { Lang } from '../../i18n/lang.ts';
import type { Task } from '../../usecases/my-tasks.ts';
import { Layout } from './layout.tsx';
import { Facts, PageStyle } from './parts.tsx';

const T = {
  id: {
    title: 'Tugas saya',
    intro: 'Keputusan yang menunggu Bapak/Ibu, yang paling lama menunggu di atas.',
    report: (period: string) => `Laporan Kinerja ${period}`,
    revision: 'Revisi',
    asked: 'Diminta',
    due: 'Batas waktu',
    late: 'terlambat',
    open: 'Buka dan putuskan',
    none: 'Tidak ada keputusan yang menunggu Bapak/Ibu saat ini.',
  },
  en: {
    title: 'My tasks',
    intro: 'Decisions waiting for you, the one waiting longest first.',
    report: (period: string) => `Performance report ${period}`,
    revision: 'Revision',
    asked: 'Asked',
    due: 'Due',
    late: 'late',
    open: 'Open and decide',
    none: 'No decisions are waiting for you now.',
  },
};

/** /tugas — the decisions waiting for the signed-in official, oldest first, late ones marked. */
export function TaskListPage(p: { lang: Lang; tasks: Task[]; person: SessionPerson; csrf?: string }) {
  const t = T[p.lang];
  return (
    <Layout lang={p.lang} title={t.title} person={p.person} csrf={p.csrf}>
      <PageStyle />
      <h1>{t.title}</h1>
      <p class="muted">{t.intro}</p>
      {p.tasks.length ? (
        <ul class="cards tasks">
          {p.tasks.map((task) => {
            const href = `/tugas/${encodeURIComponent(task.decisionId)}`;
            const period = task.periode ? `${PERIOD_LABEL[p.lang][task.periode]} ${task.tahun}` : task.reportId;
            return (
              <li data-task={task.decisionId} data-report={task.reportId} class={task.late ? 'is-late' : undefined}>
                <h2>
                  <a class="title" href={href}>
                    {DECISION_LABEL[p.lang][task.step].title}
                  </a>
                </h2>
                <div>{t.report(period)}</div>
                <Facts
                  rows={[
                    [t.revision, String(task.revision)],
                    [t.asked, formatDateTime(task.createdAt, p.lang)],
                    [
                      t.due,
                      <span class={task.late ? 'late' : undefined} data-late={task.late ? 'true' : 'false'}>
                        {formatDateTime(task.dueAt, p.lang)}
                        {task.late ? ` (${t.late})` : ''}
                      </span>,
                    ],
                  ]}
                />
                <p>
                  <a class="btn btn-ok" href={href}>
                    {t.open}
                  </a>
                </p>
              </li>
            );
          })}
        </ul>
      ) : (
        <p>{t.none}</p>
      )}
    </Layout>
  );
}
