/**
 * Headless Chromium (Debian's, installed by scripts/ensure-chromium.mjs) driven by playwright-core,
 * for the browser tests: each page records what it logged as an error, and screenshots are kept
 * under test-artifacts/ (gitignored).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-artifacts');

export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu'] });

export interface WatchedPage {
  page: Page;
  errors: string[];
  screenshot: (name: string) => Promise<void>;
}

/** Whether the page fits its screen's width: nothing runs off the right edge (a phone scrolls only down). */
export async function fitsTheScreen(page: Page): Promise<boolean> {
  // Evaluated from a string: the tests' type check has no DOM library.
  const widths = await page.evaluate<{ page: number; screen: number }>(
    '({ page: document.documentElement.scrollWidth, screen: innerWidth })',
  );
  return widths.page <= widths.screen;
}

/** A fresh page (its own storage) that records console errors and uncaught exceptions. */
export async function openPage(browser: Browser, options: { mobile?: boolean } = {}): Promise<WatchedPage> {
  const context = await browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: options.mobile ? { width: 390, height: 844 } : { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  return {
    page,
    errors,
    screenshot: async (name) => {
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
    },
  };
}
