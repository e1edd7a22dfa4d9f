import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The PDFs embed DejaVu Sans Condensed and Sans Mono (free licence, see the dejavu-fonts-ttf package) instead of pdfkit's standard 14 fonts,
 * which are never embedded. The TTFs ship with the code: the Lambda bundle carries them in `fonts/` next to
 * index.js (infra/constructs/bundling.ts), a checkout reads them from node_modules.
 */
export const FONT_FILES = {
  regular: 'DejaVuSansCondensed.ttf',
  bold: 'DejaVuSansCondensed-Bold.ttf',
  italic: 'DejaVuSansCondensed-Oblique.ttf',
  mono: 'DejaVuSansMono.ttf',
} as const;

export type FontFace = keyof typeof FONT_FILES;

/** `LAPKIN_FONT_DIR`, else `fonts/` next to the running bundle, else the installed dejavu-fonts-ttf package. */
export function fontDir(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.LAPKIN_FONT_DIR;
  if (fromEnv) return fromEnv;
  // In the Lambda bundle import.meta.url is the bundle file's URL (BUNDLE_DEFINE), so this is <bundle>/fonts.
  const here = dirname(fileURLToPath(import.meta.url));
  const bundled = join(here, 'fonts');
  if (existsSync(join(bundled, FONT_FILES.regular))) return bundled;
  const pkg = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json');
  return join(dirname(pkg), 'ttf');
}

let cache: Record<FontFace, Buffer> | undefined;

/** The four faces, read once per process. */
export function fontData(): Record<FontFace, Buffer> {
  if (!cache) {
    const dir = fontDir();
    cache = {
      regular: readFileSync(join(dir, FONT_FILES.regular)),
      bold: readFileSync(join(dir, FONT_FILES.bold)),
      italic: readFileSync(join(dir, FONT_FILES.italic)),
      mono: readFileSync(join(dir, FONT_FILES.mono)),
    };
  }
  return cache;
}

/** The code points a TrueType font maps to a real glyph, from its Unicode cmap (format 12, else format 4). */
function cmapCoverage(ttf: Buffer): Set<number> {
  const covered = new Set<number>();
  const numTables = ttf.readUInt16BE(4);
  let cmap = -1;
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    if (ttf.toString('latin1', rec, rec + 4) === 'cmap') cmap = ttf.readUInt32BE(rec + 8);
  }
  if (cmap < 0) return covered;
  const subtables: { platform: number; encoding: number; offset: number }[] = [];
  for (let i = 0; i < ttf.readUInt16BE(cmap + 2); i++) {
    const rec = cmap + 4 + i * 8;
    subtables.push({
      platform: ttf.readUInt16BE(rec),
      encoding: ttf.readUInt16BE(rec + 2),
      offset: cmap + ttf.readUInt32BE(rec + 4),
    });
  }
  const full = subtables.find((t) => t.platform === 3 && t.encoding === 10 && ttf.readUInt16BE(t.offset) === 12);
  if (full) {
    const groups = ttf.readUInt32BE(full.offset + 12);
    for (let g = 0; g < groups; g++) {
      const at = full.offset + 16 + g * 12;
      const [start, end, glyph] = [ttf.readUInt32BE(at), ttf.readUInt32BE(at + 4), ttf.readUInt32BE(at + 8)];
      for (let cp = start; cp <= end; cp++) if (glyph + cp - start !== 0) covered.add(cp);
    }
    return covered;
  }
  const bmp = subtables.find((t) => t.platform === 3 && t.encoding === 1 && ttf.readUInt16BE(t.offset) === 4);
  if (!bmp) return covered;
  const segX2 = ttf.readUInt16BE(bmp.offset + 6);
  const ends = bmp.offset + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const rangeOffsets = deltas + segX2;
  for (let s = 0; s < segX2; s += 2) {
    const end = ttf.readUInt16BE(ends + s);
    const start = ttf.readUInt16BE(starts + s);
    const delta = ttf.readUInt16BE(deltas + s);
    const rangeOffset = ttf.readUInt16BE(rangeOffsets + s);
    for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (cp + delta) & 0xffff;
      else {
        const raw = ttf.readUInt16BE(rangeOffsets + s + rangeOffset + (cp - start) * 2);
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (glyph !== 0) covered.add(cp);
    }
  }
  return covered;
}

let coverage: Set<number> | undefined;

/** Whether every face has a glyph for the code point (anything else would print as an empty box). */
export function hasGlyph(codePoint: number): boolean {
  if (!coverage) {
    const [first, ...rest] = Object.values(fontData()).map(cmapCoverage);
    coverage = new Set([...(first ?? [])].filter((cp) => rest.every((c) => c.has(cp))));
  }
  return coverage.has(codePoint);
}
