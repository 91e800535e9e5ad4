/** The generative path answers in the asker's language: a reply in another language falls back, with a warning. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExtractiveAnswerer } from '../src/answer/extractive.js';
import { createGenerativeAnswerer, type LlmConfig } from '../src/answer/generative.js';
import { replyLanguageMismatch } from '../src/answer/reply-language.js';
import type { AnswerEvent, AnswerInput } from '../src/answer/types.js';
import { createRuntime } from '../src/runtime.js';
import { hitsFromCorpus } from './helpers/corpus-hits.js';
import { startFakeOpenAIServer, type FakeOpenAIServer } from './helpers/fake-openai-server.js';
import { createTempProject } from './helpers/temp-project.js';

const ARABIC_FILE = '000_68c45a22bf89f6e7.txt';
let server: FakeOpenAIServer;
let llm: LlmConfig;
beforeAll(async () => {
  server = await startFakeOpenAIServer();
  llm = { baseUrl: server.baseUrl, model: 'fake-model', timeoutMs: 2500 };
});
afterAll(() => server.close());

describe('replyLanguageMismatch', () => {
  it('names the language of a reply clearly written in another one', () => {
    expect(replyLanguageMismatch('Le elezioni per il Majilis si terranno il 10 gennaio, secondo la fonte [1].', 'en')).toBe('it');
    expect(replyLanguageMismatch('The elections to the Majilis will be held on 10 January, the source says [1].', 'kk')).toBe('en');
    expect(replyLanguageMismatch('Мәжіліс сайлауы 10 қаңтарда өтеді деп хабарланған [1].', 'ar')).toBe('kk');
  });

  it('accepts a reply in the question language, also when it quotes the original in another language', () => {
    expect(replyLanguageMismatch('The court sentenced him to probation (“حكمت المحكمة عليه بالسجن مع وقف التنفيذ لمدة ست سنوات”) [1].', 'en')).toBeUndefined();
    expect(replyLanguageMismatch('قضت المحكمة بسجنه مع وقف التنفيذ [1].', 'ar')).toBeUndefined();
  });

  it('accepts replies too short to tell, and questions of unknown language', () => {
    expect(replyLanguageMismatch('Sì [1].', 'en')).toBeUndefined();
    expect(replyLanguageMismatch('Le elezioni per il Majilis si terranno il 10 gennaio [1].', 'other')).toBeUndefined();
  });
});

describe('a generative answer to an English question over Arabic passages', () => {
  const input: AnswerInput = { question: 'What did the protesters in Kazakhstan demand?', language: 'en', hits: hitsFromCorpus(ARABIC_FILE, 'ar', [2, 3]) };
  const extractive = createExtractiveAnswerer();
  const answerer = () => createGenerativeAnswerer(llm, { fallback: extractive });

  it('is accepted in English, cited, and the prompt asks for English whatever the passages language', async () => {
    server.reply({ content: 'According to the passage, the protests began over fuel prices and turned political [1][2].' });
    const result = await answerer().answer(input);
    expect(result).toMatchObject({ grounded: true, support: 'answered', warnings: [] });
    expect(result.answer).toBe('According to the passage, the protests began over fuel prices and turned political [1][2].');
    const prompt = server.requests.at(-1)!.messages.map((m) => m.content).join('\n');
    expect(prompt).toContain('Write the whole answer in English');
    expect(prompt).toContain('give its meaning in English');
  });

  it('falls back to the extractive answer, framed in English, when the model replies in Arabic', async () => {
    server.reply({ content: 'بدأت الاحتجاجات بسبب ارتفاع أسعار الوقود ثم تحولت إلى مطالب سياسية [1].', pieces: ['بدأت الاحتجاجات بسبب ارتفاع أسعار الوقود', ' ثم تحولت إلى مطالب سياسية [1].'] });
    const expected = await extractive.answer(input);
    const result = await answerer().answer(input);
    expect(result.answer).toBe(expected.answer);
    expect(result.warnings).toEqual(['The language model answered in Arabic instead of English, so an extractive answer is shown instead.']);

    server.reply({ content: 'بدأت الاحتجاجات بسبب ارتفاع أسعار الوقود ثم تحولت إلى مطالب سياسية [1].', pieces: ['بدأت الاحتجاجات بسبب ارتفاع أسعار الوقود', ' ثم تحولت إلى مطالب سياسية [1].'] });
    const events: AnswerEvent[] = [];
    for await (const event of answerer().stream(input)) events.push(event);
    const last = events.at(-1)!;
    expect(last.type).toBe('result');
    if (last.type === 'result') expect(last.result).toMatchObject({ answer: expected.answer, warnings: [expect.stringContaining('answered in Arabic instead of English')] });
  });

  it('keeps an English reply whose markers partly point nowhere, removing those; falls back when none is valid', async () => {
    server.reply({ content: 'The protests began over fuel prices [1] and spread to every region [7].' });
    const partly = await answerer().answer(input);
    expect(partly.answer).toBe('The protests began over fuel prices [1] and spread to every region.');
    expect(partly.warnings).toEqual(['Removed citation markers that name no passage ([7]); only 2 passages were given.']);

    server.reply({ content: 'The protests began over fuel prices and spread to every region [5][6].' });
    const none = await answerer().answer(input);
    expect(none.warnings[0]).toMatch(/cited none of the passages/);
    expect(none.answer).toBe((await extractive.answer(input)).answer);
  });
});

describe('over HTTP', () => {
  it('POST /api/ask returns the fallback and the language warning when the model answers in the wrong language', async () => {
    const { config } = await createTempProject({ RETRIEVAL: 'lexical', LLM_BASE_URL: server.baseUrl, LLM_MODEL: 'fake-model' });
    const { app } = await createRuntime(config, { log: () => {} });
    server.reply({ content: 'Gli osservatori devono presentare un certificato di registrazione del Ministero [1].' });
    const response = await app.request('/api/ask', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: 'What must election observers present under the new law?', lang: 'en' }),
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.warnings).toContain('The language model answered in Italian instead of English, so an extractive answer is shown instead.');
    expect(body.answer).not.toContain('Gli osservatori devono');
    expect(body.citations.length).toBeGreaterThan(0);
  });
});
