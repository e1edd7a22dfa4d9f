import type { Person, Role } from '../../core/config.ts';
import { type Delegation, delegationSpan, KIND_PREFIX } from '../../core/delegation.ts';
import type { SessionPerson } from '../../core/session.ts';
import { formatDateTime } from '../../i18n/format.ts';
import type { Lang } from '../../i18n/lang.ts';
import { Layout } from './layout.tsx';
import { CsrfField } from './message.tsx';
import { Facts, PageStyle } from './parts.tsx';

const T = {
  id: {
    title: 'Plh / Plt',
    intro:
      'Selama Bapak/Ibu berhalangan (cuti, dinas luar, …), permintaan keputusan, pengingat, dan eskalasi Mutu Baku untuk jabatan Bapak/Ibu ditujukan kepada pelaksana harian (Plh) atau pelaksana tugas (Plt) yang ditetapkan di sini. Permintaan yang sedang menunggu dialihkan kepadanya saat masa Plh/Plt dimulai, dan kembali kepada Bapak/Ibu setelah berakhir.',
    current: 'Plh / Plt yang berlaku dan yang akan datang',
    none: 'Belum ada Plh / Plt untuk jabatan Bapak/Ibu.',
    mine: 'Bapak/Ibu ditunjuk sebagai',
    forWhom: 'Menggantikan',
    delegate: 'Plh / Plt',
    span: 'Masa berlaku',
    reason: 'Alasan',
    setBy: 'Ditetapkan oleh',
    now: 'sedang berlaku',
    cancel: 'Akhiri sekarang',
    cancelFuture: 'Batalkan',
    form: 'Tetapkan Plh / Plt',
    role: 'Jabatan yang digantikan',
    person: 'Pejabat yang menggantikan',
    choose: '— pilih pegawai —',
    kind: 'Jenis',
    plh: 'Plh (pelaksana harian)',
    plt: 'Plt (pelaksana tugas)',
    kindNote:
      'Plh untuk berhalangan sementara (cuti, dinas luar); Plt untuk berhalangan lebih lama atau jabatan kosong.',
    position: 'Jabatan yang digantikan',
    from: 'Mulai tanggal',
    until: 'Sampai dengan tanggal',
    dayNote: 'Tanggal dihitung dalam WIB: mulai pukul 00.00, berakhir pukul 23.59.',
    reasonLabel: 'Alasan (misalnya cuti, dinas luar)',
    submit: 'Tetapkan',
    problems: 'Plh / Plt belum dapat ditetapkan:',
    cancelProblems: 'Plh / Plt belum dapat diakhiri:',
    saved:
      'Plh / Plt telah ditetapkan. Permintaan yang sedang menunggu telah dialihkan bila masa berlakunya sudah dimulai.',
    cancelled: 'Plh / Plt telah diakhiri. Permintaan yang sedang menunggu kembali kepada Bapak/Ibu.',
  },
  en: {
    title: 'Acting officials (Plh / Plt)',
    intro:
      'While you are away (leave, official travel, …), decision requests, reminders and Mutu Baku escalations of your position go to the acting official (Plh, daily; Plt, longer) set here. Requests already waiting are re-addressed to them when the period starts, and come back to you when it ends.',
    current: 'Current and upcoming acting officials',
    none: 'No acting official is set for your position.',
    mine: 'You are appointed as',
    forWhom: 'Acting for',
    delegate: 'Acting official',
    span: 'Period',
    reason: 'Reason',
    setBy: 'Set by',
    now: 'in effect',
    cancel: 'End now',
    cancelFuture: 'Cancel',
    form: 'Set an acting official',
    role: 'Position',
    person: 'Acting official',
    choose: '— choose a person —',
    kind: 'Kind',
    plh: 'Plh (daily acting official)',
    plt: 'Plt (acting official)',
    kindNote: 'Plh for a short absence (leave, official travel); Plt for a longer one or a vacant position.',
    position: 'Position',
    from: 'From',
    until: 'Until',
    dayNote: 'Dates are in WIB: from 00:00, until 23:59.',
    reasonLabel: 'Reason (e.g. leave, official travel)',
    submit: 'Set',
    problems: 'The acting official could not be set:',
    cancelProblems: 'The acting official could not be ended:',
    saved: 'The acting official is set. Requests already waiting were re-addressed if the period has started.',
    cancelled: 'The acting official was ended. Requests already waiting came back to you.',
  },
};

/** A person as the cards name them: the name, the NIP below it (an 18-digit number never breaks mid-line). */
function Who(p: { p: { name: string; nip: string } }) {
  return (
    <>
      {p.p.name}
      <span class="nip">NIP {p.p.nip}</span>
    </>
  );
}

/** The form as typed, shown back with the problems. */
export interface DelegationForm {
  role?: string;
  delegateNip?: string;
  kind?: string;
  from?: string;
  until?: string;
  reason?: string;
}

const CSS = `
  input[type=date] { width:100%; font:inherit; padding:10px; border:1px solid #8a94a3; border-radius:6px; background:#fff; }
  .dates { display:grid; grid-template-columns: repeat(auto-fit, minmax(180px, 1fr)); gap:0 12px; }
  ul.cards.delegations { grid-template-columns: 1fr; }
  ul.cards.delegations > li form { margin:8px 0 0; }
  .nip { display:block; font-weight:400; color:#4f5966; font-size:.9rem; }
  .badge-now { display:inline-block; background:#e8f5e9; color:#1e5a24; border-radius:10px; padding:0 8px; font-size:.85rem; font-weight:600; }
`;

/**
 * /delegasi — a decider's own Plh / Plt: the current and future ones of their positions (with a button to end or
 * cancel each), where they act for someone, and a form to set a new one (the delegate chosen among the unit's
 * people). Problems are shown in the form, in the page's language; the rules' messages are Bahasa Indonesia.
 */
export function DelegationPage(p: {
  lang: Lang;
  person: SessionPerson;
  csrf?: string;
  now: Date;
  /** The positions this person holds that may be delegated, with their titles. */
  roles: { role: Role; title: string }[];
  /** The unit's people this person may name (everyone else in the unit). */
  candidates: (Person & { roleTitle: string })[];
  mine: Delegation[];
  actingAs: (Delegation & { title: string })[];
  titleOf: (d: Delegation) => string;
  form?: DelegationForm;
  problems?: string[];
  /** Which action the problems are about: setting one (the form) or ending one. */
  failed?: 'set' | 'cancel';
  notice?: 'saved' | 'cancelled';
}) {
  const t = T[p.lang];
  const f = p.form ?? {};
  const span = (d: Delegation) => delegationSpan(d, p.lang);
  const holds = (d: Delegation) => Date.parse(d.from) <= p.now.getTime();
  return (
    <Layout lang={p.lang} title={t.title} person={p.person} csrf={p.csrf}>
      <PageStyle />
      <style dangerouslySetInnerHTML={{ __html: CSS }} />
      <h1>{t.title}</h1>
      {p.notice ? (
        <div class="ok" role="status">
          {t[p.notice]}
        </div>
      ) : null}
      <p class="muted">{t.intro}</p>

      {p.actingAs.length ? (
        <>
          <h2>{t.mine}</h2>
          <ul class="cards delegations">
            {p.actingAs.map((d) => (
              <li data-acting={d.id}>
                <strong>{d.title}</strong> {holds(d) ? <span class="badge-now">{t.now}</span> : null}
                <Facts
                  rows={[
                    [t.forWhom, <Who p={d.official} />],
                    [t.span, span(d)],
                    ...(d.reason ? ([[t.reason, d.reason]] as [string, string][]) : []),
                  ]}
                />
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h2>{t.current}</h2>
      {p.mine.length ? (
        <ul class="cards delegations">
          {p.mine.map((d) => (
            <li data-delegation={d.id}>
              <strong>
                {KIND_PREFIX[d.kind]} {p.titleOf(d)}
              </strong>{' '}
              {holds(d) ? <span class="badge-now">{t.now}</span> : null}
              <Facts
                rows={[
                  [t.delegate, <Who p={d.delegate} />],
                  [t.span, span(d)],
                  ...(d.reason ? ([[t.reason, d.reason]] as [string, string][]) : []),
                  [t.setBy, `${d.setBy.name}, ${formatDateTime(d.setAt, p.lang)}`],
                ]}
              />
              <form method="post" action={`/delegasi/${encodeURIComponent(d.id)}/batal`}>
                <CsrfField token={p.csrf} />
                <button class="btn btn-warn" type="submit">
                  {holds(d) ? t.cancel : t.cancelFuture}
                </button>
              </form>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t.none}</p>
      )}

      <h2 id="form">{t.form}</h2>
      {p.problems?.length ? (
        <div class="error" role="alert">
          <strong>{p.failed === 'cancel' ? t.cancelProblems : t.problems}</strong>
          <ul>
            {p.problems.map((x) => (
              <li>{x}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <form method="post" action="/delegasi">
        <CsrfField token={p.csrf} />
        {p.roles.length > 1 ? (
          <>
            <label for="peran">{t.role}</label>
            <select id="peran" name="peran">
              {p.roles.map((r) => (
                <option value={r.role} selected={f.role === r.role}>
                  {r.title}
                </option>
              ))}
            </select>
          </>
        ) : (
          <>
            <input type="hidden" name="peran" value={p.roles[0]?.role ?? ''} />
            <Facts rows={[[t.position, p.roles[0]?.title ?? '']]} />
          </>
        )}
        <label for="nip">{t.person}</label>
        <select id="nip" name="nip" required>
          <option value="">{t.choose}</option>
          {p.candidates.map((c) => (
            <option value={c.nip} selected={f.delegateNip === c.nip}>
              {c.name} — {c.roleTitle}
            </option>
          ))}
        </select>
        <label for="jenis">{t.kind}</label>
        <select id="jenis" name="jenis">
          <option value="PLH" selected={f.kind !== 'PLT'}>
            {t.plh}
          </option>
          <option value="PLT" selected={f.kind === 'PLT'}>
            {t.plt}
          </option>
        </select>
        <p class="muted">{t.kindNote}</p>
        <div class="dates">
          <div>
            <label for="mulai">{t.from}</label>
            <input type="date" id="mulai" name="mulai" value={f.from ?? ''} required />
          </div>
          <div>
            <label for="sampai">{t.until}</label>
            <input type="date" id="sampai" name="sampai" value={f.until ?? ''} required />
          </div>
        </div>
        <p class="muted">{t.dayNote}</p>
        <label for="alasan">{t.reasonLabel}</label>
        <input type="text" id="alasan" name="alasan" maxlength={200} value={f.reason ?? ''} />
        <p>
          <button class="btn btn-ok" type="submit">
            {t.submit}
          </button>
        </p>
      </form>
    </Layout>
  );
}
