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
      `Laporan ini menyajikan capaian ${n} indikator kinerja ${org} pada periode ${per} Tahun ${tahun}. Capaian setiap indikator dihitung dari perbandingan realisasi terhadap target menurut polaritas dan sifat indikatornya, dengan metode perhitungan pada akhir bagian ini.`,
    /** `cap` null: data assembled before averages were capped (the average is then uncapped, and says so). */
    introAvg: (avg: string, below: number, cap: string | null) => {
      const how =
        cap === null
          ? ' (tanpa batas atas capaian per indikator)'
          : ` (capaian setiap indikator dihitung paling tinggi ${cap})`;
      return below === 0
        ? `Rata-rata capaian seluruh indikator adalah ${avg}${how}, dan seluruh indikator mencapai target.`
        : `Rata-rata capaian seluruh indikator adalah ${avg}${how}; ${below} indikator berada di bawah target dan dianalisis pada bagian V.`;
    },
    keyFigures: {
      count: 'Jumlah indikator',
      avg: 'Rata-rata capaian',
      avgCapped: (cap: string) => `Rata-rata capaian\n(dibatasi ${cap})`,
      below: 'Di bawah target',
      serapan: 'Serapan anggaran',
    },
    methodTitle: 'Metode perhitungan',
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
    /** Headers of the main table that depend on the period: target and realisasi to date. */
    polaritas: 'Polaritas',
    polSifat: 'Pol. / Sifat',
    targetToDate: (tw: string) => `Target s.d. ${tw}`,
    realisasiOf: (tw: string) => `Realisasi ${tw}`,
    realisasiToDate: (tw: string) => `Realisasi s.d. ${tw}`,
    quarter: { TW1: 'TW I', TW2: 'TW II', TW3: 'TW III', TW4: 'TW IV', TAHUNAN: 'Tahunan' },
    legend: (pol: string, sifat: string | null) =>
      `Pol. = polaritas: ${pol}.${sifat === null ? '' : ` Sifat: ${sifat}.`}`,
    footTargetNol: (m: string) =>
      `${m} Target 0 pada indikator turun: tercapai (100 %) bila realisasinya 0 dan tidak tercapai (0 %) bila lebih dari 0 (aturan target 0 pada metode perhitungan).`,
    footRealisasiNol: (m: string, cap: string) =>
      `${m} Realisasi 0 pada indikator turun dengan rumus target ÷ realisasi: capaian dihitung ${cap} (batas atas).`,
    footMissing: (m: string, quarters: string, kodes: string) =>
      `${m} Realisasi s.d. triwulan tanpa data ${quarters}, yang belum terdokumentasi: ${kodes}.`,
    footNoSifat: (m: string, tw: string, kodes: string) =>
      `${m} Tanpa sifat indikator: target dan realisasi ${tw} saja, sebagaimana diunggah: ${kodes}.`,
    andMore: (n: number) => `dan ${n} indikator lainnya`,
    sasaranTitle: 'Capaian per Sasaran Strategis',
    sasaranHeaders: [
      'Sasaran Strategis',
      'Jumlah Indikator',
      'Capaian',
      'Kategori',
      'Pagu (Rp)',
      'Realisasi Anggaran (Rp)',
      'Serapan Anggaran',
      'Efisiensi',
    ],
    overall: 'Seluruh sasaran',
    efisien: 'efisien',
    kurangEfisien: 'kurang efisien',
    efisiensiYearEnd:
      'Efisiensi dinilai pada TW IV dan laporan tahunan: sebelum itu capaian dihitung terhadap target s.d. triwulan, sedangkan serapan terhadap pagu setahun.',
    sasaranNote: (cap: string) =>
      `Capaian sasaran adalah rata-rata capaian indikatornya, dengan capaian setiap indikator dibatasi paling tinggi ${cap}. Efisiensi = capaian ÷ serapan anggaran: 1 atau lebih berarti efisien (capaian tidak kurang dari bagian anggaran yang terserap), kurang dari 1 berarti kurang efisien.`,
    compareTitle: 'Perbandingan dengan realisasi tahun lalu dan target Renstra',
    compareHeaders: ['Kode', 'Indikator Kinerja', 'Satuan', 'Realisasi Tahun Lalu'],
    compareRealisasi: (tw: string) => `Realisasi s.d. ${tw}`,
    compareRealisasiTahun: (tahun: number) => `Realisasi tahun ${tahun}`,
    renstraOfYear: (tahun: number) => `Target Renstra tahun ${tahun}`,
    renstraEnd: 'Target akhir Renstra',
    renstraCapaian: (tahun: number) => `Capaian terhadap Target Renstra tahun ${tahun}`,
    compareNote:
      'Capaian terhadap target Renstra dihitung pada laporan tahunan (LKjIP) dari realisasi setahun penuh; laporan triwulan menyajikan angka-angkanya sebagai pembanding.',
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
      `This report presents the achievement of ${n} performance indicators of ${org} for ${per} ${tahun}. Each indicator's achievement compares its actual value with its target according to its polarity and type, by the method of calculation at the end of this section.`,
    introAvg: (avg: string, below: number, cap: string | null) => {
      const how = cap === null ? ' (no upper limit per indicator)' : ` (each indicator counted at most ${cap})`;
      return below === 0
        ? `The average achievement is ${avg}${how}, and every indicator met its target.`
        : `The average achievement is ${avg}${how}; ${below} indicators are below target and are analysed in section V.`;
    },
    keyFigures: {
      count: 'Indicators',
      avg: 'Average achievement',
      avgCapped: (cap: string) => `Average achievement\n(capped at ${cap})`,
      below: 'Below target',
      serapan: 'Budget absorption',
    },
    methodTitle: 'Method of calculation',
    distHeaders: ['Rating', 'Achievement range', 'Number of indicators'],
    notComputable: 'Not computable (target 0)',
    s2: 'II. INDICATOR ACHIEVEMENT',
    mainHeaders: ['Code', 'Strategic Goal', 'Performance Indicator', 'Unit', 'Target', 'Actual', 'Achieved', 'Rating'],
    polaritas: 'Polarity',
    polSifat: 'Pol. / Type',
    targetToDate: (tw: string) => `Target to ${tw}`,
    realisasiOf: (tw: string) => `Actual ${tw}`,
    realisasiToDate: (tw: string) => `Actual to ${tw}`,
    quarter: { TW1: 'Q1', TW2: 'Q2', TW3: 'Q3', TW4: 'Q4', TAHUNAN: 'Annual' },
    legend: (pol: string, sifat: string | null) =>
      `Pol. = polarity: ${pol}.${sifat === null ? '' : ` Type: ${sifat}.`}`,
    footTargetNol: (m: string) =>
      `${m} Target 0 of a down indicator: achieved (100 %) when the actual is 0 and not achieved (0 %) when above 0 (the target-0 rule of the method of calculation).`,
    footRealisasiNol: (m: string, cap: string) =>
      `${m} Actual 0 of a down indicator under target ÷ actual: counted as ${cap} (the upper limit).`,
    footMissing: (m: string, quarters: string, kodes: string) =>
      `${m} Actual to date without ${quarters}, not yet documented: ${kodes}.`,
    footNoSifat: (m: string, tw: string, kodes: string) =>
      `${m} No indicator type: target and actual of ${tw} only, as uploaded: ${kodes}.`,
    andMore: (n: number) => `and ${n} more`,
    sasaranTitle: 'Achievement per Strategic Goal',
    sasaranHeaders: [
      'Strategic Goal',
      'Indicators',
      'Achieved',
      'Rating',
      'Budget (Rp)',
      'Budget Spent (Rp)',
      'Absorption',
      'Efficiency',
    ],
    overall: 'All goals',
    efisien: 'efficient',
    kurangEfisien: 'less efficient',
    efisiensiYearEnd:
      "Efficiency is rated at Q4 and in the annual report: before then the achievement is against the target to date, the absorption against the year's budget.",
    sasaranNote: (cap: string) =>
      `A goal's achievement is the mean of its indicators' achievement, each counted at most ${cap}. Efficiency = achievement ÷ budget absorption: 1 or more is efficient (no less achieved than the share of the budget spent), below 1 less efficient.`,
    compareTitle: 'Comparison with last year and the strategic-plan target',
    compareHeaders: ['Code', 'Performance Indicator', 'Unit', 'Last Year Actual'],
    compareRealisasi: (tw: string) => `Actual to ${tw}`,
    compareRealisasiTahun: (tahun: number) => `Actual ${tahun}`,
    renstraOfYear: (tahun: number) => `Strategic plan target ${tahun}`,
    renstraEnd: 'Strategic plan end target',
    renstraCapaian: (tahun: number) => `Achievement vs strategic plan target ${tahun}`,
    compareNote:
      'Achievement against the strategic-plan target is computed in the annual report (LKjIP) from the full year; a quarterly report shows the figures for comparison.',
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
