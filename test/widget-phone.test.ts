/** The widget and the pages under real phone emulation (touch, device scale factor 3, the page's viewport meta), plus screenshots of every language. */
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, ask, canRunBrowser, MIXED_FILE, MIXED_LINES, startHarness, W, type Harness } from './widget-browser-harness.js';

if (!canRunBrowser) console.warn('Skipping the phone layout tests: /usr/bin/chromium is missing (apt-get install chromium fonts-noto-core).');

const PHONES = [
  { name: 'phone-360', width: 360, height: 740 },
  { name: 'phone-390', width: 390, height: 844 },
  { name: 'phone-360-landscape', width: 740, height: 360 },
  { name: 'phone-390-landscape', width: 844, height: 390 },
];

const QUESTIONS = {
  it: 'Quanti prigionieri politici ci sono in Kazakistan?',
  ar: 'كيف يراقب النظام في كازاخستان الإنترنت؟',
  kk: 'Amnesty International Қазақстан билігін неге шақырды?',
  en: 'What did Amnesty International ask the authorities of Kazakhstan?',
} as const;

/** Everything a page shows sideways beyond the screen, and the visual viewport's rectangle in layout coordinates. */
function pageFacts(page: Page) {
  return page.evaluate(() => {
    const vv = window.visualViewport!;
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      viewport: { left: vv.offsetLeft, top: vv.offsetTop, right: vv.offsetLeft + vv.width, bottom: vv.offsetTop + vv.height },
    };
  });
}

/** The element's rectangle lies inside the visual viewport (half a pixel of rounding allowed). */
async function expectInsideViewport(page: Page, selector: string): Promise<void> {
  await page.locator(selector).first().scrollIntoViewIfNeeded();
  const { viewport } = await pageFacts(page);
  const box = await page.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  });
  const where = `${selector} ${JSON.stringify(box)} in ${JSON.stringify(viewport)}`;
  expect(box.left, where).toBeGreaterThanOrEqual(viewport.left - 0.5);
  expect(box.top, where).toBeGreaterThanOrEqual(viewport.top - 0.5);
  expect(box.right, where).toBeLessThanOrEqual(viewport.right + 0.5);
  expect(box.bottom, where).toBeLessThanOrEqual(viewport.bottom + 0.5);
}

async function expectNoSideScroll(page: Page, what: string): Promise<void> {
  const facts = await pageFacts(page);
  expect(facts.scrollWidth, `${what}: page is ${facts.scrollWidth}px wide on a ${facts.innerWidth}px screen`).toBeLessThanOrEqual(facts.innerWidth);
}

describe.skipIf(!canRunBrowser)('widget and pages on phones', () => {
  let harness: Harness;
  let context: BrowserContext;
  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS_DIR, name), scale: 'css' });

  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness?.close());
  afterEach(() => context?.close());

  async function phonePage(size: { width: number; height: number }): Promise<Page> {
    context = await harness.browser.newContext({ viewport: size, isMobile: true, hasTouch: true, deviceScaleFactor: 3 });
    return context.newPage();
  }

  for (const phone of PHONES) {
    it(`keeps the demo page, a plain host page and a source page inside a ${phone.width}×${phone.height} screen`, async () => {
      const page = await phonePage(phone);
      await page.goto(harness.url);
      await expectNoSideScroll(page, 'demo page');
      await shot(page, `${phone.name}-demo.png`);
      await expectInsideViewport(page, W.launcher);

      await page.locator(W.launcher).tap();
      await page.locator(W.panel).waitFor();
      for (const control of [W.panel, 'rag-chat .header .icon-button', 'rag-chat .send', W.input]) await expectInsideViewport(page, control);
      await ask(page, QUESTIONS.it);
      await expectNoSideScroll(page, 'demo page with the panel open');
      for (const control of [W.panel, 'rag-chat .send', `${W.lastAnswer} .action`]) await expectInsideViewport(page, control);
      await shot(page, `${phone.name}-answer.png`);
      expect(await page.locator('rag-chat .log').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);

      await page.goto(harness.customerUrl);
      await expectNoSideScroll(page, 'host page');
      await expectInsideViewport(page, W.launcher);

      const file = await page.evaluate(async (url) => (await (await fetch(`${url}/api/search?q=elezioni`)).json()).results[0].file as string, harness.url);
      await page.goto(`${harness.url}/sources/${encodeURIComponent(file)}`);
      await expectNoSideScroll(page, 'source page');
      await shot(page, `${phone.name}-source-page.png`);
      await expectInsideViewport(page, W.launcher);
    });
  }

  it('sizes the open panel to the visual viewport when it shrinks (as under the on-screen keyboard or a zoom)', async () => {
    const page = await phonePage({ width: 390, height: 844 });
    await page.goto(harness.url);
    await page.locator(W.launcher).tap();
    await page.locator(W.panel).waitFor();
    await expectInsideViewport(page, W.panel);
    // Shrink the visual viewport: the page is zoomed in 2×, as a keyboard would take the lower half of the screen.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setPageScaleFactor', { pageScaleFactor: 2 });
    await expect.poll(async () => (await pageFacts(page)).viewport.bottom - (await pageFacts(page)).viewport.top).toBeLessThan(500);
    await expect
      .poll(async () => {
        const { viewport } = await pageFacts(page);
        const r = await page.locator(W.panel).evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
        return Math.abs(r.height - (viewport.bottom - viewport.top)) < 1 && Math.abs(r.top - viewport.top) < 1;
      })
      .toBe(true);
    for (const control of ['rag-chat .send', 'rag-chat .header .icon-button', W.input]) await expectInsideViewport(page, control);
    await shot(page, 'phone-390-visual-viewport.png');
  });

  it('lays out each line of a mixed document in its own direction, on the source page and in the widget', async () => {
    const page = await phonePage({ width: 390, height: 844 });
    await page.goto(`${harness.url}/sources/${MIXED_FILE}?lang=en`);
    /** Where a line of text sits in its paragraph: flush left, flush right. */
    const alignment = (paragraph: string, line: string) =>
      page.locator(paragraph).evaluate((p, text) => {
        const node = [...p.childNodes].find((n) => n.textContent?.includes(text))!;
        const range = document.createRange();
        const at = node.textContent!.indexOf(text);
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        const line = range.getBoundingClientRect();
        const box = p.getBoundingClientRect();
        return { left: Math.round(line.left - box.left), right: Math.round(box.right - line.right) };
      }, line);
    expect((await alignment('#p-1 p', MIXED_LINES.english)).left).toBeLessThanOrEqual(1);
    expect((await alignment('#p-1 p', MIXED_LINES.english)).right).toBeGreaterThan(40);
    expect((await alignment('#p-2 p', MIXED_LINES.arabic)).right).toBeLessThanOrEqual(1);
    expect((await alignment('#p-2 p', MIXED_LINES.arabic)).left).toBeGreaterThan(40);
    expect(await page.locator('#p-1 p').getAttribute('dir')).toBe('auto');
    await shot(page, 'source-page-mixed-lines.png');

    // The widget's paragraph view: the Arabic line of the Italian paragraph sits flush right.
    await ask(page, 'Questo paragrafo italiano contiene una riga in arabo?');
    await page.locator(`${W.lastAnswer} .source`, { hasText: MIXED_FILE }).first().click();
    const view = page.locator(`${W.viewer} .paragraph`);
    await view.waitFor();
    const place = await view.evaluate((p, text) => {
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(text.slice(0, 8));
        if (at >= 0) {
          range.setStart(node, at);
          range.setEnd(node, node.textContent!.length);
          break;
        }
      }
      const line = range.getBoundingClientRect();
      const style = getComputedStyle(p);
      const box = p.getBoundingClientRect();
      return { right: Math.round(box.right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth) - line.right), width: line.width };
    }, MIXED_LINES.arabic);
    expect(place.width).toBeGreaterThan(50);
    expect(Math.abs(place.right)).toBeLessThanOrEqual(2);
    await shot(page, 'widget-mixed-lines.png');
  });

  for (const [lang, question] of Object.entries(QUESTIONS)) {
    it(`answers in ${lang} on a desktop and a phone, and shows the cited paragraph (screenshots saved)`, async () => {
      for (const device of ['desktop', 'phone'] as const) {
        context = await harness.browser.newContext(
          device === 'phone' ? { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 } : { viewport: { width: 1280, height: 860 } },
        );
        const page = await context.newPage();
        await page.goto(`${harness.url}/?lang=${lang}`);
        await ask(page, question);
        const bot = page.locator(W.lastAnswer);
        expect(await bot.locator('.answer').textContent()).toMatch(/\[\d+\]|\S/);
        await shot(page, `${lang}-${device}-answer.png`);
        await bot.locator('.source').first().click();
        await page.locator(`${W.viewer} .paragraph`).waitFor();
        if (device === 'phone') {
          await expectNoSideScroll(page, `${lang} source view`);
          await expectInsideViewport(page, `${W.viewer} .back`);
        }
        await shot(page, `${lang}-${device}-source.png`);
        await context.close();
      }
    });
  }
});
