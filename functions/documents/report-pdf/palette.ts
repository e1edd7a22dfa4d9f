import type { Kategori } from '../../core/performance-data.ts';
import { COLOR } from '../pdf-layout.ts';

// Green (best) to red (worst); a scale of another length takes evenly spaced steps.
const RATING_COLORS = ['#1E7B4F', '#62A55A', '#E3B23C', '#E07B39', '#B03A2E'];
const RATING_TINTS = ['#D7EEDF', '#E4F2DF', '#FBF0D2', '#FBE3D3', '#F4D6D3'];

export interface KategoriPalette {
  /** Full colour: bars and legend swatches. */
  color(k: Kategori): string;
  /** Light tint: table cells with text on them. */
  tint(k: Kategori): string;
}

/** Colours per kategori by its rank in the configured scale, so any scale reads green-to-red. */
export function kategoriPalette(order: Kategori[]): KategoriPalette {
  const step = (k: Kategori): number => {
    const i = order.indexOf(k);
    if (i < 0) return -1;
    return order.length === 1 ? 0 : Math.round((i * (RATING_COLORS.length - 1)) / (order.length - 1));
  };
  return {
    color: (k) => RATING_COLORS[step(k)] ?? COLOR.rule,
    tint: (k) => RATING_TINTS[step(k)] ?? COLOR.zebra,
  };
}
