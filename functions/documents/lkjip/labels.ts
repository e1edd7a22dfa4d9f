import type { Lang } from '../../i18n/lang.ts';

/**
 * Every word of the LKjIP (the annual report, Permenpan RB 53/2014), in both languages. The narrative itself is
 * the staff's (the Narasi sheet): these are only the document's own headings, table headers and notes.
 */
const id = {
  coverTitle: 'LAPORAN KINERJA INSTANSI PEMERINTAH',
  coverAbbr: '(LKjIP)',
  coverYear: (tahun: number) => `TAHUN ${tahun}`,
  coverRevision: (rev: number, at: string) => `Revisi ke-${rev} \u00b7 disusun pada ${at}`,
  docTitle: (org: string, tahun: number) => `Laporan Kinerja Instansi Pemerintah (LKjIP) ${org} Tahun ${tahun}`,
  subject: 'Sistem Akuntabilitas Kinerja Instansi Pemerintah (SAKIP)',
  footer: (org: string, tahun: number, rev: number) => `LKjIP ${org} Tahun ${tahun} - Revisi ${rev}`,
  /** Diagonally across every page of a revision not yet ratified (watermark.ts). */
  draft: 'DRAF \u2014 belum disahkan',
  kataPengantar: 'KATA PENGANTAR',
  daftarIsi: 'DAFTAR ISI',
  ikhtisar: 'IKHTISAR EKSEKUTIF',
  bab: (roman: string) => `BAB ${roman}`,
  bab1: 'PENDAHULUAN',
  bab2: 'PERENCANAAN KINERJA',
  bab3: 'AKUNTABILITAS KINERJA',
  bab4: 'PENUTUP',
  lampiran: 'LAMPIRAN',
  tocPage: 'Halaman',
  missing: '\u2014',
  signCity: (place: string, date: string) => `${place}, ${date}`,
  nip: 'NIP.',
  undated: '...........................',

  keyFigures: {
    sasaran: 'Sasaran strategis',
    indikator: 'Indikator kinerja',
    average: 'Rata-rata capaian',
    serapan: 'Serapan anggaran',
  },
  averageNote: (cap: string) =>
    `Rata-rata capaian menghitung capaian setiap indikator paling tinggi ${cap}; capaian per indikator tercantum apa adanya pada Bab III.`,
  sasaranTableTitle: 'Capaian per sasaran strategis',
  sasaranHeaders: ['No', 'Sasaran Strategis', 'Jumlah Indikator', 'Capaian', 'Kategori'],

  profileTitle: 'Profil unit kerja',
  profileRows: { name: 'Nama unit kerja', parent: 'Pemerintah daerah', address: 'Alamat' },
  officialsTitle: 'Pejabat struktural',
  officialsHeaders: ['No', 'Jabatan', 'Nama', 'NIP'],

  pkIntro: (org: string, tahun: number, fromPk: boolean) =>
    fromPk
      ? `Perjanjian Kinerja ${org} Tahun ${tahun} memuat sasaran strategis, indikator kinerja, dan target tahunan berikut. Rencana Aksi per triwulan tercantum pada Lampiran 1.`
      : `Sasaran strategis, indikator kinerja, dan target tahunan ${org} Tahun ${tahun} menurut data kinerja yang diunggah (Perjanjian Kinerja belum tercatat di sistem) adalah sebagai berikut.`,
  pkTitle: 'Perjanjian Kinerja',
  pkHeaders: ['No', 'Sasaran Strategis', 'Kode', 'Indikator Kinerja', 'Satuan', 'Polaritas', 'Sifat', 'Target Tahunan'],

  capaianTitle: 'Capaian Kinerja Organisasi',
  methodTitle: 'Metode pengukuran capaian',
  methodIntro:
    'Capaian kinerja diukur dengan membandingkan realisasi setiap indikator dengan targetnya, dengan ketentuan sebagai berikut:',
  scaleTitle: 'Kategori capaian',
  sasaranHeading: (n: number, name: string) => `Sasaran ${n}: ${name}`,
  sasaranCapaian: (cap: string, kat: string, n: number) =>
    `Capaian sasaran: ${cap} (${kat}), rata-rata dari ${n} indikator.`,
  sasaranNoCapaian: (n: number) =>
    `Capaian sasaran tidak dapat dihitung: tidak satu pun dari ${n} indikatornya memiliki capaian.`,
  targetTableTitle: 'Target dan realisasi tahun ini',
  targetHeaders: [
    'Kode',
    'Indikator Kinerja',
    'Satuan',
    'Polaritas / Sifat',
    'Target',
    'Realisasi',
    'Capaian',
    'Kategori',
  ],
  compareTableTitle: (tahun: number) =>
    `Perbandingan dengan tahun lalu, target Renstra, dan standar nasional (${tahun})`,
  compareHeaders: (tahun: number) => ({
    kode: 'Kode',
    lastYear: `Realisasi ${tahun - 1}`,
    realisasi: `Realisasi ${tahun}`,
    renstra: `Target Renstra ${tahun}`,
    vsRenstra: `Capaian thd Renstra ${tahun}`,
    renstraEnd: 'Target akhir Renstra',
    vsRenstraEnd: 'Capaian thd target akhir Renstra',
    standar: 'Standar nasional',
    vsStandar: 'Capaian thd standar nasional',
  }),
  ruleMark: '*',
  ruleMarkNote: {
    TARGET_NOL: '* Target 0: capaian ditetapkan menurut ketentuan target 0 pada metode pengukuran.',
    REALISASI_NOL: '* Realisasi 0: capaian dihitung sebesar batas tertinggi menurut metode pengukuran.',
  },
  causesTitle: 'Penyebab keberhasilan dan kegagalan',
  pendorong: 'Faktor pendorong',
  penghambat: 'Faktor penghambat',
  tindakLanjut: 'Tindak lanjut',
  noCauses:
    'Data kinerja tidak memuat uraian faktor pendorong, faktor penghambat, atau tindak lanjut untuk sasaran ini.',
  efficiencyLine: (cap: string, serapan: string, eff: string, verdict: string) =>
    `Efisiensi penggunaan anggaran: capaian ${cap} \u00f7 serapan ${serapan} = ${eff} (${verdict}).`,
  efficiencyNone: 'Efisiensi penggunaan anggaran tidak dapat dihitung (capaian atau serapan anggaran tidak tersedia).',
  efficiencyTitle: 'Analisis efisiensi penggunaan sumber daya',
  efficiencyIntro:
    'Efisiensi membandingkan capaian kinerja setiap sasaran dengan serapan anggarannya (efisiensi = capaian \u00f7 serapan). Nilai 1 atau lebih berarti capaian kinerja sekurang-kurangnya sebanding dengan porsi anggaran yang digunakan (efisien).',
  efficiencyHeaders: ['No', 'Sasaran Strategis', 'Capaian', 'Serapan Anggaran', 'Efisiensi', 'Keterangan'],
  efisien: 'efisien',
  kurangEfisien: 'kurang efisien',
  analisisTitle: 'Analisis capaian kinerja',
  budgetIntro: (tahun: number) => `Realisasi anggaran Tahun ${tahun} per sasaran strategis adalah sebagai berikut.`,
  budgetHeaders: ['No', 'Sasaran Strategis', 'Pagu (Rp)', 'Realisasi (Rp)', 'Serapan'],
  programTitle: 'Realisasi anggaran per program',
  programHeaders: ['No', 'Program', 'Pagu (Rp)', 'Realisasi (Rp)', 'Serapan'],
  noProgram: '(tanpa program)',
  total: 'Jumlah',
  noBudget: 'Data kinerja tidak memuat pagu dan realisasi anggaran.',

  lampiran1: (tahun: number) => `Lampiran 1. Perjanjian Kinerja Tahun ${tahun}`,
  lampiran2: (tahun: number) => `Lampiran 2. Capaian Kinerja per Triwulan Tahun ${tahun}`,
  lampiranSasaran: (n: number, name: string) => `Sasaran ${n}: ${name}`,
  pkFullHeaders: (tahun: number) => [
    'Kode',
    'Indikator Kinerja',
    'Satuan',
    'Pol. / Sifat',
    'Target Tahunan',
    'TW I',
    'TW II',
    'TW III',
    'TW IV',
    `Renstra ${tahun}`,
    'Akhir Renstra',
  ],
  pkFullNote:
    'Target TW I\u2013TW IV adalah target Rencana Aksi s.d. akhir triwulan tersebut, menurut sifat indikatornya: jumlah sampai triwulan itu (kumulatif), posisi pada akhir triwulan (non-kumulatif), atau rata-rata sampai triwulan itu (rata-rata).',
  pkFromData:
    'Perjanjian Kinerja belum tercatat di sistem: tabel berikut disusun dari target tahunan pada data kinerja yang diunggah.',
  pkDetails: 'Definisi operasional, formula, program, dan pagu',
  kegiatan: 'Kegiatan',
  pkDetailHeaders: ['Kode', 'Definisi Operasional', 'Formula / Sumber Data', 'Program / Kegiatan', 'Pagu (Rp)'],
  quarterHeaders: [
    'Kode',
    'Indikator',
    'TW I\nTarget',
    'TW I\nReal.',
    'TW I\nCap.',
    'TW II\nTarget',
    'TW II\nReal.',
    'TW II\nCap.',
    'TW III\nTarget',
    'TW III\nReal.',
    'TW III\nCap.',
    'TW IV\nTarget',
    'TW IV\nReal.',
    'TW IV\nCap.',
  ],
  quarterNote:
    'Target dan realisasi adalah angka s.d. triwulan (menurut sifat indikator); capaian dalam persen. Tanda \u2014 berarti triwulan tersebut tidak memiliki data yang terdokumentasi.',
  noQuarterly: 'Data triwulanan yang terdokumentasi tidak tersedia untuk tahun ini.',
  approvals: 'Paraf dan Pengesahan',
};

export type LkjipWords = typeof id;

const en: LkjipWords = {
  coverTitle: 'GOVERNMENT AGENCY PERFORMANCE REPORT',
  coverAbbr: '(LKjIP)',
  coverYear: (tahun) => `YEAR ${tahun}`,
  coverRevision: (rev, at) => `Revision ${rev} \u00b7 compiled at ${at}`,
  docTitle: (org, tahun) => `Government Agency Performance Report (LKjIP) ${org} ${tahun}`,
  subject: 'Government Agency Performance Accountability System (SAKIP)',
  footer: (org, tahun, rev) => `LKjIP ${org} ${tahun} - Revision ${rev}`,
  draft: 'DRAFT \u2014 not ratified',
  kataPengantar: 'FOREWORD',
  daftarIsi: 'TABLE OF CONTENTS',
  ikhtisar: 'EXECUTIVE SUMMARY',
  bab: (roman) => `CHAPTER ${roman}`,
  bab1: 'INTRODUCTION',
  bab2: 'PERFORMANCE PLANNING',
  bab3: 'PERFORMANCE ACCOUNTABILITY',
  bab4: 'CLOSING',
  lampiran: 'APPENDICES',
  tocPage: 'Page',
  missing: '\u2014',
  signCity: (place, date) => `${place}, ${date}`,
  nip: 'NIP.',
  undated: '...........................',

  keyFigures: {
    sasaran: 'Strategic goals',
    indikator: 'Performance indicators',
    average: 'Average achievement',
    serapan: 'Budget absorption',
  },
  averageNote: (cap) =>
    `The average counts each indicator's achievement at most ${cap}; each indicator's own achievement is shown as it is in Chapter III.`,
  sasaranTableTitle: 'Achievement per strategic goal',
  sasaranHeaders: ['No', 'Strategic Goal', 'Indicators', 'Achievement', 'Rating'],

  profileTitle: 'Unit profile',
  profileRows: { name: 'Unit', parent: 'Local government', address: 'Address' },
  officialsTitle: 'Officials',
  officialsHeaders: ['No', 'Position', 'Name', 'NIP'],

  pkIntro: (org, tahun, fromPk) =>
    fromPk
      ? `The Performance Agreement of ${org} for ${tahun} sets the strategic goals, performance indicators and annual targets below. The quarterly action plan is in Appendix 1.`
      : `The strategic goals, performance indicators and annual targets of ${org} for ${tahun}, from the uploaded performance data (no Performance Agreement is recorded in the system), are as follows.`,
  pkTitle: 'Performance Agreement',
  pkHeaders: ['No', 'Strategic Goal', 'Code', 'Performance Indicator', 'Unit', 'Polarity', 'Nature', 'Annual Target'],

  capaianTitle: 'Organisational Performance',
  methodTitle: 'How achievement is measured',
  methodIntro: "Achievement compares each indicator's actual value with its target, as follows:",
  scaleTitle: 'Achievement ratings',
  sasaranHeading: (n, name) => `Goal ${n}: ${name}`,
  sasaranCapaian: (cap, kat, n) => `Achievement of the goal: ${cap} (${kat}), the average of ${n} indicators.`,
  sasaranNoCapaian: (n) => `The goal's achievement cannot be computed: none of its ${n} indicators has one.`,
  targetTableTitle: 'Targets and actual values this year',
  targetHeaders: [
    'Code',
    'Performance Indicator',
    'Unit',
    'Polarity / Nature',
    'Target',
    'Actual',
    'Achieved',
    'Rating',
  ],
  compareTableTitle: (tahun) =>
    `Comparison with last year, the strategic-plan targets and national standards (${tahun})`,
  compareHeaders: (tahun) => ({
    kode: 'Code',
    lastYear: `Actual ${tahun - 1}`,
    realisasi: `Actual ${tahun}`,
    renstra: `Strategic plan target ${tahun}`,
    vsRenstra: `Achieved vs plan ${tahun}`,
    renstraEnd: 'Strategic plan end target',
    vsRenstraEnd: 'Achieved vs plan end target',
    standar: 'National standard',
    vsStandar: 'Achieved vs national standard',
  }),
  ruleMark: '*',
  ruleMarkNote: {
    TARGET_NOL: '* Target 0: achievement set by the target-0 rule of the method.',
    REALISASI_NOL: '* Actual 0: achievement counted at the cap of the method.',
  },
  causesTitle: 'Causes of success and failure',
  pendorong: 'Supporting factors',
  penghambat: 'Inhibiting factors',
  tindakLanjut: 'Follow-up',
  noCauses: 'The performance data gives no supporting or inhibiting factors or follow-up for this goal.',
  efficiencyLine: (cap, serapan, eff, verdict) =>
    `Budget efficiency: achievement ${cap} \u00f7 absorption ${serapan} = ${eff} (${verdict}).`,
  efficiencyNone: 'Budget efficiency cannot be computed (no achievement or no budget absorption).',
  efficiencyTitle: 'Efficiency of resource use',
  efficiencyIntro:
    "Efficiency compares each goal's achievement with its budget absorption (efficiency = achievement \u00f7 absorption). 1 or more means the goal achieved at least the share of the budget it spent (efficient).",
  efficiencyHeaders: ['No', 'Strategic Goal', 'Achievement', 'Budget Absorption', 'Efficiency', 'Assessment'],
  efisien: 'efficient',
  kurangEfisien: 'less efficient',
  analisisTitle: 'Analysis of performance',
  budgetIntro: (tahun) => `Budget realisation in ${tahun} per strategic goal is as follows.`,
  budgetHeaders: ['No', 'Strategic Goal', 'Budget (Rp)', 'Spent (Rp)', 'Absorption'],
  programTitle: 'Budget realisation per programme',
  programHeaders: ['No', 'Programme', 'Budget (Rp)', 'Spent (Rp)', 'Absorption'],
  noProgram: '(no programme)',
  total: 'Total',
  noBudget: 'The performance data has no budget and spending figures.',

  lampiran1: (tahun) => `Appendix 1. Performance Agreement ${tahun}`,
  lampiran2: (tahun) => `Appendix 2. Quarterly Achievement ${tahun}`,
  lampiranSasaran: (n, name) => `Goal ${n}: ${name}`,
  pkFullHeaders: (tahun) => [
    'Code',
    'Performance Indicator',
    'Unit',
    'Pol. / Nature',
    'Annual Target',
    'Q1',
    'Q2',
    'Q3',
    'Q4',
    `Plan ${tahun}`,
    'Plan end',
  ],
  pkFullNote:
    'Targets Q1\u2013Q4 are the action plan targets to the end of that quarter, by the indicator\u2019s type: the sum so far (cumulative), the position at the quarter\u2019s end (non-cumulative) or the mean so far (average).',
  pkFromData:
    'No Performance Agreement is recorded in the system: the table below is built from the annual targets of the uploaded data.',
  pkDetails: 'Definitions, formulas, programmes and budgets',
  kegiatan: 'Activity',
  pkDetailHeaders: ['Code', 'Operational Definition', 'Formula / Data Source', 'Programme / Activity', 'Budget (Rp)'],
  quarterHeaders: [
    'Code',
    'Indicator',
    'Q1\nTarget',
    'Q1\nActual',
    'Q1\nAch.',
    'Q2\nTarget',
    'Q2\nActual',
    'Q2\nAch.',
    'Q3\nTarget',
    'Q3\nActual',
    'Q3\nAch.',
    'Q4\nTarget',
    'Q4\nActual',
    'Q4\nAch.',
  ],
  quarterNote:
    'Targets and actual values are figures to date (by the nature of the indicator); achievement in percent. \u2014 means the quarter has no documented data.',
  noQuarterly: 'No documented quarterly data is available for this year.',
  approvals: 'Initials and Ratification',
};

export const LKJIP_LABELS: Record<Lang, LkjipWords> = { id, en };

/** Roman numerals for the chapters (Bab I–IV). */
export const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'] as const;

/** "A.", "B.", … for the numbered sub-headings of a chapter. */
export const letter = (i: number): string => `${String.fromCharCode(65 + i)}.`;
