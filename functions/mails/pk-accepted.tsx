import type { Person } from '../core/config.ts';
import type { UnitProfile } from '../core/directory.ts';
import type { PerjanjianKinerja } from '../core/perjanjian-kinerja.ts';
import type { Lang } from '../i18n/lang.ts';
import { reportNotice } from './report-notice.tsx';
import type { Mail } from './shell.tsx';

const T = {
  id: {
    action: 'Perjanjian Kinerja diterima',
    title: (unit: string, tahun: number) => `Perjanjian Kinerja ${unit} Tahun ${tahun}`,
    heading: 'Perjanjian Kinerja telah diterima',
    body: (replaced: boolean) =>
      replaced
        ? 'Perjanjian Kinerja beserta Rencana Aksi yang Bapak/Ibu unggah telah diperiksa dan menggantikan versi sebelumnya. Versi sebelumnya tetap tersimpan. Data kinerja triwulan dan tahunan yang diunggah selanjutnya akan diperiksa terhadap versi ini.'
        : 'Perjanjian Kinerja beserta Rencana Aksi yang Bapak/Ibu unggah telah diperiksa dan disimpan. Data kinerja triwulan dan tahunan tahun ini akan diperiksa terhadapnya, sehingga unggahan triwulan cukup memuat kode indikator, realisasi, realisasi anggaran, dan uraian.',
    indicators: 'Jumlah indikator',
    sasaran: 'Jumlah sasaran strategis',
    file: 'Berkas',
  },
  en: {
    action: 'Performance agreement accepted',
    title: (unit: string, tahun: number) => `Performance agreement (PK) ${unit} ${tahun}`,
    heading: 'Performance agreement accepted',
    body: (replaced: boolean) =>
      replaced
        ? 'The performance agreement and action plan you uploaded were checked and replace the previous version, which is kept. Quarterly and annual data uploaded from now on are checked against this version.'
        : "The performance agreement and action plan you uploaded were checked and stored. This year's quarterly and annual data are checked against it, so a quarterly upload needs only the indicator code, the actual, the budget spent and the narrative.",
    indicators: 'Indicators',
    sasaran: 'Strategic goals',
    file: 'File',
  },
};

/** A unit's PK for a year was valid and is now the one its reports are checked against. */
export function pkAcceptedMail(a: {
  unit: UnitProfile;
  lang: Lang;
  pk: PerjanjianKinerja;
  to: Person;
  replaced: boolean;
}): Mail {
  const t = T[a.lang];
  const title = t.title(a.unit.organization.name, a.pk.tahun);
  const facts: [string, string][] = [
    [t.indicators, String(a.pk.indicators.length)],
    [t.sasaran, String(new Set(a.pk.indicators.map((i) => i.sasaran)).size)],
    [t.file, a.pk.source.key.split('/').at(-1) ?? a.pk.source.key],
  ];
  return reportNotice({
    unit: a.unit,
    lang: a.lang,
    to: a.to,
    about: { title },
    action: t.action,
    heading: t.heading,
    body: t.body(a.replaced),
    tone: 'ok',
    facts,
  });
}
