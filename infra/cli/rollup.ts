import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { LocalDocumentStore } from '../../functions/adapters/local-document-store.ts';
import type { Report } from '../../functions/core/report.ts';
import { annualWorkbook, RollUpNotReadyError } from '../../functions/usecases/roll-up-year.ts';
import { type Ctx, fail } from './context.ts';

/**
 * `lapkin rollup --unit U --tahun YYYY`: the year's figures from the unit's four documented quarters, by each
 * indicator's sifat in its PK, written as the annual workbook (Data, an empty Narasi sheet, the quarters) to
 * complete and upload with `lapkin upload … --periode TAHUNAN`. Reads the state directory whether or not the
 * stack runs: the reports through `reports`, the documents straight from its versioned folder.
 */
export async function runRollUp(ctx: Ctx, reports: Report[]): Promise<void> {
  const v = ctx.values as { unit?: string; tahun?: string; out?: string; force?: boolean };
  const unit = v.unit ?? (ctx.config.units.length === 1 ? ctx.config.units[0]?.organization.unitCode : undefined);
  if (!unit) fail(`--unit is required: one of ${ctx.config.units.map((u) => u.organization.unitCode).join(', ')}`, 2);
  if (!v.tahun) fail('--tahun YYYY is required', 2);
  if (!/^20\d\d$/.test(v.tahun)) fail(`--tahun must be a four-digit year such as 2026, not "${v.tahun}"`, 2);
  const tahun = Number(v.tahun);
  // A unit the directory does not know has no reports to roll up: say that, not that its PK is missing.
  const { unitProblem } = await import('./people.ts');
  const unknown = await unitProblem(ctx.config, ctx.stateDir, unit);
  if (unknown) fail(unknown, 2);
  const out = resolve(v.out ?? `data-tahunan-${unit}-${tahun}.xlsx`);
  if (existsSync(out) && !v.force) fail(`${out} exists; add --force to overwrite it`, 2);
  const byId = new Map(reports.map((r) => [r.reportId, r]));
  const store = new LocalDocumentStore(join(ctx.stateDir, 'documents'), {
    baseUrl: ctx.config.publicBaseUrl,
    secret: 'unused',
  });
  const lang = ctx.config.language;
  const sources = { repo: { get: async (id: string) => byId.get(id) }, store };
  const { year, xlsx } = await annualWorkbook(sources, unit, tahun, lang).catch((err: Error) => {
    if (err instanceof RollUpNotReadyError) fail(`cannot roll up ${unit} ${tahun} yet:\n- ${err.reasons.join('\n- ')}`);
    throw err;
  });
  await writeFile(out, xlsx);
  const how = { kumulatif: 'sum', 'non-kumulatif': 'last', 'rata-rata': 'mean' } as const;
  for (const i of year.indicators) {
    const quarters = i.quarters.map((q, n) => `TW${n + 1} ${q}`).join(', ');
    console.log(`${i.kode.padEnd(8)} ${i.sifat.padEnd(14)} ${quarters.padEnd(44)} ${how[i.sifat]} → ${i.realisasi}`);
  }
  console.log(`\n${year.indicators.length} indicators written to ${out}`);
  console.log(
    `Fill in its Narasi sheet, then: npx lapkin upload ${out} --unit ${unit} --tahun ${tahun} --periode TAHUNAN`,
  );
}
