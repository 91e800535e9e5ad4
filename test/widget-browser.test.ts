/** The widget in a real browser (Debian's Chromium) against the real server: asking, citations, direction, safety, failures, phones. */
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, ask, canRunBrowser, startHarness, W, XSS_MARKUP, XSS_QUESTION, type Harness } from './widget-browser-harness.js';

if (!canRunBrowser) console.warn('Skipping the widget browser tests: /usr/bin/chromium is missing (apt-get install chromium fonts-noto-core).');

const ITALIAN_QUESTION = 'Quanti prigionieri politici ci sono in Kazakistan?';
const ARABIC_QUESTION = 'كيف يراقب النظام في كازاخستان الإنترنت؟';
const KAZAKH_QUESTION = 'Amnesty International Қазақстан билігін неге шақырды?';

describe.skipIf(!canRunBrowser)('chat widget in a browser', () => {
  let harness: Harness;
  let context: BrowserContext;
  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS_DIR, name) });

  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness?.close());
  afterEach(() => context?.close());

  async function newPage(viewport = { width: 1280, height: 860 }): Promise<Page> {
    context = await harness.browser.newContext({ viewport });
    return context.newPage();
  }

  it('answers an Italian question with cited sources, and opens the cited paragraph and its neighbours', async () => {
    const page = await newPage();
    await page.goto(`${harness.url}/?lang=it`);
    await ask(page, ITALIAN_QUESTION);
    const answer = page.locator(`${W.lastAnswer} .answer`);
    await expect.poll(() => answer.textContent()).toMatch(/prigionieri politici/);
    expect(await answer.locator('.chip').count()).toBeGreaterThan(0);
    const source = page.locator(`${W.lastAnswer} .source`).first();
    expect(await source.locator('.file').textContent()).toMatch(/^\d{3}_\w+\.txt$/);
    expect(await source.locator('.para').textContent()).toMatch(/^paragrafo \d+$/);
    // The document's title leads, the file name goes under it.
    const documentTitle = (await source.locator('.doc-title').textContent())!;
    expect(documentTitle).toMatch(/^Il 10 gennaio si svolgeranno in Kazakistan/);
    const [titleBox, fileBox] = [await source.locator('.doc-title').boundingBox(), await source.locator('.file').boundingBox()];
    expect(fileBox!.y).toBeGreaterThanOrEqual(titleBox!.y + titleBox!.height - 1);
    await shot(page, 'widget-italian.png');

    const paragraph = Number((await source.locator('.para').textContent())!.match(/\d+/)![0]);
    await answer.locator('.chip').first().click();
    // The view highlights exactly the sentences the answer quoted, not the whole excerpt.
    await page.locator(`${W.viewer} mark`).first().waitFor();
    const marked = await page.locator(`${W.viewer} mark`).allTextContents();
    const answerText = (await answer.textContent())!;
    for (const sentence of marked) expect(answerText).toContain(sentence);
    expect(await page.locator(`${W.viewer} .viewer-title .para`).textContent()).toBe(`paragrafo ${paragraph}`);
    expect(await page.locator(`${W.viewer} .viewer-title .doc-title`).textContent()).toBe(documentTitle);
    const quotedHref = (await page.locator(`${W.viewer} .doc-link`).getAttribute('href'))!;
    expect(quotedHref).toMatch(new RegExp(`^${harness.url}/sources/\\d{3}_\\w+\\.txt\\?lang=it&highlight=${paragraph}%3A[\\d%2C-]+#quote-1$`));
    await shot(page, 'widget-source-paragraph.png');
    await page.locator(`${W.viewer} .nav.next`).click();
    await expect.poll(() => page.locator(`${W.viewer} .viewer-title .para`).textContent()).toBe(`paragrafo ${paragraph + 1}`);
    expect(await page.locator(`${W.viewer} mark`).count()).toBe(0);
    const href = (await page.locator(`${W.viewer} .doc-link`).getAttribute('href'))!;
    expect(href).toMatch(new RegExp(`^${harness.url}/sources/\\d{3}_\\w+\\.txt\\?lang=it#p-${paragraph + 1}$`));
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator(W.viewer).isVisible()).toBe(false);
    expect(await page.evaluate(() => document.querySelector('rag-chat')!.shadowRoot!.activeElement?.className)).toBe('chip');

    // The deep link behind the citation: the whole document, scrolled to the paragraph, which is highlighted.
    await page.goto(href);
    const target = page.locator(`#p-${paragraph + 1}`);
    expect(await target.evaluate((el) => el.matches(':target'))).toBe(true);
    await expect.poll(() => target.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })).toBe(true);
    await shot(page, 'source-page.png');

    // The quoted link: the same sentences marked on the page, the first one scrolled into view.
    await page.goto(quotedHref);
    expect(await page.locator('main mark').allTextContents()).toEqual(marked);
    await expect.poll(() => page.locator('#quote-1').evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })).toBe(true);
    expect(await page.locator('html').getAttribute('lang')).toBe('it');

    // The conversation follows the reader to other pages of the site (sessionStorage).
    await page.locator(W.launcher).click();
    expect(await page.locator('rag-chat .msg.user').textContent()).toContain(ITALIAN_QUESTION);
  });

  it('lays out an Arabic answer and its excerpts right to left', async () => {
    const page = await newPage();
    await page.goto(`${harness.url}/?lang=ar`);
    await ask(page, ARABIC_QUESTION);
    const bot = page.locator(W.lastAnswer);
    const answer = bot.locator('.answer');
    expect(await answer.getAttribute('lang')).toBe('ar');
    expect(await answer.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    expect(await bot.locator('.excerpt').first().evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    expect(await page.locator('rag-chat .panel').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    expect(await bot.locator('.source .file').first().textContent()).toMatch(/\.txt$/);
    expect(await bot.locator('.source .para').first().textContent()).toMatch(/^الفقرة \d+$/);
    const arabicTitle = bot.locator('.source .doc-title').first();
    expect(await arabicTitle.textContent()).toMatch(/\p{Script=Arabic}/u);
    expect(await arabicTitle.getAttribute('dir')).toBe('auto');
    expect(await arabicTitle.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    // The widget's text is set in a font that has Arabic letters (not a fallback box).
    expect(await page.locator(W.input).getAttribute('placeholder')).toBe('اكتب سؤالك…');
    await shot(page, 'widget-arabic.png');
  });

  it('shows markup from documents as text, and runs none of it, on a customer site with hostile CSS', async () => {
    const page = await newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(harness.customerUrl);
    await ask(page, XSS_QUESTION);
    const bot = page.locator(W.lastAnswer);
    expect(await bot.locator('.answer').textContent()).toContain(XSS_MARKUP);
    expect(await bot.locator('.excerpt').first().textContent()).toContain(XSS_MARKUP);
    expect(await bot.locator('.source .doc-title').first().textContent()).toBe(`Markup sample ${XSS_MARKUP}`);
    await bot.locator('.source').first().click();
    await expect.poll(() => page.locator(`${W.viewer} .paragraph`).textContent()).toContain(XSS_MARKUP);
    expect(await page.evaluate(() => document.querySelector('rag-chat')!.shadowRoot!.querySelectorAll('img').length)).toBe(0);
    // The page's `* { color: red !important }` and `button { display: none }` do not reach inside.
    expect(await page.locator(`${W.viewer} .paragraph`).evaluate((el) => getComputedStyle(el).color)).not.toBe('rgb(255, 0, 0)');
    expect(await page.locator(W.input).isVisible()).toBe(true);

    await page.goto(`${harness.url}/sources/zz_markup_sample.txt#p-2`);
    expect(await page.locator('#p-2 p').textContent()).toContain(XSS_MARKUP);
    expect(await page.locator('h1').textContent()).toBe(`Markup sample ${XSS_MARKUP}`);
    expect(await page.locator('main img').count()).toBe(0);
    await page.waitForTimeout(200);
    expect(dialogs).toEqual([]);
  });

  it('works as a <rag-chat> element, and explains a refused or slow request with a Retry that recovers', async () => {
    const page = await newPage();
    await page.route('**/api/ask/stream', (route) =>
      route.fulfill({ status: 429, contentType: 'application/json', body: JSON.stringify({ error: { code: 'rate_limited', message: 'Too many requests: wait 20 s.' } }) }),
    );
    await page.goto(`${harness.customerUrl}?element&timeout=1000`);
    await page.locator(W.panel).waitFor(); // `open` attribute: starts open
    // A light accent gets dark text, so it stays readable.
    expect(await page.locator('rag-chat .header').evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color])).toEqual(['rgb(255, 212, 0)', 'rgb(17, 17, 17)']);
    await ask(page, ITALIAN_QUESTION, W.failed);
    const error = page.locator(`${W.lastAnswer} .error`);
    expect(await error.locator('.error-lead').textContent()).toBe('Troppe domande in poco tempo. Attendi un momento e riprova.');
    expect(await error.locator('.error-detail').textContent()).toBe('Too many requests: wait 20 s.');

    await page.unroute('**/api/ask/stream');
    await page.route('**/api/ask/stream', () => undefined); // never answers: the client gives up after data-timeout
    await error.locator('.retry').click();
    await expect.poll(() => page.locator(`${W.lastAnswer} .status`).textContent()).toBe('Ricerca nei documenti…');
    await page.locator(W.failed).waitFor({ timeout: 5000 });
    expect(await page.locator(`${W.lastAnswer} .error-lead`).textContent()).toBe('Il server sta impiegando troppo tempo a rispondere.');

    await page.unroute('**/api/ask/stream');
    await page.locator(`${W.lastAnswer} .retry`).click();
    await page.locator(W.done).waitFor({ timeout: 10_000 });
    expect(await page.locator('rag-chat .turn').count()).toBe(1);
  });

  it('shows the error state and Retry when the server is stopped, and answers on Retry once it is back', async () => {
    const page = await newPage();
    await page.goto(harness.url);
    await page.locator(W.launcher).click();
    await harness.stopServer();
    try {
      await ask(page, ITALIAN_QUESTION, W.failed);
      expect(await page.locator(`${W.lastAnswer} .error-lead`).textContent()).toMatch(/Can’t reach the server/);
      expect(await page.locator(`${W.lastAnswer} .retry`).isVisible()).toBe(true);
      await shot(page, 'widget-server-down.png');
    } finally {
      await harness.startServer();
    }
    await page.locator(`${W.lastAnswer} .retry`).click();
    await page.locator(W.done).waitFor({ timeout: 10_000 });
  });

  it('shows an embed snippet with this server’s address filled in, which works on another site (no PUBLIC_URL)', async () => {
    const page = await newPage();
    await page.goto(harness.url);
    const snippet = (await page.locator('pre code').textContent())!;
    expect(snippet).toBe(`<script src="${harness.url}/widget.js" data-endpoint="${harness.url}" defer></script>`);
  });

  it('is usable by keyboard alone', async () => {
    const page = await newPage();
    await page.goto(harness.url);
    await page.locator(W.launcher).focus();
    await page.keyboard.press('Enter');
    const focusedClass = () => page.evaluate(() => document.querySelector('rag-chat')!.shadowRoot!.activeElement?.className ?? null);
    expect(await page.evaluate(() => document.querySelector('rag-chat')!.shadowRoot!.activeElement?.tagName)).toBe('TEXTAREA');
    await page.keyboard.type('first line');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('second line');
    expect(await page.locator(W.input).inputValue()).toBe('first line\nsecond line');
    await page.keyboard.press('Escape');
    expect(await page.locator(W.panel).isVisible()).toBe(false);
    expect(await focusedClass()).toBe('launcher');
    expect(await page.locator(W.launcher).getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('rag-chat .log').getAttribute('aria-live')).toBe('polite');
  });

  it('fits a 360-pixel-wide phone screen', async () => {
    const page = await newPage({ width: 360, height: 740 });
    await page.goto(`${harness.url}/?lang=kk`);
    await ask(page, KAZAKH_QUESTION);
    const box = (await page.locator(W.panel).boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    expect(box.y + box.height).toBeLessThanOrEqual(740);
    expect(await page.locator('rag-chat .log').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    expect(await page.locator(`${W.lastAnswer} .answer`).textContent()).toMatch(/Amnesty International/);
    await shot(page, 'widget-phone-kazakh.png');
  });
});
