import type { RolledUpIndicator, RolledUpYear } from '../core/annual-roll-up.ts';
import { figureToDate } from '../core/capaian-rules.ts';
import type { Period } from '../core/report.ts';
import { renderRollUpXlsx } from '../documents/roll-up-xlsx.ts';
import type { Lang } from '../i18n/lang.ts';
import { periodData, type QuarterSources } from './data-context.ts';
import { currentPerjanjianKinerja } from './perjanjian-kinerja.ts';

const QUARTERS: readonly Period[] = ['TW1', 'TW2', 'TW3', 'TW4'];

/** The year cannot be rolled up yet: each reason in words for the person who asked. */
export class RollUpNotReadyError extends Error {
  override name = 'RollUpNotReadyError';
  constructor(readonly reasons: string[]) {
    super(reasons.join(' '));
  }
}

const WHY = {
  id: {
    noPk: (t: number) =>
      `Perjanjian Kinerja tahun ${t} belum diterima: data tahunan dihitung menurut sifat setiap indikator pada Perjanjian Kinerja. Mohon unggah Perjanjian Kinerja terlebih dahulu.`,
    notDocumented: (qs: string[]) =>
      `Laporan triwulan ${qs.join(', ')} belum terdokumentasi: rekap tahunan hanya memakai data triwulan yang telah disahkan.`,
    missing: (kode: string, qs: string[]) =>
      `Indikator ${kode} tidak ada dalam data triwulan ${qs.join(', ')} yang terdokumentasi.`,
  },
  en: {
    noPk: (t: number) =>
      `No performance agreement (PK) for ${t} has been accepted: the annual figures are rolled up by each indicator's type in the PK. Please upload the PK first.`,
    notDocumented: (qs: string[]) =>
      `The quarterly reports ${qs.join(', ')} are not documented yet: the annual roll-up uses ratified quarters only.`,
    missing: (kode: string, qs: string[]) => `Indicator ${kode} is not in the documented data of ${qs.join(', ')}.`,
  },
};

/**
 * The annual figures of a unit from its four documented quarters, each indicator by its sifat in the PK: what the
 * staff start the annual upload (LKjIP) from when no annual data file was made. Every quarter must be documented
 * and carry every PK indicator, else nothing is rolled up and every reason is given at once.
 */
export async function rollUpYear(deps: QuarterSources, unit: string, tahun: number, lang: Lang): Promise<RolledUpYear> {
  const w = WHY[lang];
  const stored = await currentPerjanjianKinerja(deps, unit, tahun);
  const documented = await periodData(deps, unit, tahun, QUARTERS);
  const reasons: string[] = [];
  if (!stored) reasons.push(w.noPk(tahun));
  const absent = QUARTERS.filter((q) => !documented.some((d) => d.periode === q));
  if (absent.length > 0) reasons.push(w.notDocumented(absent));
  if (!stored || reasons.length > 0) throw new RollUpNotReadyError(reasons);

  const byQuarter = documented.map((d) => new Map(d.data.indicators.map((i) => [i.kode.toUpperCase(), i])));
  const [lastYear] = await periodData(deps, unit, tahun - 1, ['TAHUNAN']);
  const lastYearOf = new Map((lastYear?.data.indicators ?? []).map((i) => [i.kode.toUpperCase(), i.realisasi]));
  const indicators: RolledUpIndicator[] = [];
  for (const ind of stored.pk.indicators) {
    const rows = byQuarter.map((m) => m.get(ind.kode.toUpperCase()));
    const lacking = QUARTERS.filter((_q, i) => !rows[i]);
    if (lacking.length > 0) {
      reasons.push(w.missing(ind.kode, lacking));
      continue;
    }
    const quarters = rows.map((r) => r?.realisasiPeriode ?? r?.realisasi ?? 0);
    const lastSpent = rows[3]?.realisasiAnggaran;
    const said = (field: 'faktorPendorong' | 'faktorPenghambat' | 'tindakLanjut') => {
      const lines = QUARTERS.flatMap((q, i) => {
        const text = rows[i]?.[field]?.trim();
        return text ? [`${q}: ${text}`] : [];
      });
      return lines.length > 0 ? { [field]: lines.join('\n') } : {};
    };
    const previous = lastYearOf.get(ind.kode.toUpperCase());
    indicators.push({
      kode: ind.kode,
      indikator: ind.indikator,
      sifat: ind.sifat,
      quarters,
      realisasi: figureToDate(ind.sifat, quarters) ?? 0,
      ...(lastSpent !== undefined ? { realisasiAnggaran: lastSpent } : {}),
      ...(previous !== undefined ? { realisasiTahunLalu: previous } : {}),
      ...said('faktorPendorong'),
      ...said('faktorPenghambat'),
      ...said('tindakLanjut'),
    });
  }
  if (reasons.length > 0) throw new RollUpNotReadyError(reasons);
  return { unit, tahun, pk: stored.pk, indicators };
}

/** The roll-up as the annual workbook the staff complete and upload (what the CLI writes and the portal serves). */
export async function annualWorkbook(
  deps: QuarterSources,
  unit: string,
  tahun: number,
  lang: Lang,
): Promise<{ year: RolledUpYear; xlsx: Buffer }> {
  const year = await rollUpYear(deps, unit, tahun, lang);
  return { year, xlsx: await renderRollUpXlsx(year, lang) };
}

export type { RolledUpIndicator, RolledUpYear };
