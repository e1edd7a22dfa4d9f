import type { Lkjip } from './context.ts';
import { ROMAN } from './labels.ts';
import { chapterPage, narrative } from './layout.ts';

/** Bab IV Penutup: the staff's closing text. */
export function drawPenutup(ctx: Lkjip): void {
  const { l } = ctx;
  chapterPage(ctx, 'bab4', [l.bab(ROMAN[3]), l.bab4], `${l.bab(ROMAN[3])} ${l.bab4}`);
  narrative(ctx, ctx.report.narasi?.penutup);
}
