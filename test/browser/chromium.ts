import { type Browser, chromium } from 'playwright-core';

/**
 * Debian's chromium (CHROMIUM_PATH elsewhere), headless, as every browser test and the bench's P7 drive it:
 * no sandbox (containers), no GPU, nothing fetched in the background.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
}
