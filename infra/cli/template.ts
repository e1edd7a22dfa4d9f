import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { LapkinConfig } from '../../functions/core/config.ts';
import { PERIODS, type Period } from '../../functions/core/report.ts';
import { renderTemplateXlsx } from '../../functions/documents/template-xlsx.ts';
import { type CliIo, EXIT } from './check.ts';

export const DEFAULT_TEMPLATE_FILE = 'templat-data-kinerja.xlsx';

const USAGE = 'Pemakaian: lapkin template [--unit KODE] [--out berkas.xlsx] [--tahun YYYY] [--periode TW1] [--force]';

/** The current year where the kecamatan is (WIB, UTC+7): a template made on 31 December evening is for next year. */
function yearInWib(now = new Date()): number {
  return new Date(now.getTime() + 7 * 3600_000).getUTCFullYear();
}

/**
 * `lapkin template`: writes the blank template (guide; PK, Data and Narasi sheets with notes and dropdowns; an
 * example sheet for each).
 * An existing file is never overwritten without --force: it may be someone's filled-in data.
 */
export async function runTemplate(config: LapkinConfig, args: string[], io: CliIo): Promise<number> {
  let values: { unit?: string; out?: string; tahun?: string; periode?: string; force?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        unit: { type: 'string' },
        out: { type: 'string', short: 'o' },
        tahun: { type: 'string' },
        periode: { type: 'string' },
        force: { type: 'boolean' },
      },
    }));
  } catch (err) {
    io.err(`lapkin: ${(err as Error).message}\n${USAGE}\n`);
    return EXIT.usage;
  }
  // The unit's name heads the template; without --unit it is the city's template, the same for every unit.
  const unit = values.unit ? config.units.find((u) => u.organization.unitCode === values.unit) : undefined;
  if (values.unit && !unit) {
    const codes = config.units.map((u) => u.organization.unitCode).join(', ');
    io.err(`lapkin: unit "${values.unit}" tidak terdaftar; unit yang terdaftar: ${codes}\n${USAGE}\n`);
    return EXIT.usage;
  }
  const only = config.units.length === 1 ? config.units[0] : undefined;
  const cityName = config.city?.name ?? config.units[0]?.organization.parent ?? 'lapkin';
  const organization = (unit ?? only)?.organization ?? {
    name: cityName,
    parent: cityName,
    unitCode: 'kota',
    address: '',
  };
  const out = values.out ?? DEFAULT_TEMPLATE_FILE;
  if (!out.toLowerCase().endsWith('.xlsx')) {
    io.err(`lapkin: --out harus berakhiran .xlsx\n${USAGE}\n`);
    return EXIT.usage;
  }
  if (values.tahun !== undefined && !/^\d{4}$/.test(values.tahun)) {
    io.err(`lapkin: --tahun harus empat digit, mis. 2026\n${USAGE}\n`);
    return EXIT.usage;
  }
  const periode = (values.periode ?? 'TW1').toUpperCase();
  if (!(PERIODS as readonly string[]).includes(periode)) {
    io.err(`lapkin: --periode harus salah satu dari ${PERIODS.join(', ')}\n${USAGE}\n`);
    return EXIT.usage;
  }
  if (existsSync(out) && !values.force) {
    io.err(`lapkin: ${out} sudah ada; pilih nama lain dengan --out, atau timpa dengan --force\n`);
    return EXIT.usage;
  }
  const tahun = values.tahun ? Number(values.tahun) : yearInWib();
  const bytes = await renderTemplateXlsx({
    organization,
    tahun,
    periode: periode as Period,
    settings: config,
  });
  await writeFile(out, bytes);
  io.out(
    [
      `Templat ditulis ke ${out}`,
      `  Perjanjian Kinerja (sekali setahun): isi lembar "PK" (contoh di "Contoh PK"), lalu periksa:`,
      `  npx lapkin check ${out}`,
      `  Data per periode: isi lembar "Data" (contoh pengisian di lembar "Contoh", penjelasan di "Petunjuk"), lalu periksa:`,
      `  npx lapkin check ${out} --tahun ${tahun} --periode ${periode}`,
      `  (dengan Perjanjian Kinerja: tambahkan --pk <berkas PK>; periode TAHUNAN juga memerlukan lembar "Narasi")`,
      '',
    ].join('\n'),
  );
  return EXIT.valid;
}
