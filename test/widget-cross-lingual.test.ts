/**
 * Cross-lingual answers in the widget, in Chromium: the confidence state in words, the lead line in the asker's
 * language, each quote a block of its own direction with its aligned words marked, the gloss, "not found" passages
 * under a heading that says they are not answers, and the Translate control (hidden without the browser's
 * Translator, wired to it when there is one). Answers are hand-made from real corpus paragraphs and laid out by
 * presentAnswer, so the layout is tested whatever the answerer decides; screenshots are saved for a person to look at.
 */
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildCitations } from '../src/answer/citations.js';
import { presentAnswer } from '../src/answer/present-answer.js';
import { splitSentences } from '../src/answer/sentences.js';
import type { AnswerResult, GlossTerm } from '../src/answer/types.js';
import { documentTitle } from '../src/corpus/document-title.js';
import type { DetectedLanguage } from '../src/corpus/types.js';
import { corpusParagraphs, hitsFromCorpus } from './helpers/corpus-hits.js';
import { ARTIFACTS_DIR, ask, canRunBrowser, startHarness, W, type Harness } from './widget-browser-harness.js';

if (!canRunBrowser) console.warn('Skipping the cross-lingual widget tests: /usr/bin/chromium is missing (apt-get install chromium fonts-noto-core).');

const ARABIC_FILE = '000_68c45a22bf89f6e7.txt';
const ITALIAN_FILE = '002_23fe508d9d363cf9.txt';

/** An answer quoting sentence `sentence` of paragraph `paragraph`, with `gloss` words (and their spans) aligned. */
function handMade(
  question: string,
  asker: DetectedLanguage,
  source: { file: string; language: DetectedLanguage; paragraph: number; sentence: number; nearest: number },
  gloss: { question: string; source: string }[],
  support: AnswerResult['support'] = 'answered',
) {
  const title = documentTitle({ file: source.file, paragraphs: corpusParagraphs(source.file).map((text) => ({ text })) });
  const hits = hitsFromCorpus(source.file, source.language, [source.nearest, source.paragraph], { title });
  const citations = buildCitations(hits);
  const text = citations[1].text;
  const quoted = splitSentences(text)[source.sentence];
  const highlights = gloss.map((g) => ({ start: text.indexOf(g.source, quoted.start), end: text.indexOf(g.source, quoted.start) + g.source.length }));
  citations[1] = { ...citations[1], quotes: support === 'none' ? [] : [{ start: quoted.start, end: quoted.end }], highlights: support === 'none' ? [] : highlights };
  const terms: GlossTerm[] = support === 'none' ? [] : gloss.map((g) => ({ ...g, citation: 2 }));
  const result: AnswerResult = {
    answer: support === 'none' ? 'No passage.' : `Framing words: ${quoted.text} [2]`,
    citations,
    grounded: support === 'answered',
    support,
    gloss: terms,
    warnings: [],
  };
  const presented = presentAnswer(result, asker);
  return {
    question,
    language: asker,
    ...presented,
    retrieval: { mode: 'hybrid', model: 'hand-made' },
    timingsMs: { retrieve: 1, answer: 1, total: 2 },
  };
}

const ENGLISH_FROM_ARABIC = handMade(
  'What is the Unfreedom Monitor?',
  'en',
  { file: ARABIC_FILE, language: 'ar', paragraph: 3, sentence: 1, nearest: 4 },
  [
    { question: 'Unfreedom Monitor', source: 'مرصد لا-حرية' },
    { question: 'research initiative', source: 'مبادرة بحثية' },
  ],
);
const ARABIC_FROM_ITALIAN = handMade(
  'متى ستُجرى انتخابات المجلس في كازاخستان؟',
  'ar',
  { file: ITALIAN_FILE, language: 'it', paragraph: 1, sentence: 0, nearest: 2 },
  [
    { question: 'متى', source: 'Il 10 gennaio' },
    { question: 'انتخابات المجلس', source: 'elezioni per il Majilis' },
  ],
);
const NOT_FOUND = handMade('Who won the 1998 football cup?', 'en', { file: ARABIC_FILE, language: 'ar', paragraph: 3, sentence: 1, nearest: 4 }, [], 'none');

const ENGLISH_QUOTE = ENGLISH_FROM_ARABIC.citations[0].text.slice(
  ENGLISH_FROM_ARABIC.citations[0].quotes[0].start - ENGLISH_FROM_ARABIC.citations[0].start,
  ENGLISH_FROM_ARABIC.citations[0].quotes[0].end - ENGLISH_FROM_ARABIC.citations[0].start,
);

/** The stream a server sends for `response`: the passages, one delta, then the whole response. */
function sse(response: object & { citations: unknown; answer: string }): string {
  const event = (name: string, data: unknown) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
  return event('citations', response.citations) + event('delta', { text: response.answer }) + event('done', response);
}

/** A fake `Translator` (the on-device translation web API) that records what it was asked. */
const FAKE_TRANSLATOR = `
  window.__translations = [];
  window.Translator = {
    availability: async (o) => (o.sourceLanguage === 'kk' ? 'unavailable' : 'available'),
    create: async (o) => ({ translate: async (text) => { window.__translations.push({ ...o, text }); return 'On-device translation of ' + text.length + ' characters'; } }),
  };`;

/** A browser without on-device translation (Chromium exposes `Translator` on secure origins, 127.0.0.1 included). */
const NO_TRANSLATOR = 'delete window.Translator;';

describe.skipIf(!canRunBrowser)('cross-lingual answers in the widget', () => {
  let harness: Harness;
  let context: BrowserContext;

  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness?.close());
  afterEach(() => context?.close());

  async function pageAnswering(response: ReturnType<typeof handMade>, options: { width: number; height: number; phone?: boolean; translator?: 'absent' | 'fake' }): Promise<Page> {
    context = await harness.browser.newContext({
      viewport: { width: options.width, height: options.height },
      ...(options.phone && { isMobile: true, hasTouch: true, deviceScaleFactor: 3 }),
    });
    const page = await context.newPage();
    if (options.translator) await page.addInitScript(options.translator === 'fake' ? FAKE_TRANSLATOR : NO_TRANSLATOR);
    await page.route(`${harness.url}/api/ask/stream`, (route) =>
      route.fulfill({ status: 200, headers: { 'content-type': 'text/event-stream' }, body: sse(response) }),
    );
    await page.goto(`${harness.url}/?lang=${response.language}`);
    await ask(page, response.question);
    return page;
  }

  const bot = (page: Page) => page.locator(W.lastAnswer);

  for (const [name, response, quoteLang, quoteDir, askerDir] of [
    ['english-from-arabic', ENGLISH_FROM_ARABIC, 'ar', 'rtl', 'ltr'],
    ['arabic-from-italian', ARABIC_FROM_ITALIAN, 'it', 'ltr', 'rtl'],
  ] as const) {
    it(`${name}: state in words, lead in the asker's language, the quote a ${quoteDir} block, gloss; desktop and 390-px phone screenshots`, async () => {
      for (const size of [{ width: 1280, height: 900, label: 'desktop' }, { width: 390, height: 844, phone: true, label: 'phone-390' }]) {
        const page = await pageAnswering(response, { ...size, translator: 'absent' });
        const answer = bot(page);
        expect(await answer.locator('.confidence').getAttribute('data-support')).toBe('answered');
        expect(await answer.locator('.confidence').innerText()).toMatch(response.language === 'en' ? /Answered from the documents/ : /أُجيب من الوثائق/);
        const lead = answer.locator('.answer > .lead');
        expect(await lead.getAttribute('dir')).toBe(askerDir);
        expect(await lead.getAttribute('lang')).toBe(response.language);
        expect((await lead.innerText()).trim()).toBe(response.lead);
        const quote = answer.locator('.answer blockquote.quote');
        expect(await quote.count()).toBe(1);
        expect(await quote.getAttribute('lang')).toBe(quoteLang);
        expect(await quote.getAttribute('dir')).toBe(quoteDir);
        expect(await quote.locator('.chip').innerText()).toBe('1');
        expect(await quote.locator('mark.aligned').allInnerTexts()).toEqual(response.gloss.map((g) => g.source));
        expect(await answer.locator('.gloss li').allInnerTexts()).toEqual(response.gloss.map((g) => `${g.question} ↔ ${g.source}`));
        // A browser without the Translator API: no Translate control.
        expect(await page.evaluate(() => 'Translator' in globalThis)).toBe(false);
        expect(await answer.locator('.translate').count()).toBe(0);
        await answer.scrollIntoViewIfNeeded();
        await page.screenshot({ path: path.join(ARTIFACTS_DIR, `cross-lingual-${name}-${size.label}.png`), scale: 'css' });
        await context.close();
      }
    });
  }

  it('offers Translate when the browser has an on-device Translator, and shows its translation in the asker’s language', async () => {
    const page = await pageAnswering(ENGLISH_FROM_ARABIC, { width: 1280, height: 900, translator: 'fake' });
    const button = bot(page).locator('.quote-wrap .translate');
    await button.waitFor();
    expect(await button.innerText()).toBe('Translate');
    await button.click();
    const translation = bot(page).locator('.translation');
    await translation.waitFor();
    expect(await translation.innerText()).toMatch(/^On-device translation of \d+ characters$/);
    expect(await translation.getAttribute('lang')).toBe('en');
    const calls = (await page.evaluate(() => (window as unknown as { __translations: unknown[] }).__translations)) as { sourceLanguage: string; targetLanguage: string; text: string }[];
    expect(calls).toEqual([{ sourceLanguage: 'ar', targetLanguage: 'en', text: ENGLISH_QUOTE }]);
    expect(await button.innerText()).toBe('Hide translation');
    await button.click();
    expect(await translation.isHidden()).toBe(true);
  });

  it('a language model’s English text is a left-to-right block, with the Arabic original beside it as a right-to-left quote block', async () => {
    const cited = ENGLISH_FROM_ARABIC.citations[0];
    const generated = presentAnswer(
      { ...ENGLISH_FROM_ARABIC, answer: 'The Unfreedom Monitor is a research initiative of Global Voices Advox [1].', citations: [{ ...cited, quotes: [] }], gloss: [] },
      'en',
    );
    const page = await pageAnswering({ ...ENGLISH_FROM_ARABIC, ...generated }, { width: 1280, height: 900, translator: 'absent' });
    const answer = bot(page);
    const line = answer.locator('.answer > .answer-line');
    expect(await line.getAttribute('dir')).toBe('ltr');
    expect(await line.innerText()).toMatch(/^The Unfreedom Monitor is a research initiative of Global Voices Advox/);
    // Nothing was quoted: the cited excerpt stands beside the answer, whole, in its own direction.
    const original = answer.locator('.answer blockquote.quote.original');
    expect(await original.getAttribute('dir')).toBe('rtl');
    expect(await original.getAttribute('lang')).toBe('ar');
    expect((await original.innerText()).replace(/\s*1$/, '')).toBe(cited.text);
    expect(await answer.locator('.gloss').count()).toBe(0);
  });

  it('"not found" says so in words and lists the nearest passages under a heading that says they are not answers', async () => {
    const page = await pageAnswering(NOT_FOUND, { width: 1280, height: 900 });
    const answer = bot(page);
    expect(await answer.locator('.confidence').innerText()).toMatch(/Not found in the documents/);
    expect(await answer.locator('.answer blockquote').count()).toBe(0);
    expect(await answer.locator('.sources h3').innerText()).toMatch(/Nearest passages — these do not answer the question/i);
    expect(await answer.locator('.gloss').count()).toBe(0);
  });
});

