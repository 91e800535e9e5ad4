import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildCitations } from '../src/answer/citations.js';
import { createAnswerer } from '../src/answer/create-answerer.js';
import { createExtractiveAnswerer } from '../src/answer/extractive.js';
import { createGenerativeAnswerer, type LlmConfig } from '../src/answer/generative.js';
import type { AnswerEvent, AnswerInput, AnswerResult } from '../src/answer/types.js';
import { loadConfig } from '../src/config.js';
import { corpusParagraphs, hitsFromCorpus } from './helpers/corpus-hits.js';
import { startFakeOpenAIServer, type FakeOpenAIServer } from './helpers/fake-openai-server.js';

const FILE = '002_23fe508d9d363cf9.txt';
const input: AnswerInput = {
  question: 'Quando si svolgeranno le elezioni per il Majilis?',
  language: 'it',
  hits: hitsFromCorpus(FILE, 'it', [1, 2, 3]),
};

let server: FakeOpenAIServer;
let llm: LlmConfig;
const extractive = createExtractiveAnswerer();
const errors: unknown[] = [];

beforeAll(async () => {
  server = await startFakeOpenAIServer();
  llm = { baseUrl: server.baseUrl, model: 'fake-model', timeoutMs: 2500 };
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  errors.length = 0;
});

function answerer() {
  return createGenerativeAnswerer(llm, { fallback: extractive, onError: (error) => errors.push(error) });
}

async function collect(events: AsyncIterable<AnswerEvent>): Promise<{ deltas: string[]; result: AnswerResult }> {
  const all: AnswerEvent[] = [];
  for await (const event of events) all.push(event);
  const last = all.at(-1);
  if (last?.type !== 'result') throw new Error('stream did not end with a result');
  expect(all.slice(0, -1).every((e) => e.type === 'delta')).toBe(true);
  return { deltas: all.flatMap((e) => (e.type === 'delta' ? [e.text] : [])), result: last.result };
}

async function expectExtractiveFallback(result: AnswerResult, warning: RegExp) {
  const expected = await extractive.answer(input);
  expect(result.answer).toBe(expected.answer);
  expect(result.grounded).toBe(expected.grounded);
  expect(result.citations).toEqual(expected.citations);
  expect(result.warnings).toHaveLength(1);
  expect(result.warnings[0]).toMatch(warning);
}

describe('generative answers from an OpenAI-compatible server', () => {
  it('sends the numbered passages and the question, and returns the cited answer', async () => {
    server.reply({ content: 'Le elezioni per il Majilis si terranno il 10 gennaio [1].' });
    const result = await answerer().answer(input);

    expect(result).toEqual({
      answer: 'Le elezioni per il Majilis si terranno il 10 gennaio [1].',
      // A paraphrase quotes no sentence verbatim: the citations carry no quote spans.
      citations: buildCitations(input.hits),
      grounded: true,
      support: 'answered',
      warnings: [],
    });
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request.model).toBe('fake-model');
    const prompt = request.messages.map((m) => m.content).join('\n');
    expect(prompt).toContain(`[1] ${FILE} ¶1: Il 10 gennaio si svolgeranno in Kazakistan`);
    expect(prompt).toContain(`[3] ${FILE} ¶3: `);
    expect(prompt).toContain('Italian');
    expect(request.messages.at(-1)).toEqual({ role: 'user', content: input.question });
  });

  it('gives quote spans for the passage sentences the model repeated verbatim', async () => {
    const sentence = 'Il 10 gennaio si svolgeranno in Kazakistan le elezioni per il Majilis, ovvero la Camera dei Deputati.';
    server.reply({ content: `Secondo la fonte: ${sentence} [1]` });
    const result = await answerer().answer(input);

    const [first, ...rest] = result.citations;
    const paragraph = corpusParagraphs(FILE)[first.paragraph - 1];
    expect(first.quotes.map((q) => paragraph.slice(q.start, q.end))).toEqual([sentence]);
    expect(rest.every((c) => c.quotes.length === 0)).toBe(true);
  });

  it('streams the tokens as deltas, then the result', async () => {
    const pieces = ['Il 10 ', 'gennaio', ' [1]', '.'];
    server.reply({ content: pieces.join(''), pieces });
    const { deltas, result } = await collect(answerer().stream(input));

    expect(server.requests[0].stream).toBe(true);
    expect(deltas).toEqual(pieces);
    expect(result).toMatchObject({ answer: 'Il 10 gennaio [1].', grounded: true, warnings: [] });
  });

  it('falls back to the extractive answer with a warning when the server fails, without retrying', async () => {
    server.reply({ status: 500 });
    await expectExtractiveFallback(await answerer().answer(input), /^The language model request failed \(HTTP 500\)/);
    expect(server.requests).toHaveLength(1);
    expect(errors).toHaveLength(1);

    const { result } = await collect(answerer().stream(input));
    await expectExtractiveFallback(result, /HTTP 500/);
    expect(server.requests).toHaveLength(2);
  });

  it('falls back with a warning when the server does not answer in time', async () => {
    server.reply({ hang: true });
    await expectExtractiveFallback(await answerer().answer(input), /did not answer within 2500 ms/);
    const { result } = await collect(answerer().stream(input));
    await expectExtractiveFallback(result, /did not answer within 2500 ms/);
    expect(server.requests).toHaveLength(2); // one request per call: no retries
  });

  it('removes markers that name no passage, and says so', async () => {
    server.reply({ content: 'Il 10 gennaio [1], secondo altri il 6 dicembre [9].' });
    const result = await answerer().answer(input);
    expect(result.answer).toBe('Il 10 gennaio [1], secondo altri il 6 dicembre.');
    expect(result.grounded).toBe(true);
    expect(result.warnings).toEqual(['Removed citation markers that name no passage ([9]); only 3 passages were given.']);
  });

  it('falls back when no valid marker is left, streamed or not; the streamed result is authoritative', async () => {
    server.reply({ content: 'Il 10 gennaio [9].', pieces: ['Il 10 gennaio', ' [9].'] });
    await expectExtractiveFallback(await answerer().answer(input), /cited none of the passages/);

    const { deltas, result } = await collect(answerer().stream(input));
    expect(deltas.join('')).toBe('Il 10 gennaio [9].');
    await expectExtractiveFallback(result, /cited none of the passages/);
  });

  it('does not call the model without passages', async () => {
    const noHits = { ...input, hits: [] };
    expect(await answerer().answer(noHits)).toEqual(await extractive.answer(noHits));
    expect(server.requests).toHaveLength(0);
  });

  it('rejects instead of falling back when the caller aborts', async () => {
    server.reply({ hang: true });
    const controller = new AbortController();
    // Abort once the server holds the request, so it cannot arrive during a later test.
    const abortOnceReceived = async () => {
      while (server.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
      controller.abort(new Error('client went away'));
    };
    void abortOnceReceived();
    await expect(answerer().answer(input, controller.signal)).rejects.toThrow('client went away');
  });
});

describe('createAnswerer', () => {
  it('answers extractively without an LLM', async () => {
    const answerer = createAnswerer(loadConfig({}));
    expect(await answerer.answer(input)).toEqual(await extractive.answer(input));
  });

  it('asks the configured LLM when there is one', async () => {
    server.reply({ content: 'Il 10 gennaio [1].' });
    const config = loadConfig({ LLM_BASE_URL: server.baseUrl, LLM_MODEL: 'configured-model', LLM_TIMEOUT_MS: '1000' });
    const result = await createAnswerer(config).answer(input);
    expect(result.answer).toBe('Il 10 gennaio [1].');
    expect(server.requests.map((r) => r.model)).toEqual(['configured-model']);
  });
});
