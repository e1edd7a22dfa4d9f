import yauzl from 'yauzl';
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

/**
 * The zip-bomb guard, by yauzl: the central directory is read and checked before anything is inflated (entry
 * count, the sum of the declared sizes against MAX_UNCOMPRESSED_BYTES, the parts of a workbook, compression and
 * encryption), and every part that is read is inflated through yauzl's entry-size validation, which fails as
 * soon as a part inflates beyond its declared size. Parts the parser never reads (images, other sheets) are
 * never inflated.
 */
export async function openWorkbookZip(bytes: Uint8Array, m: Messages): Promise<ZipOpen> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let zipfile: yauzl.ZipFile;
  let entries: yauzl.Entry[];
  try {
    zipfile = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.fromBuffer(
        buffer,
        { lazyEntries: true, validateEntrySizes: true, decodeStrings: true, strictFileNames: false },
        (err, z) => (err || !z ? reject(err ?? new Error('no zip')) : resolve(z)),
      ),
    );
    if (zipfile.entryCount > MAX_ZIP_ENTRIES) return { ok: false, message: m.zipTooManyEntries };
    entries = await listEntries(zipfile);
  } catch (err) {
    return { ok: false, message: zipProblem(err, m) };
  }
  const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (declared > MAX_UNCOMPRESSED_BYTES) return { ok: false, message: m.zipTooBig(megabytes(declared, m)) };
  const byName = new Map(entries.map((e) => [e.fileName, e]));
  if (!byName.has('[Content_Types].xml') || !byName.has('xl/workbook.xml')) return { ok: false, message: m.zipNotXlsx };
  if (entries.some((e) => e.isEncrypted() || (e.compressionMethod !== 0 && e.compressionMethod !== 8))) {
    return { ok: false, message: m.zipUnsupported };
  }
  const z = zipfile;
  return {
    ok: true,
    zip: {
      names: () => [...byName.keys()],
      has: (name) => byName.has(name),
      async read(name, onText) {
        const entry = byName.get(name);
        if (!entry) return;
        const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
          z.openReadStream(entry, (err, s) => (err || !s ? reject(err ?? new Error('no stream')) : resolve(s))),
        );
        // XML parts of a workbook are UTF-8; the decoder keeps a character cut between two chunks whole.
        const decoder = new TextDecoder('utf-8');
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          // Leaving the loop destroys the stream: the rest of the part is never inflated.
          if (!onText(decoder.decode(chunk, { stream: true }))) return;
        }
        onText(decoder.decode());
      },
    },
  };
}

function listEntries(zipfile: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zipfile.on('entry', (e: yauzl.Entry) => {
      entries.push(e);
      zipfile.readEntry();
    });
    zipfile.on('end', () => resolve(entries));
    zipfile.on('error', reject);
    zipfile.readEntry();
  });
}

/** yauzl and zlib speak English to developers; the uploader gets one of the guard's messages. */
export function zipProblem(err: unknown, m: Messages): string {
  const text = err instanceof Error ? err.message : String(err);
  if (/size mismatch|too many bytes|not enough bytes/i.test(text)) return m.zipLies;
  if (/compression method|encrypt/i.test(text)) return m.zipUnsupported;
  return m.zipCorrupt;
}
