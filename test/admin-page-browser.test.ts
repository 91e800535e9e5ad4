/** The /admin page in Chromium: key, list, upload by picker and by drag-and-drop, delete with confirmation, build status, phone width. */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime } from '../src/runtime.js';
import { startServer, type ServerHandle } from '../src/server/serve.js';
import { createTempProject } from './helpers/temp-project.js';
import { ARTIFACTS_DIR, CHROMIUM_PATH, canRunBrowser } from './widget-browser-harness.js';

if (!canRunBrowser) console.warn('Skipping the admin page browser tests: /usr/bin/chromium is missing (apt-get install chromium fonts-noto-core).');

const ADMIN_KEY = 'admin-page-test-key-0123456789';

describe.skipIf(!canRunBrowser)('the admin page', () => {
  let browser: Browser;
  let server: ServerHandle;
  let page: Page;
  const row = (file: string) => page.locator(`#documents tr[data-file="${file}"]`);

  beforeAll(async () => {
    if (!existsSync(CHROMIUM_PATH)) throw new Error(`CI must run the browser tests, but ${CHROMIUM_PATH} is missing.`);
    const { config } = await createTempProject({ RETRIEVAL: 'lexical', ADMIN_API_KEY: ADMIN_KEY });
    const runtime = await createRuntime(config, { log: () => {} });
    server = await startServer(runtime.app, { host: '127.0.0.1', port: 0, handleSignals: false, shutdownGraceMs: 100 });
    await mkdir(ARTIFACTS_DIR, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
    page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    (server?.server as import('node:http').Server | undefined)?.closeAllConnections();
    await server?.close();
  });

  it('asks for the key, refuses a wrong one, then lists the documents', async () => {
    await page.goto(`${server.url}/admin`);
    await page.fill('#admin-key', 'wrong');
    await page.click('#key-form button');
    await expect.poll(() => page.textContent('#message')).toContain('ADMIN_API_KEY');
    await page.fill('#admin-key', ADMIN_KEY);
    await page.click('#key-form button');
    await page.locator('#documents tr').first().waitFor();
    expect(await page.locator('#documents tr').count()).toBe(5);
    expect(await page.locator('#key-form').isVisible()).toBe(false);
    expect(await page.textContent('#status')).toContain('Index loaded');
    // Titles in Arabic are laid out right to left inside the left-to-right page.
    const directions = await page.locator('#documents .doc-title').evaluateAll((titles) => titles.map((t) => [t.textContent, getComputedStyle(t).direction]));
    const arabic = directions.filter(([text]) => /[\u0600-\u06FF]/.test(text ?? ''));
    expect(arabic.length).toBeGreaterThan(0);
    for (const [, direction] of arabic) expect(direction).toBe('rtl');
  });

  it('uploads with the file picker and shows the build finishing', async () => {
    await page.setInputFiles('#files', { name: 'quokka.txt', mimeType: 'text/plain', buffer: Buffer.from('The quokkaberry orchard\n\nPlanted in 1911 near Almaty.\n') });
    await row('quokka.txt').locator('.badge.indexed').waitFor({ timeout: 20_000 });
    await expect.poll(() => page.textContent('#status'), { timeout: 20_000 }).toContain('Index up to date');
    expect(await page.textContent('#status')).toContain('added quokka.txt');
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'admin-desktop.png'), fullPage: true });
  });

  it('uploads a dropped file, and lists a file the build skipped with the reason', async () => {
    const transfer = await page.evaluateHandle(() => {
      const data = new DataTransfer();
      data.items.add(new File(['%PDF-1.7 not really a PDF'], 'broken.pdf', { type: 'application/pdf' }));
      return data;
    });
    await page.dispatchEvent('#drop', 'drop', { dataTransfer: transfer });
    await row('broken.pdf').locator('.badge.skipped').waitFor({ timeout: 20_000 });
    expect(await row('broken.pdf').textContent()).toMatch(/PDF/);
    await expect.poll(() => page.textContent('#status')).toContain('Skipped files');
  });

  it('refuses a bad upload with the server’s reason', async () => {
    await page.setInputFiles('#files', { name: 'fake.pdf', mimeType: 'application/pdf', buffer: Buffer.from('plain text') });
    await expect.poll(() => page.textContent('#message')).toContain('is not a PDF');
    expect(await row('fake.pdf').count()).toBe(0);
  });

  it('deletes only after confirmation', async () => {
    page.once('dialog', (dialog) => void dialog.dismiss());
    await row('quokka.txt').locator('button').click();
    await page.waitForTimeout(300);
    expect(await row('quokka.txt').count()).toBe(1);
    page.once('dialog', (dialog) => {
      expect(dialog.message()).toContain('quokka.txt');
      void dialog.accept();
    });
    await row('quokka.txt').locator('button').click();
    await row('quokka.txt').waitFor({ state: 'detached', timeout: 20_000 });
    await expect.poll(() => page.textContent('#status'), { timeout: 20_000 }).toContain('deleted quokka.txt');
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const phone = await browser.newPage({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    await phone.goto(`${server.url}/admin`);
    await phone.fill('#admin-key', ADMIN_KEY);
    await phone.tap('#key-form button');
    await phone.locator('#documents tr').first().waitFor();
    const widths = await phone.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(widths[0]).toBeLessThanOrEqual(widths[1]!);
    await phone.screenshot({ path: path.join(ARTIFACTS_DIR, 'admin-phone-360.png'), fullPage: true });
    await phone.close();
  });
});
