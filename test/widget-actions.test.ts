/** Starter questions, copy and feedback in a real browser (Debian's Chromium) against the real server. */
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFeedback } from '../src/feedback/feedback-store.js';
import { renderDislikedAnswers } from '../src/feedback/disliked-report.js';
import { ARTIFACTS_DIR, canRunBrowser, PAGE_SUGGESTIONS, SERVER_SUGGESTIONS, startHarness, W, type Harness } from './widget-browser-harness.js';

if (!canRunBrowser) console.warn('Skipping the widget action tests: /usr/bin/chromium is missing (apt-get install chromium fonts-noto-core).');

describe.skipIf(!canRunBrowser)('suggestions, copy and feedback in the widget', () => {
  let harness: Harness;
  let context: BrowserContext;

  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness?.close());
  afterEach(() => context?.close());

  async function newPage(origin: string): Promise<Page> {
    context = await harness.browser.newContext({ viewport: { width: 1280, height: 860 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    return context.newPage();
  }
  const suggestionTexts = (page: Page) => page.locator('rag-chat .suggestion').allTextContents();
  /** The last answer as the server sent it (the widget keeps finished turns in sessionStorage). */
  const lastAnswerText = (page: Page) =>
    page.evaluate((key) => (JSON.parse(sessionStorage.getItem(key)!) as { response: { answer: string } }[]).at(-1)!.response.answer, `rag-chat:${harness.url}`);

  it('offers the server’s starter questions in the widget’s language, none where it has none, and the page’s own first', async () => {
    const page = await newPage(harness.url);
    await page.goto(`${harness.url}/?lang=it`);
    await page.locator(W.launcher).click();
    await expect.poll(() => suggestionTexts(page)).toEqual(SERVER_SUGGESTIONS.it);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'widget-suggestions.png') });
    await page.locator('rag-chat .suggestion').first().click();
    await page.locator(W.done).waitFor({ timeout: 15_000 });
    expect(await page.locator('rag-chat .msg.user').textContent()).toContain(SERVER_SUGGESTIONS.it[0]);

    await page.evaluate(() => sessionStorage.clear()); // a fresh conversation, which shows the welcome text
    await page.goto(`${harness.url}/?lang=kk`);
    await page.locator(W.launcher).click();
    await page.locator('rag-chat .welcome').waitFor();
    await page.waitForTimeout(300);
    expect(await page.locator('rag-chat .suggestion').count()).toBe(0);

    await page.goto(`${harness.customerUrl}?suggestions`);
    await page.locator(W.launcher).click();
    await expect.poll(() => suggestionTexts(page)).toEqual(PAGE_SUGGESTIONS);
  });

  it('copies an answer with its sources as plain text', async () => {
    const page = await newPage(harness.url);
    await page.goto(`${harness.url}/?lang=it`);
    await page.locator(W.launcher).click();
    await page.locator('rag-chat .suggestion').first().click();
    await page.locator(W.done).waitFor({ timeout: 15_000 });
    await page.locator(`${W.lastAnswer} .action.copy`).click();
    await expect.poll(() => page.locator(`${W.lastAnswer} .action-note`).textContent()).toBe('Copiato');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.startsWith(`${await lastAnswerText(page)}\n\n`)).toBe(true);
    expect(copied).toMatch(/\nFonti\n\[\d+\] .+ \(\d{3}_\w+\.txt, paragrafo \d+\): "/); // the document's title, then file and paragraph
  });

  it('sends thumbs down with a comment to /api/feedback, where the eval listing finds it', async () => {
    const page = await newPage(harness.url);
    await page.goto(`${harness.url}/?lang=it`);
    await page.locator(W.launcher).click();
    await page.locator('rag-chat .suggestion').nth(1).click();
    await page.locator(W.done).waitFor({ timeout: 15_000 });
    await page.locator(`${W.lastAnswer} .action[aria-label="Risposta sbagliata o inutile"]`).click();
    await page.locator(`${W.lastAnswer} .feedback-comment`).fill('Manca la data esatta.');
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'widget-feedback.png') });
    await page.locator(`${W.lastAnswer} .feedback-form button`).click();
    await expect.poll(() => page.locator(`${W.lastAnswer} .action-note`).textContent()).toBe('Grazie per il commento.');

    const { records } = await readFeedback(harness.feedbackDir);
    const record = records.find((r) => r.comment === 'Manca la data esatta.')!;
    expect(record).toMatchObject({ verdict: 'down', question: SERVER_SUGGESTIONS.it[1], language: 'it', answerRequestId: expect.any(String) });
    expect(record.answer).toBe(await lastAnswerText(page));
    expect(record.citations.length).toBeGreaterThan(0);
    expect(Object.keys(record).sort()).toEqual(['answer', 'answerRequestId', 'citations', 'comment', 'language', 'question', 'receivedAt', 'verdict']);
    expect(renderDislikedAnswers(records)).toContain(`Question: ${SERVER_SUGGESTIONS.it[1]}`);
  });
});
