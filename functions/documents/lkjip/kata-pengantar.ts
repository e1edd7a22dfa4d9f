import type { Lkjip } from './context.ts';
import { chapterPage, narrative } from './layout.ts';
import { drawHeadBlock } from './signature.ts';

/** Kata Pengantar: the staff's foreword, closed by the head of the unit's name block. */
export function drawKataPengantar(ctx: Lkjip): void {
  chapterPage(ctx, 'kata_pengantar', [ctx.l.kataPengantar], ctx.l.kataPengantar);
  narrative(ctx, ctx.report.narasi?.kata_pengantar);
  drawHeadBlock(ctx);
}
