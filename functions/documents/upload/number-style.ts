/**
 * Numbers written as text: Indonesian style (1.234,56) or English style (1,234.56), decided once per file from
 * the cells that can only be read one way, never guessed per cell.
 */
export type NumberStyle = 'id' | 'en';

export type NumberClass = 'neutral' | NumberStyle | 'ambiguous' | 'invalid';

function stripNumberDecorations(s: string): string {
  return s
    .replace(/^rp\.?\s*/i, '')
    .replace(/\s*%$/, '')
    .trim();
}

/** What a number written as text says about the file's number style. */
export function classifyNumber(raw: string): NumberClass {
  const s = stripNumberDecorations(raw);
  if (/^-?\d+$/.test(s)) return 'neutral';
  const hasDot = s.includes('.');
  const hasComma = s.includes(',');
  if (hasDot && hasComma) {
    if (s.lastIndexOf(',') > s.lastIndexOf('.')) return /^-?\d{1,3}(\.\d{3})+,\d+$/.test(s) ? 'id' : 'invalid';
    return /^-?\d{1,3}(,\d{3})+\.\d+$/.test(s) ? 'en' : 'invalid';
  }
  if (hasComma) {
    if (/^-?\d{1,3}(,\d{3}){2,}$/.test(s)) return 'en';
    // English thousands grouping never starts with 0, so "0,500" can only be a decimal comma.
    if (/^-?[1-9]\d{0,2},\d{3}$/.test(s)) return 'ambiguous';
    return /^-?\d+,\d+$/.test(s) ? 'id' : 'invalid';
  }
  if (hasDot) {
    if (/^-?\d{1,3}(\.\d{3}){2,}$/.test(s)) return 'id';
    if (/^-?[1-9]\d{0,2}\.\d{3}$/.test(s)) return 'ambiguous';
    return /^-?\d+\.\d+$/.test(s) ? 'en' : 'invalid';
  }
  return 'invalid';
}

/** The number a text means in the given style; null when it is not a number in that style. */
export function parseNumberText(raw: string, style: NumberStyle | null): number | null {
  const s = stripNumberDecorations(raw);
  let plain: string | null = null;
  if (/^-?\d+$/.test(s)) plain = s;
  else if (style === 'id' && (/^-?\d{1,3}(\.\d{3})*(,\d+)?$/.test(s) || /^-?\d+(,\d+)?$/.test(s))) {
    plain = s.replace(/\./g, '').replace(',', '.');
  } else if (style === 'en' && (/^-?\d{1,3}(,\d{3})*(\.\d+)?$/.test(s) || /^-?\d+(\.\d+)?$/.test(s))) {
    plain = s.replace(/,/g, '');
  }
  if (plain === null) return null;
  const n = Number(plain);
  return Number.isFinite(n) ? n : null;
}

/** The first cell of each style, quoted in the message when a file mixes them. */
export interface StyleEvidence {
  id?: string;
  en?: string;
  ambiguous: boolean;
}

/**
 * The file's style: the one its unambiguous cells show; the reader's hint (a ";"-separated CSV is Indonesian
 * Excel) only when ambiguous cells need one; null when mixed or without evidence.
 */
export function decideStyle(evidence: StyleEvidence, hint: NumberStyle | null): NumberStyle | null {
  if (evidence.id !== undefined && evidence.en !== undefined) return null;
  if (evidence.id !== undefined) return 'id';
  if (evidence.en !== undefined) return 'en';
  return evidence.ambiguous ? hint : null;
}
