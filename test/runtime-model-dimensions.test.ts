import { describe, expect, test } from 'vitest';
import { loadConfig } from '../src/config.js';
import type { OpenedEmbedder } from '../src/embedding/open-embedder.js';
import { IndexMismatchError } from '../src/index/manifest.js';
import { createRuntime } from '../src/runtime.js';
import { FIXTURE_MODEL_DIR, createTempProject } from './helpers/temp-project.js';

/** An edge fake: the model at the configured place now answers with 32-dimension vectors. */
async function thirtyTwoDimensionModel(): Promise<OpenedEmbedder> {
  const vector = () => Array.from({ length: 32 }, (_, i) => (i === 0 ? 1 : 0));
  return {
    model: FIXTURE_MODEL_DIR,
    dimensions: 32,
    dtype: 'quantized', // the fixture model's own format: only the dimensions differ
    profile: { queryPrefix: 'query: ', passagePrefix: 'passage: ' } as OpenedEmbedder['profile'],
    embedDocuments: async (texts) => texts.map(vector),
    embedQuery: async () => vector(),
    embedRaw: async (texts) => texts.map(vector),
    dispose: async () => {},
    embeddings: undefined as never,
  };
}

describe('a model whose dimensions changed since the build is caught at start', () => {
  test('RETRIEVAL=auto serves lexically, with the plain rebuild message in /health, and asks succeed', async () => {
    const { config } = await createTempProject({ EMBEDDING_MODEL: FIXTURE_MODEL_DIR });
    expect((await createRuntime(config)).mode).toBe('hybrid'); // built with the real 64-dimension fixture model
    const logs: Record<string, unknown>[] = [];
    const runtime = await createRuntime(config, { openEmbedder: thirtyTwoDimensionModel, log: (e) => logs.push(e) });
    expect(runtime.mode).toBe('lexical');
    const health = await (await runtime.app.request('/health')).json();
    expect(health.retrieval.mode).toBe('lexical');
    expect(health.retrieval.reason).toMatch(/64 dimensions.*32 dimensions.*npm run index/);
    expect(logs.some((l) => String(l.msg).includes('32 dimensions'))).toBe(true);
    const ask = await runtime.app.request('/api/ask', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: 'Quanti prigionieri politici ci sono in Kazakistan?' }),
    });
    expect(ask.status).toBe(200);
  });

  test('RETRIEVAL=hybrid refuses to start, saying to rebuild', async () => {
    const { root, config } = await createTempProject({ EMBEDDING_MODEL: FIXTURE_MODEL_DIR });
    await createRuntime(config);
    const hybrid = loadConfig({ CORPUS_DIR: config.corpusDir, INDEX_DIR: config.indexDir, MODELS_DIR: config.modelsDir, OFFLINE: '1', EMBEDDING_MODEL: FIXTURE_MODEL_DIR, RETRIEVAL: 'hybrid' }, root);
    const error = await createRuntime(hybrid, { openEmbedder: thirtyTwoDimensionModel, log: () => {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IndexMismatchError);
    expect((error as Error).message).toMatch(/32 dimensions.*npm run index/);
  });
});
