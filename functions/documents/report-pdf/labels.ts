import type { Signatory } from '../signatory.ts';

type Titles = Signatory['roleTitles'];

/** Every word of the report PDF, in both languages (the sections and the approval block read them). */
export const REPORT_PDF_LABELS = {
  id: {
    title: 'LAPORAN KINERJA',
    sakip: 'Sistem Akuntabilitas Kinerja Instansi Pemerintah (SAKIP)',
    tahun: 'TAHUN',
    coverRows: {
      periode: 'Periode',
      tahun: 'Tahun',
      revision: 'Revisi ke-',
      generatedAt: 'Disusun pada',
    },
    footer: (org: string, per: string, tahun: number, rev: number) =>
      `Laporan Kinerja ${org} - ${per} ${tahun} - Revisi ${rev}`,
    /** Diagonally across every page of a revision not yet ratified (watermark.ts). */
    draft: 'DRAF \u2014 belum disahkan',
    s1: 'I. IKHTISAR KINERJA',
    intro: (n: number, org: string, per: string, tahun: number) =>
      `Laporan ini menyajikan capaian ${n} indikator kinerja ${org} pada periode ${per} Tahun ${tahun}. Capaian dihitung dari perbandingan realisasi terhadap target: untuk indikator berpolaritas naik, capaian = realisasi / target × 100 %; untuk indikator berpolaritas turun, capaian = (2 × target − realisasi) / target × 100 % (paling rendah 0 %).`,
    introAvg: (avg: string, below: number) =>
      below === 0
        ? `Rata-rata capaian seluruh indikator adalah ${avg}, dan seluruh indikator mencapai target.`
        : `Rata-rata capaian seluruh indikator adalah ${avg}; ${below} indikator berada di bawah target dan dianalisis pada bagian V.`,
    keyFigures: {
      count: 'Jumlah indikator',
      avg: 'Rata-rata capaian',
      below: 'Di bawah target',
      serapan: 'Serapan anggaran',
    },
    distHeaders: ['Kategori capaian', 'Rentang capaian', 'Jumlah indikator'],
    notComputable: 'Tidak dapat dihitung (target 0)',
    s2: 'II. CAPAIAN INDIKATOR KINERJA',
    mainHeaders: [
      'Kode',
      'Sasaran Strategis',
      'Indikator Kinerja',
      'Satuan',
      'Target',
      'Realisasi',
      'Capaian',
      'Kategori',
    ],
    compareTitle: 'Perbandingan dengan realisasi tahun lalu dan target Renstra',
    compareHeaders: [
      'Kode',
      'Indikator Kinerja',
      'Satuan',
      'Realisasi Tahun Lalu',
      'Realisasi',
      'Target Renstra',
      'Capaian terhadap Renstra',
    ],
    s3: 'III. GRAFIK CAPAIAN',
    chartNote: 'Garis merah putus-putus menandai target (100 %). Batang yang terpotong diberi tanda ">".',
    chartNa: 'tidak dapat dihitung',
    s4: 'IV. REALISASI ANGGARAN',
    budgetHeaders: ['Kode', 'Indikator Kinerja', 'Pagu (Rp)', 'Realisasi (Rp)', 'Serapan'],
    total: 'Jumlah',
    overspent: (kodes: string) =>
      `(!) Realisasi anggaran melebihi pagu pada ${kodes}. Periksa kembali data anggaran atau jelaskan penyebabnya.`,
    s5: 'V. ANALISIS INDIKATOR DI BAWAH TARGET',
    allMet: 'Seluruh indikator mencapai atau melampaui target pada periode ini.',
    narrativeHead: (kode: string, ind: string, cap: string | null, kat: string) =>
      cap === null
        ? `${kode} - ${ind} (target 0: capaian tidak dapat dihitung)`
        : `${kode} - ${ind} (capaian ${cap}, ${kat})`,
    pendorong: 'Faktor pendorong',
    penghambat: 'Faktor penghambat',
    tindakLanjut: 'Tindak lanjut',
    keterangan: 'Keterangan',
    none: '-',
    s6: 'VI. PARAF DAN PENGESAHAN',
    parafHeaders: ['No', 'Jabatan', 'Nama / NIP', 'Paraf', 'Tanggal'],
    ketuaTim: (t: Titles) => `${t.TIMSAKIP} (penyusun)`,
    sekcam: (t: Titles) => `${t.SEKRETARIS_CAMAT} (verifikasi)`,
    parafMark: 'paraf elektronik',
    preparedMark: 'disusun sistem *',
    preparedNote: (at: string, uploader: string | undefined, t: Titles) =>
      `* Laporan ini disusun otomatis oleh lapkin atas nama ${t.TIMSAKIP} pada ${at} dari data kinerja yang diunggah${uploader ? ` oleh ${uploader}` : ''}. Baris 1 mencatat penyusunan tersebut dan bukan paraf; paraf ${t.SEKRETARIS_CAMAT} dan tanda tangan ${t.CAMAT} diberikan melalui tautan keputusan dan tercatat pada lembar disposisi.`,
    mengesahkan: 'Mengesahkan,',
    signedAt: (at: string) => `Ditandatangani secara elektronik\n${at}`,
    nip: 'NIP.',
  },
  en: {
    title: 'PERFORMANCE REPORT',
    sakip: 'Government Agency Performance Accountability System (SAKIP)',
    tahun: 'YEAR',
    coverRows: {
      periode: 'Period',
      tahun: 'Year',
      revision: 'Revision',
      generatedAt: 'Compiled at',
    },
    footer: (org: string, per: string, tahun: number, rev: number) =>
      `Performance Report ${org} - ${per} ${tahun} - Revision ${rev}`,
    draft: 'DRAFT \u2014 not ratified',
    s1: 'I. PERFORMANCE SUMMARY',
    intro: (n: number, org: string, per: string, tahun: number) =>
      `This report presents the achievement of ${n} performance indicators of ${org} for ${per} ${tahun}. Achievement compares the actual value with the target: for "up" indicators, achievement = actual / target × 100 %; for "down" indicators, achievement = (2 × target − actual) / target × 100 % (at least 0 %).`,
    introAvg: (avg: string, below: number) =>
      below === 0
        ? `The average achievement is ${avg}, and every indicator met its target.`
        : `The average achievement is ${avg}; ${below} indicators are below target and are analysed in section V.`,
    keyFigures: {
      count: 'Indicators',
      avg: 'Average achievement',
      below: 'Below target',
      serapan: 'Budget absorption',
    },
    distHeaders: ['Rating', 'Achievement range', 'Number of indicators'],
    notComputable: 'Not computable (target 0)',
    s2: 'II. INDICATOR ACHIEVEMENT',
    mainHeaders: ['Code', 'Strategic Goal', 'Performance Indicator', 'Unit', 'Target', 'Actual', 'Achieved', 'Rating'],
    compareTitle: 'Comparison with last year and the strategic-plan target',
    compareHeaders: [
      'Code',
      'Performance Indicator',
      'Unit',
      'Last Year Actual',
      'Actual',
      'Strategic Plan Target',
      'Achievement vs Plan',
    ],
    s3: 'III. ACHIEVEMENT CHART',
    chartNote: 'The dashed red line marks the target (100 %). Truncated bars end with ">".',
    chartNa: 'not computable',
    s4: 'IV. BUDGET REALISATION',
    budgetHeaders: ['Code', 'Performance Indicator', 'Budget (Rp)', 'Spent (Rp)', 'Absorption'],
    total: 'Total',
    overspent: (kodes: string) =>
      `(!) Budget spent exceeds the budget for ${kodes}. Check the budget data again or explain the cause.`,
    s5: 'V. ANALYSIS OF INDICATORS BELOW TARGET',
    allMet: 'Every indicator met or exceeded its target in this period.',
    narrativeHead: (kode: string, ind: string, cap: string | null, kat: string) =>
      cap === null
        ? `${kode} - ${ind} (target 0: achievement not computable)`
        : `${kode} - ${ind} (achievement ${cap}, ${kat})`,
    pendorong: 'Supporting factors',
    penghambat: 'Inhibiting factors',
    tindakLanjut: 'Follow-up',
    keterangan: 'Notes',
    none: '-',
    s6: 'VI. INITIALS AND RATIFICATION',
    parafHeaders: ['No', 'Position', 'Name / NIP', 'Initials', 'Date'],
    ketuaTim: (t: Titles) => `${t.TIMSAKIP} (compiler)`,
    sekcam: (t: Titles) => `${t.SEKRETARIS_CAMAT} (verification)`,
    parafMark: 'electronic initials',
    preparedMark: 'system-compiled *',
    preparedNote: (at: string, uploader: string | undefined, t: Titles) =>
      `* This report was compiled automatically by lapkin on behalf of the ${t.TIMSAKIP} on ${at} from the uploaded performance data${uploader ? ` (uploaded by ${uploader})` : ''}. Row 1 records that compilation and is not an initial; the initials of the ${t.SEKRETARIS_CAMAT} and the signature of the ${t.CAMAT} are given through the decision links and recorded on the disposition sheet.`,
    mengesahkan: 'Ratified by,',
    signedAt: (at: string) => `Signed electronically\n${at}`,
    nip: 'NIP.',
  },
};
