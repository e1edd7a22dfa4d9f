import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Report } from '../../functions/core/report.ts';
import { PERIODS, type Period } from '../../functions/core/report.ts';
import { parsePkUploadKey, parseUploadKey, pkUploadKey, uploadKey } from '../../functions/core/upload-key.ts';
import { STATUS_LABEL } from '../../functions/i18n/labels.ts';
import { type Ctx, fail, requireRunning } from './context.ts';

/** `lapkin upload`: a data file (or, with --periode PK, the unit's Perjanjian Kinerja) to the running stack. */
export async function upload(ctx: Ctx) {
  const v = ctx.values as { unit?: string; tahun?: string; periode?: string; as?: string };
  const file = ctx.positionals[0];
  if (!file) return ctx.usage();
  // With one unit configured, --unit may be left out; with several, the upload must say whose data it is.
  const unit = v.unit ?? (ctx.config.units.length === 1 ? ctx.config.units[0]?.organization.unitCode : undefined);
  if (!unit) fail(`--unit is required: one of ${ctx.config.units.map((u) => u.organization.unitCode).join(', ')}`, 2);
  const periode = (v.periode ?? '').toUpperCase();
  if (!v.tahun || !/^20\d\d$/.test(v.tahun)) fail('--tahun YYYY is required', 2);
  const pk = periode === 'PK';
  if (!pk && !(PERIODS as readonly string[]).includes(periode)) {
    fail(`--periode must be one of ${PERIODS.join(', ')}, or PK for the unit's Perjanjian Kinerja`, 2);
  }
  if (!existsSync(file)) fail(`file not found: ${file}`, 2);
  // The same size rule the assemble function applies, answered here before anything is sent.
  const { sizeProblem } = await import('../../functions/documents/upload/index.ts');
  const tooBig = sizeProblem(statSync(file).size, {
    lang: ctx.config.language,
    maxFileMB: ctx.config.dataLimits.maxFileMB,
  });
  if (tooBig) fail(`upload refused: ${tooBig.message}`);
  const fileName = basename(file).replace(/[^A-Za-z0-9._ -]/g, '_');
  const key = pk
    ? pkUploadKey(unit, Number(v.tahun), fileName)
    : uploadKey(unit, Number(v.tahun), periode as Period, fileName);
  try {
    if (pk) parsePkUploadKey(key);
    else parseUploadKey(key);
  } catch (err) {
    fail((err as Error).message, 2);
  }
  const stack = await requireRunning(ctx);
  // A unit the directory does not know is refused here, before anything is stored under its folder.
  const { unitProblem } = await import('./people.ts');
  const unknown = await unitProblem(ctx.config, ctx.stateDir, unit);
  if (unknown) fail(`upload refused: ${unknown}`);
  const body = await readFile(file);
  const type = file.toLowerCase().endsWith('.xlsx')
    ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    : 'text/csv';
  // tunggu=1: the answer comes once intake has decided what the upload does.
  const res = await fetch(`${stack.urls.http}/_lokal/unggah?key=${encodeURIComponent(key)}&tunggu=1`, {
    method: 'POST',
    headers: { 'content-type': type, ...(v.as ? { 'x-uploader-email': v.as } : {}) },
    body,
  }).catch(() => fail(`the local stack at ${stack.urls.http} does not answer; restart it with: npm start`));
  if (!res.ok) fail(`upload refused: ${res.status} ${await res.text()}`);
  const out = (await res.json()) as {
    key: string;
    versionId: string;
    intake?: {
      outcome?: string;
      reportId?: string;
      status?: Report['status'];
      reason?: string;
      indicators?: number;
      problems?: number;
    };
  };
  console.log(`uploaded ${file} → ${out.key} (versionId ${out.versionId})`);
  const i = out.intake;
  const lang = ctx.config.language;
  switch (i?.outcome) {
    case 'STARTED':
      return console.log(`report ${i.reportId} started; follow it with: npx lapkin status --watch ${i.reportId}`);
    case 'RESUMED':
      return console.log(`report ${i.reportId} resumed with the corrected data`);
    case 'DUPLICATE':
      return console.log(`report ${i.reportId} already has this upload; nothing new`);
    case 'STALE':
      process.exitCode = 1;
      return console.log(`ignored: report ${i.reportId} already uses a newer upload`);
    case 'IGNORED': {
      process.exitCode = 1;
      const label = i.status ? ` (${STATUS_LABEL[lang][i.status]})` : '';
      const next =
        i.status === 'TERDOKUMENTASI'
          ? `; it is finished — upload data for the next period (${nextPeriodArgs(Number(v.tahun), periode as Period)})`
          : '; it takes a corrected upload only when it waits for one (PERLU_REVISI or PERLU_PERBAIKAN_DATA)';
      return console.log(`ignored: report ${i.reportId} is ${i.status}${label}${next}`);
    }
    case 'PK_STORED':
      return console.log(
        `Perjanjian Kinerja ${unit} ${v.tahun} accepted: ${i.indicators} indicators; data of ${v.tahun} is checked against it from now on`,
      );
    case 'PK_INVALID':
      process.exitCode = 1;
      return console.log(
        `Perjanjian Kinerja refused: ${i.problems} problem(s), mailed to the uploader and TIMSAKIP; check it offline with: npx lapkin check ${file}`,
      );
    case 'PK_DUPLICATE':
      return console.log('this Perjanjian Kinerja upload was already handled; nothing new');
    case 'PK_STALE':
      process.exitCode = 1;
      return console.log('ignored: a newer Perjanjian Kinerja is in force');
    case 'REJECTED':
      process.exitCode = 1;
      return console.log(`refused: ${i.reason}`);
    default:
      return console.log('intake has not answered (see the stack output); check with: npx lapkin status');
  }
}

/** The period after this one, as upload arguments: TW4 → TAHUNAN, TAHUNAN → TW1 of the next year. */
function nextPeriodArgs(tahun: number, periode: Period): string {
  const i = PERIODS.indexOf(periode);
  return i < PERIODS.length - 1 ? `--periode ${PERIODS[i + 1]}` : `--tahun ${tahun + 1} --periode ${PERIODS[0]}`;
}
