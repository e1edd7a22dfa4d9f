import { Inflate } from 'fflate';
import { MAX_UNCOMPRESSED_BYTES, MAX_ZIP_ENTRIES } from './limits.ts';
import { type Messages, megabytes } from './messages.ts';

/** The parts of a workbook ZIP, read one at a time as text, each stopping whenever the reader has enough. */
export interface WorkbookZip {
  names(): string[];
  has(name: string): boolean;
  /** Streams a part as UTF-8 text; `onText` answers false to stop reading (nothing further is inflated). */
  read(name: string, onText: (text: string) => boolean): Promise<void>;
}

export type ZipOpen = { ok: true; zip: WorkbookZip } | { ok: false; message: string };

/** Why a ZIP is refused, by kind; zipProblem turns it into the uploader's message. */
export class ZipError extends Error {
  override name = 'ZipError';
  constructor(
    readonly kind: 'corrupt' | 'lies' | 'unsupported',
    message: string,
  ) {
    super(message);
  }
}

interface Entry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeader: number;
}

/** Compressed bytes handed to the inflater at a time: deflate expands at most ~1 032×, so ≤ 1 MB per step. */
const INFLATE_INPUT_BYTES = 1024;
const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * The zip-bomb guard, the same code on the server and in the browser (fflate inflates; the ZIP structure is read
 * here): the central directory is read and checked before anything is inflated (entry count, the sum of the
 * declared sizes against MAX_UNCOMPRESSED_BYTES, the parts of a workbook, compression and encryption), and every
 * part that is read is inflated a small step at a time and counted, failing as soon as it inflates beyond its
 * declared size (and when it ends short of it). Parts the parser never reads (images, other sheets) are never
 * inflated. The checks and their order are those of yauzl with `validateEntrySizes`, which this replaces.
 */
export async function openWorkbookZip(bytes: Uint8Array, m: Messages): Promise<ZipOpen> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let entries: Entry[];
  try {
    const directory = endOfCentralDirectory(bytes, view);
    if (directory.entryCount > MAX_ZIP_ENTRIES) return { ok: false, message: m.zipTooManyEntries };
    entries = readCentralDirectory(bytes, view, directory);
  } catch (err) {
    return { ok: false, message: zipProblem(err, m) };
  }
  const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (declared > MAX_UNCOMPRESSED_BYTES) return { ok: false, message: m.zipTooBig(megabytes(declared, m)) };
  const byName = new Map(entries.map((e) => [e.name, e]));
  if (!byName.has('[Content_Types].xml') || !byName.has('xl/workbook.xml')) return { ok: false, message: m.zipNotXlsx };
  if (entries.some((e) => (e.flags & 1) !== 0 || (e.method !== 0 && e.method !== 8))) {
    return { ok: false, message: m.zipUnsupported };
  }
  return {
    ok: true,
    zip: {
      names: () => [...byName.keys()],
      has: (name) => byName.has(name),
      async read(name, onText) {
        const entry = byName.get(name);
        if (!entry) return;
        // XML parts of a workbook are UTF-8; the decoder keeps a character cut between two chunks whole.
        const decoder = new TextDecoder('utf-8');
        const data = entryData(bytes, view, entry);
        if (entry.method === 0) {
          if (onText(decoder.decode(data, { stream: true }))) onText(decoder.decode());
          return;
        }
        let produced = 0;
        let stopped = false;
        let ended = false;
        const inflater = new Inflate((chunk, final) => {
          produced += chunk.length;
          if (produced > entry.uncompressedSize)
            throw new ZipError('lies', `too many bytes in the stream. expected ${entry.uncompressedSize}`);
          if (!stopped && chunk.length > 0 && !onText(decoder.decode(chunk, { stream: true }))) stopped = true;
          if (final) ended = true;
        });
        try {
          for (let at = 0; at < data.length && !stopped && !ended; at += INFLATE_INPUT_BYTES) {
            const end = Math.min(at + INFLATE_INPUT_BYTES, data.length);
            inflater.push(data.subarray(at, end), end === data.length);
          }
          if (data.length === 0) inflater.push(data, true);
        } catch (err) {
          if (err instanceof ZipError) throw err;
          throw new ZipError('corrupt', err instanceof Error ? err.message : String(err));
        }
        // Leaving early (the reader has enough) inflates nothing further.
        if (stopped) return;
        if (produced !== entry.uncompressedSize)
          throw new ZipError('lies', `not enough bytes in the stream. expected ${entry.uncompressedSize}`);
        onText(decoder.decode());
      },
    },
  };
}

interface Directory {
  entryCount: number;
  offset: number;
}

/** The end of central directory record, searched backwards (a comment may follow it), and its ZIP64 form. */
function endOfCentralDirectory(bytes: Uint8Array, view: DataView): Directory {
  const withoutComment = 22;
  const lowest = Math.max(0, bytes.length - (withoutComment + 0xffff + 20));
  for (let i = bytes.length - withoutComment; i >= lowest; i--) {
    if (view.getUint32(i, true) !== EOCD) continue;
    const commentLength = view.getUint16(i + 20, true);
    if (commentLength !== bytes.length - i - withoutComment) throw new ZipError('corrupt', 'invalid comment length');
    const disk = view.getUint16(i + 4, true);
    if (i - 20 >= 0 && view.getUint32(i - 20, true) === ZIP64_LOCATOR) {
      const at = uint64(view, i - 20 + 8);
      need(bytes, at, 56);
      if (view.getUint32(at, true) !== ZIP64_EOCD) throw new ZipError('corrupt', 'invalid zip64 end of directory');
      if (view.getUint32(at + 16, true) !== 0) throw new ZipError('corrupt', 'multi-disk zip files');
      return { entryCount: uint64(view, at + 32), offset: uint64(view, at + 48) };
    }
    if (disk !== 0) throw new ZipError('corrupt', 'multi-disk zip files');
    return { entryCount: view.getUint16(i + 10, true), offset: view.getUint32(i + 16, true) };
  }
  throw new ZipError('corrupt', 'end of central directory record signature not found');
}

function readCentralDirectory(bytes: Uint8Array, view: DataView, directory: Directory): Entry[] {
  const entries: Entry[] = [];
  let at = directory.offset;
  for (let n = 0; n < directory.entryCount; n++) {
    need(bytes, at, 46);
    if (view.getUint32(at, true) !== CENTRAL) throw new ZipError('corrupt', 'invalid central directory signature');
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    let compressedSize = view.getUint32(at + 20, true);
    let uncompressedSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    let localHeader = view.getUint32(at + 42, true);
    if (flags & 0x40) throw new ZipError('unsupported', 'strong encryption is not supported');
    need(bytes, at + 46, nameLength + extraLength + commentLength);
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    const extra = bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
    const name = fileName(nameBytes, flags);
    if (name.startsWith('/') || /^[a-zA-Z]:/.test(name) || /^\.\.(\/|$)|\/\.\.(\/|$)/.test(name))
      throw new ZipError('corrupt', 'invalid file name');
    // ZIP64 extended information: the fields set to 0xffffffff are in it, in this order.
    for (const field of extraFields(extra)) {
      if (field.id !== 0x0001) continue;
      const z = new DataView(field.data.buffer, field.data.byteOffset, field.data.byteLength);
      let i = 0;
      const next = () => {
        if (i + 8 > field.data.length) throw new ZipError('corrupt', 'zip64 extra field too short');
        const v = uint64(z, i);
        i += 8;
        return v;
      };
      if (uncompressedSize === 0xffffffff) uncompressedSize = next();
      if (compressedSize === 0xffffffff) compressedSize = next();
      if (localHeader === 0xffffffff) localHeader = next();
      break;
    }
    const expectedStored = uncompressedSize + (flags & 1 ? 12 : 0);
    if (method === 0 && compressedSize !== expectedStored)
      throw new ZipError('lies', 'compressed/uncompressed size mismatch for stored file');
    entries.push({ name, flags, method, compressedSize, uncompressedSize, localHeader });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The compressed bytes of an entry, found through its local header (whose own name and extra lengths count). */
function entryData(bytes: Uint8Array, view: DataView, e: Entry): Uint8Array {
  need(bytes, e.localHeader, 30);
  if (view.getUint32(e.localHeader, true) !== LOCAL) throw new ZipError('corrupt', 'invalid local file header');
  const start =
    e.localHeader + 30 + view.getUint16(e.localHeader + 26, true) + view.getUint16(e.localHeader + 28, true);
  if (start + e.compressedSize > bytes.length) throw new ZipError('corrupt', 'file data overflows file bounds');
  return bytes.subarray(start, start + e.compressedSize);
}

function extraFields(extra: Uint8Array): { id: number; data: Uint8Array }[] {
  const view = new DataView(extra.buffer, extra.byteOffset, extra.byteLength);
  const fields: { id: number; data: Uint8Array }[] = [];
  for (let i = 0; i + 3 < extra.length; ) {
    const id = view.getUint16(i, true);
    const size = view.getUint16(i + 2, true);
    if (i + 4 + size > extra.length) throw new ZipError('corrupt', 'extra field length exceeds its buffer');
    fields.push({ id, data: extra.subarray(i + 4, i + 4 + size) });
    i += 4 + size;
  }
  return fields;
}

/** UTF-8 when the entry says so; otherwise CP437, of which only ASCII matters here (workbook part names). */
function fileName(raw: Uint8Array, flags: number): string {
  const name =
    flags & 0x800
      ? new TextDecoder('utf-8').decode(raw)
      : Array.from(raw, (b) => (b < 0x80 ? String.fromCharCode(b) : '\ufffd')).join('');
  return name.replaceAll('\\', '/');
}

function need(bytes: Uint8Array, at: number, length: number): void {
  if (at < 0 || at + length > bytes.length) throw new ZipError('corrupt', 'unexpected EOF');
}

function uint64(view: DataView, at: number): number {
  return view.getUint32(at, true) + view.getUint32(at + 4, true) * 0x100000000;
}

/** fflate and the structure checks speak English to developers; the uploader gets one of the guard's messages. */
export function zipProblem(err: unknown, m: Messages): string {
  if (err instanceof ZipError) {
    if (err.kind === 'lies') return m.zipLies;
    if (err.kind === 'unsupported') return m.zipUnsupported;
  }
  return m.zipCorrupt;
}
