/** What an upload is, by its first bytes, whatever its name says. */
export type FileType =
  | { kind: 'xlsx' }
  | { kind: 'ole' }
  | { kind: 'utf16' }
  | { kind: 'binary'; name: string }
  | { kind: 'text' };

const BINARY_MAGIC: { magic: number[]; name: string }[] = [
  { magic: [0x25, 0x50, 0x44, 0x46], name: 'PDF' },
  { magic: [0x89, 0x50, 0x4e, 0x47], name: 'PNG' },
  { magic: [0xff, 0xd8, 0xff], name: 'JPEG' },
  { magic: [0x47, 0x49, 0x46, 0x38], name: 'GIF' },
  { magic: [0x1f, 0x8b], name: 'GZIP' },
  { magic: [0x52, 0x61, 0x72, 0x21], name: 'RAR' },
  { magic: [0x37, 0x7a, 0xbc, 0xaf], name: '7z' },
];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

export function sniff(bytes: Uint8Array, fileName: string): FileType {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return { kind: 'xlsx' };
  // OLE compound file: a legacy .xls, or an encrypted .xlsx (Excel wraps those in OLE too).
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { kind: 'ole' };
  const known = BINARY_MAGIC.find((b) => startsWith(bytes, b.magic));
  if (known) return { kind: 'binary', name: known.name };
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return { kind: 'utf16' };
  if (bytes.subarray(0, 8192).includes(0)) {
    return { kind: 'binary', name: /\.([a-z0-9]{1,5})$/i.exec(fileName)?.[1]?.toLowerCase() ?? 'biner' };
  }
  return { kind: 'text' };
}
