import type { Page } from 'playwright-core';

/**
 * A screenshot for a person to look at (artifacts/, git-ignored). CI keeps no artifacts and nobody looks there, so
 * under CI=true the PNGs are not encoded at all (a full phone page costs about a second of CPU); every assertion
 * next to a screenshot still runs.
 */
export async function screenshot(page: Page, options: Parameters<Page['screenshot']>[0]): Promise<void> {
  if (process.env.CI) return;
  await page.screenshot(options);
}
