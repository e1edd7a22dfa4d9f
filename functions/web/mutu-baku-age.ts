import { stepClock } from '../core/mutu-baku.ts';
import type { Report } from '../core/report.ts';
import type { Lang } from '../i18n/lang.ts';

/**
 * How far into its Mutu Baku a step is, in words: "6 jam dari 24 jam" or "terlambat 3 jam" (English: "6 h of
 * 24 h", "late 3 h"). One wording for the portal, the local console and `lapkin watch`.
 */
export function mutuBakuAge(
  r: Pick<Report, 'dueAt' | 'status' | 'stepStartedAt' | 'updatedAt'>,
  now: Date,
  lang: Lang = 'id',
): { text: string; late: boolean } {
  const clock = stepClock(r, now);
  const h = lang === 'en' ? 'h' : 'jam';
  if (clock.kind === 'none') return { text: '–', late: false };
  if (clock.kind === 'late')
    return { text: `${lang === 'en' ? 'late' : 'terlambat'} ${clock.lateHours} ${h}`, late: true };
  return {
    text: `${clock.elapsedHours} ${h} ${lang === 'en' ? 'of' : 'dari'} ${clock.allowedHours} ${h}`,
    late: false,
  };
}
