/** Follow-up questions: `history` in /api/ask and the stream, bounded, and a follow-up searched with its context. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatOpenAI } from '@langchain/openai';
import { createQuestionRewriter } from '../src/answer/rewrite-question.js';
import { MAX_HISTORY_ANSWER_CHARS, MAX_HISTORY_TURNS } from '../src/server/schemas.js';
import { startFakeOpenAIServer, type FakeOpenAIServer } from './helpers/fake-openai-server.js';
import { createTestApp, expectJsonError, postJson } from './server-helpers.js';

const PREVIOUS = 'Quali movimenti di opposizione sono stati proibiti?';
const FOLLOW_UP = 'Perché sono stati definiti così?';
const GOLD = '002_23fe508d9d363cf9.txt#11';

type Answer = { citations: { file: string; paragraph: number }[] };
const cited = (body: Answer) => body.citations.map((c) => `${c.file}#${c.paragraph}`);

describe('history in the ask routes', () => {
  it('refuses history that is too long, too big or malformed with 400', async () => {
    const { app } = await createTestApp();
    const turn = { question: 'Chi?', answer: 'Nessuno.' };
    const bad: unknown[] = [
      Array.from({ length: MAX_HISTORY_TURNS + 1 }, () => turn),
      [{ question: 'Chi?', answer: 'a'.repeat(MAX_HISTORY_ANSWER_CHARS + 1) }],
      [{ question: '   ' }],
      [{ answer: 'no question' }],
      'not a list',
      [42],
    ];
    for (const history of bad) {
      for (const path of ['/api/ask', '/api/ask/stream']) {
        const body = await expectJsonError(await app.request(path, postJson({ question: FOLLOW_UP, history })), 400, 'invalid_request');
        expect(body.error.message).toMatch(/history/);
      }
    }
  });

  it('finds the passage a follow-up refers to only with the previous question', async () => {
    const { app } = await createTestApp();
    const alone = (await (await app.request('/api/ask', postJson({ question: FOLLOW_UP }))).json()) as Answer;
    expect(cited(alone)).not.toContain(GOLD);
    const withHistory = (await (await app.request('/api/ask', postJson({ question: FOLLOW_UP, history: [{ question: PREVIOUS, answer: 'Scelta Democratica del Kazakistan e Koshe.' }] }))).json()) as Answer;
    expect(cited(withHistory)).toContain(GOLD);
  });

  it('takes history in the stream too', async () => {
    const { app } = await createTestApp();
    const response = await app.request('/api/ask/stream', postJson({ question: FOLLOW_UP, history: [{ question: PREVIOUS }] }));
    expect(response.status).toBe(200);
    const text = await response.text();
    const done = JSON.parse(text.split('event: done\ndata: ')[1]!.split('\n')[0]!) as Answer;
    expect(cited(done)).toContain(GOLD);
  });

  it('searches a question that stands alone as it is, whatever the history', async () => {
    const { app } = await createTestApp();
    const question = 'Da quale paese proviene la tecnologia usata per bloccare Internet in Kazakistan?';
    const alone = (await (await app.request('/api/ask', postJson({ question }))).json()) as Answer;
    const withHistory = (await (await app.request('/api/ask', postJson({ question, history: [{ question: PREVIOUS }] }))).json()) as Answer;
    expect(cited(withHistory)).toEqual(cited(alone));
  });

  it('documents history in the OpenAPI schema', async () => {
    const { app } = await createTestApp();
    const spec = (await (await app.request('/openapi.json')).json()) as { components: { schemas: Record<string, { properties: Record<string, { maxItems?: number }> }> } };
    expect(spec.components.schemas.AskRequest!.properties.history!.maxItems).toBe(MAX_HISTORY_TURNS);
  });
});

describe('with an LLM', () => {
  let llm: FakeOpenAIServer;
  beforeAll(async () => {
    llm = await startFakeOpenAIServer();
  });
  afterAll(() => llm.close());
  const rewriter = () => createQuestionRewriter(new ChatOpenAI({ model: 'fake', apiKey: 'no-key', configuration: { baseURL: llm.baseUrl }, maxRetries: 0 }), 2000);

  it('searches the stand-alone question the model writes, given the conversation', async () => {
    const { app } = await createTestApp({ rewriteQuestion: rewriter() });
    llm.reply({ content: 'Perché Scelta Democratica del Kazakistan e Partiyasy Koshe sono stati proibiti?' });
    const body = (await (await app.request('/api/ask', postJson({ question: FOLLOW_UP, history: [{ question: PREVIOUS, answer: 'Due movimenti.' }] }))).json()) as Answer;
    expect(cited(body)).toContain(GOLD);
    const prompt = llm.requests.at(-1)!.messages.map((m) => m.content).join('\n');
    expect(prompt).toContain(PREVIOUS);
    expect(prompt).toContain('Due movimenti.');
    expect(prompt).toContain(FOLLOW_UP);
  });

  it('falls back to the rule when the model fails', async () => {
    const { app, logs } = await createTestApp({ rewriteQuestion: rewriter() });
    llm.reply({ status: 500 });
    const body = (await (await app.request('/api/ask', postJson({ question: FOLLOW_UP, history: [{ question: PREVIOUS }] }))).json()) as Answer;
    expect(cited(body)).toContain(GOLD);
    expect(logs.some((l) => String(l.msg).includes('Rewriting a follow-up'))).toBe(true);
  });
});
