const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/** XML 1.0 forbids these; one of them in a shared string makes Excel refuse the whole workbook. */
function isXmlIllegal(code: number): boolean {
  return (
    (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) ||
    (code >= 0xd800 && code <= 0xdfff) || // a lone surrogate: for..of yields pairs as one code point
    code === 0xfffe ||
    code === 0xffff
  );
}

/**
 * Text for a spreadsheet cell that came from an uploader: a leading = + - @ tab or CR would let a spreadsheet
 * program (or a later CSV export) treat it as a formula, so it gets a leading apostrophe (OWASP CSV injection).
 */
export function safeCellText(s: string): string {
  let clean = '';
  for (const ch of s) {
    if (!isXmlIllegal(ch.codePointAt(0) ?? 0)) clean += ch;
  }
  return FORMULA_TRIGGERS.has(clean.charAt(0)) ? `'${clean}` : clean;
}
