/**
 * The widget details a team notices, in Chromium: Tab order with a visible focus, follow-ups sent with history,
 * the PDF page on cards, <rag-chat inline>, the hint without starter questions, the demo page's language, and the
 * chat button kept off the text of the pages on phones (screenshots in artifacts/).
 */
import { copyFile, mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime } from '../src/runtime.js';
import { startServer, type ServerHandle } from '../src/server/serve.js';
import { REPO_ROOT, createTempProject } from './helpers/temp-project.js';
import { ARTIFACTS_DIR, CHROMIUM_PATH, W, ask, canRunBrowser } from './widget-browser-harness.js';

if (!canRunBrowser) console.warn('Skipping the widget team-details browser tests: /usr/bin/chromium is missing (apt-get install chromium fonts-noto-core).');

const PDF = '002_23fe508d9d363cf9.pdf';
const PDF_QUESTION = 'Quali aziende avevano criticato il certificato di sicurezza proposto nel 2019?';
const FIRST = 'Quali movimenti di opposizione sono stati proibiti?';
const FOLLOW_UP = 'Perché sono stati definiti così?';

describe.skipIf(!canRunBrowser)('widget details in a browser', () => {
  let browser: Browser;
  let server: ServerHandle;
  const pages: Page[] = [];
  const newPage = async (viewport = { width: 1200, height: 900 }, mobile = false) => {
    const page = await browser.newPage({ viewport, ...(mobile && { deviceScaleFactor: 2, isMobile: true, hasTouch: true }) });
    pages.push(page);
    return page;
  };
  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS_DIR, name) });
  const shadowActive = (page: Page) =>
    page.evaluate(() => {
      const active = document.querySelector('rag-chat')!.shadowRoot!.activeElement as HTMLElement | null;
      if (!active) return null;
      const style = getComputedStyle(active);
      return { tag: active.tagName, className: active.className, outline: `${style.outlineStyle} ${style.outlineWidth}` };
    });

  beforeAll(async () => {
    const { config, corpusDir } = await createTempProject({ RETRIEVAL: 'lexical' });
    await copyFile(path.join(REPO_ROOT, 'test/fixtures/documents', PDF), path.join(corpusDir, PDF));
    const runtime = await createRuntime(config, { log: () => {} });
    server = await startServer(runtime.app, { host: '127.0.0.1', port: 0, handleSignals: false, shutdownGraceMs: 100 });
    await mkdir(ARTIFACTS_DIR, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    (server?.server as Server | undefined)?.closeAllConnections();
    await server?.close();
  });

  it('tabs from the question to Send, the answer’s chips, cards, copy and feedback, then the header, then out, each with a visible focus', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/?lang=it`);
    await ask(page, PDF_QUESTION);
    await page.locator(W.input).focus();
    const order: string[] = [];
    for (let i = 0; i < 40; i += 1) {
      const active = await shadowActive(page);
      if (!active) break;
      order.push(active.className || active.tag.toLowerCase());
      // Keyboard focus must show: the widget's outline, 3 px solid.
      expect(active.outline, `focus on ${active.className || active.tag}`).toMatch(/^solid [23]px$/);
      await page.keyboard.press('Tab');
    }
    const kinds = order.map((c) => (c.split(' ')[0] === 'action' ? (c.includes('copy') ? 'copy' : 'feedback') : c.split(' ')[0]));
    const first = (kind: string) => kinds.indexOf(kind);
    expect(kinds[0]).toBe('textarea');
    expect(kinds[1]).toBe('send');
    expect(first('chip')).toBe(2);
    expect(first('source')).toBeGreaterThan(first('chip'));
    expect(first('copy')).toBeGreaterThan(first('source'));
    expect(first('feedback')).toBeGreaterThan(first('copy'));
    expect(first('icon-button')).toBeGreaterThan(first('feedback'));
    // After the header, focus has left the widget for the page.
    expect(await shadowActive(page)).toBeNull();
    // Shift+Tab from the question box goes back to the launcher that opened the panel.
    await page.locator(W.input).focus();
    await page.keyboard.press('Shift+Tab');
    expect((await shadowActive(page))?.className).toBe('launcher');
  });

  it('shows the PDF page on the citation card', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/?lang=it`);
    await ask(page, PDF_QUESTION);
    const card = page.locator(`${W.lastAnswer} .source`, { hasText: PDF }).first();
    expect(await card.locator('.para').textContent()).toMatch(/^pagina \d+ · paragrafo \d+$/);
    await shot(page, 'widget-pdf-page-card.png');
  });

  it('sends the previous turns with a follow-up question', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/?lang=it`);
    const bodies: { question: string; history?: { question: string; answer?: string }[] }[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/ask/stream')) bodies.push(JSON.parse(request.postData() ?? '{}'));
    });
    await ask(page, FIRST);
    await page.locator(W.input).fill(FOLLOW_UP);
    await page.locator(W.input).press('Enter');
    await page.locator(`rag-chat .turn:nth-child(2) .bot[data-state="done"]`).waitFor({ timeout: 15_000 });
    expect(bodies[0]!.history).toBeUndefined();
    expect(bodies[1]!.history?.[0]?.question).toBe(FIRST);
    expect(bodies[1]!.history?.[0]?.answer?.length).toBeGreaterThan(0);
    expect(await page.locator(`rag-chat .turn:nth-child(2) .source`).first().textContent()).toContain('002_23fe508d9d363cf9');
  });

  it('sits where <rag-chat inline> is placed and fills its container', async () => {
    const page = await newPage();
    // A host page of our own making (served by the test through the browser, never by the server).
    await page.route(`${server.url}/customer-inline`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><body style="margin:0"><h1 style="margin:0;height:80px">Help centre</h1>
<div id="box" style="width:460px;height:540px;margin-left:40px"><rag-chat inline endpoint="${server.url}"></rag-chat></div>
<p id="after">Text after the chat.</p><script src="${server.url}/widget.js" defer></script></body></html>`,
      }),
    );
    await page.goto(`${server.url}/customer-inline`);
    await page.locator(W.panel).waitFor({ timeout: 5000 });
    const box = (await page.locator('#box').boundingBox())!;
    const panel = (await page.locator(W.panel).boundingBox())!;
    for (const key of ['x', 'y', 'width', 'height'] as const) expect(Math.abs(panel[key] - box[key]), key).toBeLessThanOrEqual(1);
    expect(await page.locator(W.launcher).isVisible()).toBe(false);
    expect(await page.locator('rag-chat .header .icon-button:visible').count()).toBe(1); // no close button
    const after = (await page.locator('#after').boundingBox())!;
    expect(after.y).toBeGreaterThanOrEqual(box.y + box.height);
    await page.keyboard.press('Escape');
    expect(await page.locator(W.panel).isVisible()).toBe(true);
    await shot(page, 'widget-inline.png');
  });

  it('says what can be asked when no starter questions are set', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/?lang=en`);
    await page.locator(W.launcher).click();
    const hint = page.locator('rag-chat .start-hint');
    await hint.waitFor();
    expect(await hint.textContent()).toContain('Follow-up questions');
    await shot(page, 'widget-start-hint.png');
  });

  it('follows ?lang on the demo page, page and widget alike', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/?lang=ar`);
    expect(await page.locator('h1').textContent()).toBe('اسأل الوثائق');
    expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe('rtl');
    await page.locator(W.launcher).click();
    expect(await page.locator('rag-chat .root').getAttribute('dir')).toBe('rtl');
    await shot(page, 'demo-page-ar.png');
  });

  for (const [name, url] of [
    ['source-page', `/sources/${encodeURIComponent('002_23fe508d9d363cf9.txt')}`],
    ['demo-page', '/?lang=kk'],
  ] as const) {
    it(`keeps the chat button off the text of the ${name} on a phone`, async () => {
      const page = await newPage({ width: 360, height: 740 }, true);
      await page.goto(`${server.url}${url}`);
      await page.locator(W.launcher).waitFor();
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      for (const [i, y] of [0, height / 3, height].entries()) {
        await page.evaluate((top) => window.scrollTo(0, top), y);
        const launcher = (await page.locator(W.launcher).boundingBox())!;
        const dock = (await page.locator('.chat-dock').boundingBox())!;
        // The button lies inside the bar…
        expect(launcher.y).toBeGreaterThanOrEqual(dock.y);
        expect(launcher.y + launcher.height).toBeLessThanOrEqual(dock.y + dock.height + 0.5);
        // …and the bar, not text, is what shows around it.
        const beside = await page.evaluate(([x, top]) => document.elementFromPoint(x, top)?.className, [launcher.x - 8, launcher.y + launcher.height / 2] as const);
        expect(beside).toBe('chat-dock');
        await page.screenshot({ path: path.join(ARTIFACTS_DIR, `phone-${name}-${i}.png`) });
      }
      // The last line can be scrolled clear of the bar.
      const lastText = await page.evaluate(() => {
        const blocks = [...document.querySelectorAll('main p, main td')];
        return blocks.at(-1)!.getBoundingClientRect().bottom;
      });
      const dockTop = (await page.locator('.chat-dock').boundingBox())!.y;
      expect(lastText).toBeLessThanOrEqual(dockTop);
    });
  }
});
