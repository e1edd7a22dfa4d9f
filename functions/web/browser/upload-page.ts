/**
 * The upload page (/unggah): the chosen file is checked in a Web Worker by the assemble function's own
 * checkPerformanceData (upload-check.ts); a file with problems is listed problem by problem and never sent. A
 * valid file: the server signs a form for the session's unit and the chosen tahun and periode (POST
 * /unggah/formulir — the key, size range and uploader metadata are the server's), and the file goes straight to
 * the bucket with that form, with a progress bar.
 */
import type { CheckReply, CheckRequest, Problem } from './upload-protocol.ts';

type Lang = 'id' | 'en';

const TEXT = {
  id: {
    choose: 'Mohon pilih berkas data terlebih dahulu.',
    reading: 'Membaca berkas…',
    checking: 'Memeriksa isi berkas…',
    problems: (n: number) =>
      `Ditemukan ${n} masalah pada berkas; berkas belum dikirim. Mohon perbaiki semuanya lalu pilih berkas lagi.`,
    valid: (rows: number) => `Berkas valid (${rows} indikator). Meminta formulir unggah…`,
    sending: 'Mengirim berkas…',
    sent: (id: string) => `Berkas terkirim; laporan ${id} sedang diproses.`,
    pkSent: (tahun: number) =>
      `Perjanjian Kinerja ${tahun} terkirim. Hasil pemeriksaannya dikirim ke surel Bapak/Ibu dan TIMSAKIP; setelah diterima, data ${tahun} diperiksa terhadapnya.`,
    pkFailed: 'Perjanjian Kinerja unit tidak dapat dibaca. Mohon muat ulang halaman lalu ulangi.',
    open: 'Lihat laporan',
    whole: 'seluruh berkas',
    checkFailed: 'Pemeriksaan berkas gagal di peramban ini. Mohon muat ulang halaman lalu ulangi.',
    formFailed: 'Formulir unggah tidak dapat dibuat. Mohon muat ulang halaman lalu ulangi.',
    network: 'Koneksi terputus saat mengirim berkas. Mohon periksa jaringan lalu kirim ulang.',
    expired: 'Formulir unggah sudah kedaluwarsa (berlaku 10 menit). Mohon klik "Periksa dan kirim" sekali lagi.',
    tooLarge: (mb: number) => `Berkas ditolak penyimpanan karena terlalu besar (batas ${mb} MB).`,
    tooSmall: 'Berkas ditolak penyimpanan karena kosong.',
    refused: (code: string) =>
      `Berkas ditolak penyimpanan (${code}). Mohon ulangi; bila tetap gagal, hubungi TIMSAKIP.`,
  },
  en: {
    choose: 'Please choose a data file first.',
    reading: 'Reading the file…',
    checking: 'Checking the file…',
    problems: (n: number) =>
      `The file has ${n} problem(s); it was not sent. Please fix them all, then choose the file again.`,
    valid: (rows: number) => `The file is valid (${rows} indicators). Asking for the upload form…`,
    sending: 'Sending the file…',
    sent: (id: string) => `File sent; report ${id} is being processed.`,
    pkSent: (tahun: number) =>
      `The ${tahun} performance agreement was sent. The result of its check is mailed to you and TIMSAKIP; once accepted, the ${tahun} data is checked against it.`,
    pkFailed: "The unit's performance agreement could not be read. Please reload the page and try again.",
    open: 'Open the report',
    whole: 'whole file',
    checkFailed: 'The file check failed in this browser. Please reload the page and try again.',
    formFailed: 'The upload form could not be made. Please reload the page and try again.',
    network: 'The connection broke while sending the file. Please check the network and send again.',
    expired: 'The upload form has expired (it is valid for 10 minutes). Please click "Check and send" again.',
    tooLarge: (mb: number) => `The storage refused the file: it is too large (the limit is ${mb} MB).`,
    tooSmall: 'The storage refused the file: it is empty.',
    refused: (code: string) =>
      `The storage refused the file (${code}). Please retry; if it keeps failing, ask TIMSAKIP.`,
  },
};

interface SignedForm {
  url: string;
  fields: Record<string, string>;
  /** The report the upload starts or corrects; absent for a Perjanjian Kinerja. */
  reportId?: string;
  pk?: { unit: string; tahun: number };
}

const LABELS = { id: ['Baris', 'Kolom', 'Nilai', 'Alasan'], en: ['Row', 'Column', 'Value', 'Reason'] };

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing`);
  return el as T;
}

function setup(): void {
  const form = document.getElementById('unggah') as HTMLFormElement | null;
  if (!form) return;
  const lang: Lang = form.dataset.lang === 'en' ? 'en' : 'id';
  const t = TEXT[lang];
  const settings = JSON.parse(form.dataset.settings ?? '{}') as CheckRequest['settings'];
  const workerUrl = form.dataset.worker ?? '';
  const pkUrl = form.dataset.pkUrl ?? '/unggah/pk';
  // The annual roll-up link follows the chosen year.
  const yearSelect = form.elements.namedItem('tahun') as HTMLSelectElement;
  const rollUp = document.getElementById('rekap-tahunan') as HTMLAnchorElement | null;
  yearSelect.addEventListener('change', () => {
    if (rollUp) rollUp.href = `${rollUp.dataset.href ?? ''}${encodeURIComponent(yearSelect.value)}`;
  });

  /**
   * The unit's PK of the year in force (or null) and the earlier quarters' figures: a data upload is checked
   * against them as the assembly will.
   */
  const pkOf = async (tahun: number, periode: string): Promise<Pick<CheckRequest, 'pk' | 'earlier'>> => {
    const query = `tahun=${tahun}&periode=${encodeURIComponent(periode)}&lang=${lang}`;
    const res = await fetch(`${pkUrl}?${query}`, { credentials: 'same-origin' });
    if (!res.ok) throw new Error(t.pkFailed);
    return (await res.json()) as Pick<CheckRequest, 'pk' | 'earlier'>;
  };
  const button = byId<HTMLButtonElement>('kirim');
  const fileInput = byId<HTMLInputElement>('berkas');
  const status = byId<HTMLDivElement>('status');
  const progress = byId<HTMLDivElement>('kemajuan');
  const bar = byId<HTMLProgressElement>('kemajuan-bar');
  const percent = byId<HTMLSpanElement>('kemajuan-persen');
  const problemsBox = byId<HTMLElement>('masalah');
  const notesBox = byId<HTMLElement>('catatan');
  button.disabled = false;

  const say = (text: string, tone: 'ok' | 'error' | 'notice' | '' = '') => {
    status.className = tone;
    status.textContent = text;
  };
  const showProblems = (problems: Problem[]) => {
    const body = problemsBox.querySelector('tbody') as HTMLTableSectionElement;
    body.replaceChildren(
      ...problems.map((p) => {
        const tr = document.createElement('tr');
        const cells = [p.row === null ? t.whole : String(p.row), p.column ?? '—', p.value ?? '—', p.message];
        cells.forEach((text, i) => {
          const td = document.createElement('td');
          td.textContent = text;
          td.dataset.label = LABELS[lang][i] ?? '';
          if (i === 0) td.className = 'row-no';
          if (i === 2) td.className = 'val';
          tr.append(td);
        });
        return tr;
      }),
    );
    problemsBox.hidden = problems.length === 0;
  };
  const showNotes = (notes: Problem[]) => {
    const list = notesBox.querySelector('ul') as HTMLUListElement;
    list.replaceChildren(
      ...notes.map((n) => {
        const li = document.createElement('li');
        li.textContent = n.row === null ? n.message : `${LABELS[lang][0]} ${n.row}: ${n.message}`;
        return li;
      }),
    );
    notesBox.hidden = notes.length === 0;
  };

  const check = (request: CheckRequest) =>
    new Promise<Extract<CheckReply, { type: 'done' }>>((resolve, reject) => {
      const worker = new Worker(workerUrl);
      worker.onmessage = (event: MessageEvent<CheckReply>) => {
        const reply = event.data;
        if (reply.type === 'progress') say(reply.stage === 'read' ? t.reading : t.checking);
        else {
          worker.terminate();
          if (reply.type === 'done') resolve(reply);
          else reject(new Error(reply.message));
        }
      };
      worker.onerror = () => {
        worker.terminate();
        reject(new Error('worker failed'));
      };
      worker.postMessage(request);
    });

  const signedForm = async (tahun: number, periode: string, jenis: string): Promise<SignedForm> => {
    const csrf = (form.elements.namedItem('csrf') as HTMLInputElement | null)?.value ?? '';
    const res = await fetch(`/unggah/formulir?lang=${lang}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify({ tahun, periode, jenis }),
      credentials: 'same-origin',
    });
    const answer = (await res.json().catch(() => ({}))) as Partial<SignedForm> & { pesan?: string };
    if (!res.ok || !answer.url || !answer.fields || !(answer.reportId || answer.pk)) {
      throw new Error(answer.pesan ?? t.formFailed);
    }
    return answer as SignedForm;
  };

  /** An S3 error document (<Error><Code>…</Code><Message>…</Message></Error>) in the person's language. */
  const bucketError = (xhr: XMLHttpRequest): string => {
    const doc = new DOMParser().parseFromString(xhr.responseText || '<Error/>', 'application/xml');
    const code = doc.querySelector('Code')?.textContent ?? `HTTP ${xhr.status}`;
    const message = doc.querySelector('Message')?.textContent ?? '';
    if (code === 'AccessDenied' && /expired/i.test(message)) return t.expired;
    if (code === 'EntityTooLarge') return t.tooLarge(settings.dataLimits.maxFileMB);
    if (code === 'EntityTooSmall') return t.tooSmall;
    return t.refused(code);
  };

  const send = (signed: SignedForm, file: File) =>
    new Promise<void>((resolve, reject) => {
      const data = new FormData();
      for (const [name, value] of Object.entries(signed.fields)) data.append(name, value);
      data.append('file', file); // last: S3 ignores every field after the file
      const xhr = new XMLHttpRequest();
      xhr.open('POST', signed.url);
      xhr.upload.onprogress = (event) => {
        if (!event.lengthComputable) return;
        const pct = Math.floor((event.loaded / event.total) * 100);
        bar.value = pct;
        percent.textContent = `${pct} %`;
      };
      xhr.onload = () => (xhr.status >= 200 && xhr.status < 300 ? resolve() : reject(new Error(bucketError(xhr))));
      xhr.onerror = () => reject(new Error(t.network));
      xhr.send(data);
    });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = fileInput.files?.[0];
    if (!file) {
      say(t.choose, 'error');
      fileInput.focus();
      return;
    }
    const tahun = Number((form.elements.namedItem('tahun') as HTMLSelectElement).value);
    const periode = (form.elements.namedItem('periode') as HTMLSelectElement)
      .value as CheckRequest['expected']['periode'];
    button.disabled = true;
    progress.hidden = true;
    showProblems([]);
    showNotes([]);
    try {
      let result: Extract<CheckReply, { type: 'done' }>;
      const against = periode === 'PK' ? {} : await pkOf(tahun, periode);
      try {
        const unit = form.dataset.unit ?? '';
        result = await check({
          file,
          fileName: file.name,
          expected: { tahun, periode },
          settings,
          lang,
          unit,
          ...against,
        });
      } catch {
        say(t.checkFailed, 'error');
        return;
      }
      showNotes(result.warnings);
      if (!result.valid) {
        showProblems(result.problems);
        say(t.problems(result.problems.length), 'error');
        problemsBox.scrollIntoView({ block: 'start' });
        return;
      }
      say(t.valid(result.rows));
      const signed = await signedForm(tahun, periode, result.kind);
      bar.value = 0;
      percent.textContent = '0 %';
      progress.hidden = false;
      say(t.sending);
      await send(signed, file);
      bar.value = 100;
      percent.textContent = '100 %';
      status.className = 'ok';
      if (signed.reportId) {
        status.replaceChildren(document.createTextNode(`${t.sent(signed.reportId)} `));
        const link = document.createElement('a');
        link.href = `/laporan/${encodeURIComponent(signed.reportId)}`;
        link.textContent = t.open;
        status.append(link);
      } else status.replaceChildren(document.createTextNode(t.pkSent(tahun)));
      form.reset();
      const chosenYear = form.elements.namedItem('tahun') as HTMLSelectElement;
      chosenYear.value = String(tahun);
      (form.elements.namedItem('periode') as HTMLSelectElement).value = periode;
    } catch (err) {
      progress.hidden = true;
      say(err instanceof Error ? err.message : String(err), 'error');
    } finally {
      button.disabled = false;
    }
  });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', setup);
else setup();
