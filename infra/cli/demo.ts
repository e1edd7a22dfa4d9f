import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LapkinConfig } from '../../functions/core/config.ts';
import type { Report } from '../../functions/core/report.ts';
import { uploadKey } from '../../functions/core/upload-key.ts';
import { personIn, unitDirectory } from '../../functions/usecases/directory.ts';
import { openDecisionPage, postDecision } from '../local/decide-client.ts';
import { decisionLinkIn, MailboxClient } from '../local/maildev-client.ts';
import { type LocalStack, PROJECT_ROOT, startLocalStack } from '../local/stack.ts';

export const SAMPLE_DIR = join(PROJECT_ROOT, 'infra/local/sample');
const SAMPLES = ['kinerja-tw1-awal.csv', 'kinerja-tw1-perbaikan-1.csv', 'kinerja-tw1-perbaikan-2.csv'] as const;

export interface DemoResult {
  report: Report;
  stack: LocalStack;
}

/**
 * The SOP walked end to end on the local stack, every decision through the real HTTP endpoint with the link
 * read from the real email in MailDev: the Sekretaris sends the report back once, then approves; the Camat
 * sends it back once, then both approve; the ratified report is archived.
 */
export async function runDemo(opts: {
  config: LapkinConfig;
  stateDir: string;
  randomPorts?: boolean;
  say?: (line: string) => void;
  keepRunning?: boolean;
}): Promise<DemoResult> {
  const say = opts.say ?? (() => undefined);
  const stack = await startLocalStack({
    config: opts.config,
    stateDir: opts.stateDir,
    randomPorts: opts.randomPorts ?? true,
    log: say,
    onTransition: (n) => {
      const id = (n.input as { reportId?: string } | undefined)?.reportId ?? n.executionName;
      say(`  ${new Date().toISOString().slice(11, 19)}  ${id}  ▶ ${n.state}`);
    },
  });
  say(`local stack up — decisions ${stack.urls.http}, mail ${stack.urls.mail}`);
  const { steps } = opts.config;
  // The first unit of the configuration runs the one-report demo (Kecamatan Karawaci in the sample).
  const first = opts.config.units[0];
  if (!first) throw new Error('no unit configured');
  const { organization } = first;
  // Who is asked is the directory's answer (seeded from the configuration, perhaps changed since).
  const unit = await unitDirectory(stack.deps(), organization.unitCode);
  const sekcam = personIn(unit, steps.verify);
  const camat = personIn(unit, steps.ratify);
  const team = personIn(unit, steps.revision);
  const mail = new MailboxClient(stack.urls.mail);
  const key = uploadKey(organization.unitCode, 2026, 'TW1', 'data-kinerja-tw1.csv');

  const upload = async (file: string) => {
    const body = await readFile(join(SAMPLE_DIR, file));
    const { versionId } = await stack.store.put({
      key,
      body,
      contentType: 'text/csv',
      metadata: { 'uploader-email': (unit.people.STAF ?? team).email },
    });
    say(`upload ${file} → ${key} (versionId ${versionId})`);
  };
  const decide = async (to: string, subject: string, decision: 'APPROVE' | 'REVISE', note = '') => {
    const m = await mail.next(to, subject);
    const link = decisionLinkIn(m);
    const page = await openDecisionPage(link);
    if (page.status !== 200) throw new Error(`decision page answered ${page.status}`);
    const res = await postDecision(link, decision, note);
    if (res.status !== 200) throw new Error(`decision POST answered ${res.status}`);
    say(`${to}: ${decision}${note ? ` — "${note}"` : ''}`);
  };

  try {
    await upload(SAMPLES[0]);
    await decide(
      sekcam.email,
      'Mohon verifikasi',
      'REVISE',
      'Narasi faktor penghambat dan tindak lanjut belum memadai; lengkapi untuk indikator di bawah target.',
    );
    await mail.next(team.email, 'dikembalikan untuk revisi');
    await upload(SAMPLES[1]);
    await decide(sekcam.email, 'Mohon verifikasi', 'APPROVE');
    await decide(
      camat.email,
      'Mohon pengesahan',
      'REVISE',
      'Realisasi anggaran perlu dicocokkan dengan laporan keuangan triwulan; perbaiki lalu ajukan kembali.',
    );
    await mail.next(team.email, 'dikembalikan untuk revisi');
    await upload(SAMPLES[2]);
    await decide(sekcam.email, 'Mohon verifikasi', 'APPROVE');
    await decide(camat.email, 'Mohon pengesahan', 'APPROVE');
    await mail.next(team.email, 'terdokumentasi');
    const report = await stack.deps().repo.get(`${organization.unitCode}-2026-TW1`);
    if (!report) throw new Error('the demo report is missing');
    if (!opts.keepRunning) await stack.stop();
    return { report, stack };
  } catch (err) {
    await stack.stop();
    throw err;
  }
}
