/**
 * A small streaming XML tokenizer for the parts of an XLSX the parser reads (workbook, relationships, styles,
 * shared strings, one sheet). Text arrives in chunks of any size and is handed on as start tags, end tags and
 * text, so a 100 MB sheet is read in constant memory and the caller can stop at any point. It does only what
 * SpreadsheetML needs: no DTDs, no entity definitions (a DOCTYPE is skipped, so no entity expansion either),
 * namespace prefixes dropped from element names.
 */
export interface XmlHandler {
  /** `attrs` is the raw attribute text; read it with `attribute`. */
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Character data with entities decoded; one text node may come in several pieces. */
  text(text: string): void;
}

export class XmlError extends Error {}

/** A single tag (or comment) longer than this is not SpreadsheetML: the part is refused, not buffered. */
const MAX_MARKUP = 1024 * 1024;

export class XmlScanner {
  private pending = '';

  constructor(private readonly handler: XmlHandler) {}

  feed(chunk: string): void {
    const s = this.pending + chunk;
    let i = 0;
    const h = this.handler;
    while (i < s.length) {
      const lt = s.indexOf('<', i);
      if (lt < 0) {
        // Hold back a possibly cut entity ("&am|p;") for the next chunk.
        const amp = s.lastIndexOf('&');
        const cut = amp >= i && s.indexOf(';', amp) < 0 && s.length - amp < 12 ? amp : s.length;
        if (cut > i) h.text(decodeEntities(s.slice(i, cut)));
        i = cut;
        break;
      }
      if (lt > i) h.text(decodeEntities(s.slice(i, lt)));
      i = lt;
      const end = this.markup(s, i);
      if (end < 0) break;
      i = end;
    }
    this.pending = s.slice(i);
    if (this.pending.length > MAX_MARKUP) throw new XmlError('markup too long');
  }

  end(): void {
    if (this.pending.trim() !== '') throw new XmlError('unexpected end of XML');
  }

  /** Handles the markup at `i` (which is '<'); returns where it ends, or -1 when it is not complete yet. */
  private markup(s: string, i: number): number {
    const h = this.handler;
    const next = s.charCodeAt(i + 1);
    // Most markup is a start or end tag: one look at the next character decides.
    if (next !== 0x21 && next !== 0x3f) return this.tag(s, i); // not "!" or "?"
    if (s.startsWith('<!--', i)) {
      const end = s.indexOf('-->', i + 4);
      return end < 0 ? -1 : end + 3;
    }
    if (s.startsWith('<![CDATA[', i)) {
      const end = s.indexOf(']]>', i + 9);
      if (end < 0) return -1;
      h.text(s.slice(i + 9, end));
      return end + 3;
    }
    if (s.startsWith('<?', i)) {
      const end = s.indexOf('?>', i + 2);
      return end < 0 ? -1 : end + 2;
    }
    if (s.startsWith('<!', i)) {
      // DOCTYPE and the like; a partial "<!-" or "<![CDATA" also waits here for more text.
      if (i + 9 > s.length) return -1;
      const end = s.indexOf('>', i);
      return end < 0 ? -1 : end + 1;
    }
    return this.tag(s, i);
  }

  private tag(s: string, i: number): number {
    const h = this.handler;
    const gt = tagEnd(s, i + 1);
    if (gt < 0) return -1;
    const body = s.slice(i + 1, gt);
    if (body.startsWith('/')) {
      h.close(localName(body.slice(1).trim()));
      return gt + 1;
    }
    const selfClosing = body.endsWith('/');
    const inner = selfClosing ? body.slice(0, -1) : body;
    const space = inner.search(/[\s]/);
    const name = space < 0 ? inner : inner.slice(0, space);
    if (name === '') throw new XmlError('empty tag name');
    h.open(localName(name), space < 0 ? '' : inner.slice(space), selfClosing);
    return gt + 1;
  }
}

/** The '>' ending a tag that starts at `from`, skipping quoted attribute values; -1 when not in `s` yet. */
function tagEnd(s: string, from: number): number {
  const gt = s.indexOf('>', from);
  if (gt < 0) return -1;
  let quoted = false;
  for (let i = from; i < gt && !quoted; i++) {
    const c = s.charCodeAt(i);
    quoted = c === 0x22 || c === 0x27;
  }
  if (!quoted) return gt;
  let quote = '';
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
  }
  return -1;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return Object.hasOwn(NAMED, ref) ? (NAMED[ref] as string) : whole;
  });
}

/** One attribute of a start tag's raw attribute text, entities decoded; a prefix (`r:id`) is matched too. */
export function attribute(attrs: string, name: string): string | undefined {
  // Fast path, as every writer spells it: name="value" after a space (or a prefix's colon).
  for (let at = attrs.indexOf(`${name}="`); at >= 0; at = attrs.indexOf(`${name}="`, at + 1)) {
    const before = attrs.charCodeAt(at - 1);
    if (before === 0x20 || before === 0x3a || before === 0x0a || before === 0x09 || before === 0x0d) {
      const start = at + name.length + 2;
      const end = attrs.indexOf('"', start);
      if (end >= 0) return decodeEntities(attrs.slice(start, end));
    }
  }
  if (!attrs.includes(name)) return undefined;
  const re = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (let match = re.exec(attrs); match; match = re.exec(attrs)) {
    const key = match[1] as string;
    if (key === name || key.endsWith(`:${name}`)) return decodeEntities(match[2] ?? match[3] ?? '');
  }
  return undefined;
}
