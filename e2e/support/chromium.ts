import type { LaunchOptions } from '@playwright/test';

/**
 * How journeys and benchmarks launch Debian's Chromium, headless; Playwright's own browser
 * downloads are not used.
 */
export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
