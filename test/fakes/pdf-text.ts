import { inflateSync } from 'node:zlib';

/**
 * The text of a PDF written by pdfkit, one line per TJ/Tj string, page by page. Streams are inflated first, so
 * production output can be read too. Embedded (Type0, Identity-H) fonts are decoded through their /ToUnicode
 * CMap, following the font selected by `/Fx size Tf` and the page's /Resources /Font dictionary; any other font is
 * read as single-byte WinAnsi.
 */
export function pdfTextOf(pdf: Buffer): string {
  const objects = readObjects(pdf);
  const cmaps = new Map<number, Map<number, string> | null>();
  const fontCmap = (ref: number): Map<number, string> | null => {
    let cmap = cmaps.get(ref);
    if (cmap === undefined) {
      const dict = objects.get(ref)?.dict ?? '';
      const toUnicode = /\/ToUnicode\s+(\d+)\s+\d+\s+R/.exec(dict);
      cmap =
        /\/Subtype\s*\/Type0\b/.test(dict) && toUnicode
          ? parseCmap(objects.get(Number(toUnicode[1]))?.stream ?? '')
          : null;
      cmaps.set(ref, cmap);
    }
    return cmap;
  };

  const lines: string[] = [];
  // A content stream's text in order; `/Name Do` of a Form XObject reads that form's stream with its resources.
  const read = (stream: string, resources: string, depth: number): void => {
    const fonts = fontResources(objects, resources);
    const forms = xobjectResources(objects, resources);
    let cmap: Map<number, string> | null = null;
    const ops =
      /\/([^\s/<>[\]()]+)\s+[-\d.]+\s+Tf\b|(\[(?:[^\]]*)\])\s*TJ\b|(<[0-9a-fA-F\s]*>)\s*Tj\b|\/([^\s/<>[\]()]+)\s+Do\b/g;
    for (const m of stream.matchAll(ops)) {
      if (m[1] !== undefined) {
        const ref = fonts.get(m[1]);
        cmap = ref === undefined ? null : fontCmap(ref);
        continue;
      }
      if (m[4] !== undefined) {
        const form = objects.get(forms.get(m[4]) ?? -1);
        if (form?.stream !== undefined && /\/Subtype\s*\/Form\b/.test(form.dict) && depth < 8) {
          read(form.stream, form.dict, depth + 1);
        }
        continue;
      }
      const hex = [...(m[2] ?? m[3] ?? '').matchAll(/<([0-9a-fA-F\s]*)>/g)]
        .map((h) => (h[1] ?? '').replace(/\s+/g, ''))
        .join('');
      lines.push(cmap ? decodeCids(hex, cmap) : winAnsi(Buffer.from(hex, 'hex')));
    }
  };
  for (const page of pageRefs(objects)) {
    const dict = objects.get(page)?.dict ?? '';
    for (const content of contentRefs(dict)) read(objects.get(content)?.stream ?? '', dict, 0);
  }
  return lines.join('\n');
}

interface PdfObject {
  dict: string;
  stream?: string;
}

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const raw = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const re = /(\d+)\s+\d+\s+obj\b/g;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    const start = m.index + m[0].length;
    let end = raw.indexOf('endobj', start);
    if (end < 0) break;
    const streamAt = /(?<!end)stream\r?\n/.exec(raw.slice(start, end));
    if (!streamAt) {
      objects.set(Number(m[1]), { dict: raw.slice(start, end) });
    } else {
      const dict = raw.slice(start, start + streamAt.index);
      const dataStart = start + streamAt.index + streamAt[0].length;
      // A binary stream may hold "endobj" by chance: trust a direct /Length.
      const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
      const dataEnd = length ? dataStart + Number(length[1]) : raw.indexOf('endstream', dataStart);
      end = Math.max(raw.indexOf('endobj', dataEnd), dataEnd);
      const data = pdf.subarray(dataStart, dataEnd);
      let stream: string;
      try {
        stream = /\/FlateDecode/.test(dict) ? inflateSync(data).toString('latin1') : data.toString('latin1');
      } catch {
        stream = data.toString('latin1');
      }
      objects.set(Number(m[1]), { dict, stream });
    }
    re.lastIndex = end;
  }
  return objects;
}

/** Pages in document order: the /Kids of the page tree, else every /Type /Page object in file order. */
function pageRefs(objects: Map<number, PdfObject>): number[] {
  const pages: number[] = [];
  const walk = (ref: number, depth: number): void => {
    const dict = objects.get(ref)?.dict ?? '';
    if (/\/Type\s*\/Page\b/.test(dict)) pages.push(ref);
    else if (depth < 32) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(dict)?.[1] ?? '';
      for (const k of kids.matchAll(/(\d+)\s+\d+\s+R/g)) walk(Number(k[1]), depth + 1);
    }
  };
  const root = [...objects].find(([, o]) => /\/Type\s*\/Catalog\b/.test(o.dict));
  const pagesRef = root && /\/Pages\s+(\d+)\s+\d+\s+R/.exec(root[1].dict);
  if (pagesRef) walk(Number(pagesRef[1]), 0);
  if (pages.length > 0) return pages;
  return [...objects].filter(([, o]) => /\/Type\s*\/Page\b/.test(o.dict)).map(([ref]) => ref);
}

function contentRefs(pageDict: string): number[] {
  const contents = /\/Contents\s*(\[[^\]]*\]|\d+\s+\d+\s+R)/.exec(pageDict)?.[1] ?? '';
  return [...contents.matchAll(/(\d+)\s+\d+\s+R/g)].map((c) => Number(c[1]));
}

/** The /Resources dictionary of a page or form (inline or referenced). */
function resourcesOf(objects: Map<number, PdfObject>, dict: string): string {
  const resRef = /\/Resources\s+(\d+)\s+\d+\s+R/.exec(dict);
  return resRef ? (objects.get(Number(resRef[1]))?.dict ?? '') : dict;
}

/** Resource name → object number for one kind (/Font, /XObject) of a page's or form's /Resources. */
function namedResources(objects: Map<number, PdfObject>, dict: string, kind: string): Map<string, number> {
  const resources = resourcesOf(objects, dict);
  const ref = new RegExp(`/${kind}\\s+(\\d+)\\s+\\d+\\s+R`).exec(resources);
  const inline = new RegExp(`/${kind}\\s*<<((?:[^<>]|<[^<>]*>)*)>>`).exec(resources);
  const names = ref ? (objects.get(Number(ref[1]))?.dict ?? '') : (inline?.[1] ?? '');
  const out = new Map<string, number>();
  for (const f of names.matchAll(/\/([^\s/<>[\]()]+)\s+(\d+)\s+\d+\s+R/g)) out.set(f[1] ?? '', Number(f[2]));
  return out;
}

function fontResources(objects: Map<number, PdfObject>, dict: string): Map<string, number> {
  return namedResources(objects, dict, 'Font');
}

function xobjectResources(objects: Map<number, PdfObject>, dict: string): Map<string, number> {
  return namedResources(objects, dict, 'XObject');
}

function utf16Hex(hex: string): string {
  return Buffer.from(hex.replace(/\s+/g, ''), 'hex').swap16().toString('utf16le');
}

function parseCmap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const e of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]*)>/g)) {
      map.set(Number.parseInt(e[1] ?? '0', 16), utf16Hex(e[2] ?? ''));
    }
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    const entries = /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(?:\[([^\]]*)\]|<([0-9a-fA-F\s]*)>)/g;
    for (const e of (block[1] ?? '').matchAll(entries)) {
      const lo = Number.parseInt(e[1] ?? '0', 16);
      const hi = Number.parseInt(e[2] ?? '0', 16);
      if (e[3] !== undefined) {
        const targets = [...e[3].matchAll(/<([0-9a-fA-F\s]*)>/g)].map((t) => utf16Hex(t[1] ?? ''));
        for (let code = lo; code <= hi; code++) map.set(code, targets[code - lo] ?? '');
      } else {
        // The last UTF-16 unit counts up through the range.
        const base = (e[4] ?? '').replace(/\s+/g, '');
        const head = base.slice(0, -4);
        const last = Number.parseInt(base.slice(-4) || '0', 16);
        for (let code = lo; code <= hi; code++) {
          map.set(code, utf16Hex(head + (last + code - lo).toString(16).padStart(4, '0')));
        }
      }
    }
  }
  return map;
}

function decodeCids(hex: string, cmap: Map<number, string>): string {
  let out = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) out += cmap.get(Number.parseInt(hex.slice(i, i + 4), 16)) ?? '\uFFFD';
  return out;
}

const WIN_ANSI_HIGH = '€\uFFFD‚ƒ„…†‡ˆ‰Š‹Œ\uFFFDŽ\uFFFD\uFFFD‘’“”•–—˜™š›œ\uFFFDžŸ';

function winAnsi(bytes: Buffer): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? (WIN_ANSI_HIGH[b - 0x80] ?? '') : String.fromCharCode(b);
  return out;
}
