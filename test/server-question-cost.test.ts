/** What one question and one client can cost: the embedded part of a question is capped, questions at once per client too. */
import { describe, expect, it } from 'vitest';
import { createSearcher, embeddedPart } from '../src/retrieval/create-searcher.js';
import type { Searcher } from '../src/retrieval/types.js';
import { createTestApp, expectJsonError, sharedRuntime } from './server-helpers.js';

describe('QUERY_EMBED_MAX_CHARS', () => {
  it('embeds at most the first N characters, cut at a word boundary and never inside a surrogate pair', () => {
    expect(embeddedPart('uno due tre', 8)).toBe('uno due');
    expect(embeddedPart('breve', 8)).toBe('breve');
    expect(embeddedPart('abcdefghij', 4)).toBe('abcd');
    expect(embeddedPart('abc😀def', 4)).toBe('abc');
  });

  it('hands the model the capped question while BM25 still sees all of it', async () => {
    const { index } = await sharedRuntime();
    const seen: string[] = [];
    const dimensions = 8;
    const dense = { search: () => [], dimensions } as unknown as NonNullable<typeof index.dense>;
    const searcher = createSearcher({
      index: { ...index, dense },
      embedQuery: async (query) => (seen.push(query), new Array(dimensions).fill(0)),
      maxEmbedChars: 40,
    });
    const question = `Quando si svolgeranno le elezioni in Kazakistan? ${'parola '.repeat(250)}`;
    const hits = await searcher.search(question, { topK: 3 });
    expect(seen).toEqual([embeddedPart(question, 40)]);
    expect(seen[0]!.length).toBeLessThanOrEqual(40);
    expect(hits.length).toBeGreaterThan(0);
  });
});

describe('QUESTIONS_PER_CLIENT', () => {
  it('answers 429 too_many_questions past the cap and frees the place once an answer is out', async () => {
    const { runtime } = await createTestApp();
    const gates: (() => void)[] = [];
    // The real searcher, held until released, so three questions are in progress at once.
    const held: Searcher = {
      search: async (query, options) => {
        await new Promise<void>((release) => gates.push(release));
        return runtime.searcher.search(query, options);
      },
    };
    const { app } = await createTestApp({ searcher: held, config: { ...runtime.config, questions: { embedMaxChars: 512, perClient: 2, inFlight: 0 } } });
    const ask = () => app.request('/api/search?q=elezioni');
    const first = ask();
    const second = ask();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const third = await ask();
    expect(third.headers.get('retry-after')).toBe('1');
    await expectJsonError(third, 429, 'too_many_questions');
    gates.splice(0).forEach((release) => release());
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
    const fourth = ask();
    await new Promise((resolve) => setTimeout(resolve, 20));
    gates.splice(0).forEach((release) => release());
    expect((await fourth).status).toBe(200);
  });
});

describe('QUESTIONS_IN_FLIGHT', () => {
  it('answers 503 busy past the server-wide cap, whoever asks', async () => {
    const { runtime } = await createTestApp();
    const gates: (() => void)[] = [];
    const held: Searcher = {
      search: async (query, options) => {
        await new Promise<void>((release) => gates.push(release));
        return runtime.searcher.search(query, options);
      },
    };
    const config = { ...runtime.config, server: { ...runtime.config.server, trustProxy: { kind: 'hops' as const, hops: 1 } }, questions: { embedMaxChars: 512, perClient: 0, inFlight: 3 } };
    const { app } = await createTestApp({ searcher: held, config });
    const ask = (client: number) => app.request('/api/search?q=elezioni', { headers: { 'x-forwarded-for': `10.0.0.${client}` } });
    const admitted = [ask(1), ask(2), ask(3)];
    await new Promise((resolve) => setTimeout(resolve, 50));
    const busy = await ask(4);
    expect(busy.headers.get('retry-after')).toBe('1');
    await expectJsonError(busy, 503, 'busy');
    gates.splice(0).forEach((release) => release());
    for (const response of await Promise.all(admitted)) expect(response.status).toBe(200);
  });
});
