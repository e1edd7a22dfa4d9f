/**
 * The public verification page's file check (pages/verify.tsx): a visitor drops or picks a file, its SHA-256 is
 * computed here with Web Crypto and compared with the archived documents' hashes printed in the page
 * (data-sha256 on each row). The file never leaves the browser: nothing is sent, not even its hash.
 * Texts come from the page (data-msg-*), so the script has no language of its own.
 */
const section = document.getElementById('cocokkan');
const input = section?.querySelector<HTMLInputElement>('input[type=file]');
const zone = section?.querySelector<HTMLElement>('.dropzone');
const result = document.getElementById('hasil');

if (section && input && zone && result) {
  const msg = (name: string, values: Record<string, string> = {}): string =>
    (section.dataset[name] ?? '').replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');
  const rows = Array.from(document.querySelectorAll<HTMLTableRowElement>('tr[data-sha256]'));

  const show = (tone: 'ok' | 'error' | 'notice' | '', text: string, hash?: string) => {
    result.className = tone;
    if (!text) return result.replaceChildren();
    // "cocok — sama dengan …": the verdict in bold, the rest as it is.
    const cut = text.indexOf(' — ');
    const verdict = document.createElement('strong');
    verdict.textContent = cut < 0 ? text : text.slice(0, cut);
    result.replaceChildren(verdict, cut < 0 ? '' : text.slice(cut));
    if (hash) {
      const line = document.createElement('span');
      line.className = 'hash';
      // In groups of 8, as the page and the disposition sheet print the archived ones.
      line.textContent = msg('msgHash', { hash: hash.match(/.{8}/g)?.join(' ') ?? hash });
      result.append(line);
    }
  };

  const check = async (file: File | undefined) => {
    for (const row of rows) row.classList.remove('matched');
    if (!file) return show('', '');
    // Web Crypto exists only in a secure context (https, or localhost).
    if (!globalThis.crypto?.subtle) return show('notice', msg('msgNocrypto'));
    show('', msg('msgWorking'));
    const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
    const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
    const row = rows.find((r) => r.dataset.sha256 === hex);
    if (row) {
      row.classList.add('matched');
      show('ok', msg('msgMatch', { doc: row.dataset.label ?? '' }), hex);
    } else show('error', msg('msgNomatch'), hex);
  };

  input.addEventListener('change', () => void check(input.files?.[0]));
  // The whole box takes a dropped file; the page around it must not open the file instead.
  for (const type of ['dragenter', 'dragover'] as const)
    zone.addEventListener(type, (e) => {
      e.preventDefault();
      zone.classList.add('over');
    });
  for (const type of ['dragleave', 'dragend'] as const)
    zone.addEventListener(type, () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    void check(e.dataTransfer?.files[0]);
  });
  window.addEventListener('dragover', (e) => e.preventDefault());
  window.addEventListener('drop', (e) => e.preventDefault());
  section.hidden = false;
}
