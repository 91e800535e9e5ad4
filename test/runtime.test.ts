import { appendFile, cp, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRuntime } from '../src/runtime.js';
import { loadConfig } from '../src/config.js';
import { startFakeOpenAIServer } from './helpers/fake-openai-server.js';
import { FIXTURE_MODEL_DIR, createTempProject } from './helpers/temp-project.js';

async function ask(app: Awaited<ReturnType<typeof createRuntime>>['app'], question: string) {
  const response = await app.request('/api/ask', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ question }),
  });
  expect(response.status).toBe(200);
  return response.json();
}

describe('createRuntime', () => {
  it('builds a missing index with the fixture model and answers in hybrid mode', async () => {
    const { config } = await createTempProject({ EMBEDDING_MODEL: FIXTURE_MODEL_DIR });
    const runtime = await createRuntime(config);
    expect(runtime.mode).toBe('hybrid');
    const body = await ask(runtime.app, 'Quanti prigionieri politici ci sono in Kazakistan?');
    expect(body.retrieval).toEqual({ mode: 'hybrid', model: FIXTURE_MODEL_DIR });
    expect(body.citations.length).toBeGreaterThan(0);
  });

  it('serves lexically, saying why, when the model of a hybrid index cannot be loaded any more', async () => {
    const { root, config } = await createTempProject({ EMBEDDING_MODEL: FIXTURE_MODEL_DIR });
    // Build with a copy of the model, then take the copy away.
    const modelCopy = path.join(root, 'model-copy');
    await cp(FIXTURE_MODEL_DIR, modelCopy, { recursive: true });
    const withCopy = loadConfig({ ...envOf(config), EMBEDDING_MODEL: modelCopy }, root);
    await createRuntime(withCopy);
    await rename(modelCopy, `${modelCopy}-gone`);

    const runtime = await createRuntime(withCopy);
    expect(runtime.mode).toBe('lexical');
    const health = await (await runtime.app.request('/health')).json();
    expect(health.retrieval.mode).toBe('lexical');
    expect(health.retrieval.reason).toContain('could not be loaded');
    const body = await ask(runtime.app, 'Quanti prigionieri politici ci sono in Kazakistan?');
    expect(body.citations[0].file).toBe('002_23fe508d9d363cf9.txt');
  });

  it('answers with the configured LLM, and logs a failed call while answering extractively', async () => {
    const llm = await startFakeOpenAIServer();
    try {
      const { config } = await createTempProject({ RETRIEVAL: 'lexical', LLM_BASE_URL: llm.baseUrl, LLM_MODEL: 'fake-model' });
      const logged: Record<string, unknown>[] = [];
      const { app } = await createRuntime(config, { log: (entry) => logged.push(entry) });

      llm.reply({ content: 'Almeno 28 prigionieri politici [1].' });
      const generated = await ask(app, 'Quanti prigionieri politici ci sono in Kazakistan?');
      // Under the lead line in the asker's language (see presentAnswer).
      expect(generated.answer).toBe(`${generated.lead}\nAlmeno 28 prigionieri politici [1].`);
      expect(generated.lead).toMatch(/^Trovato nel paragrafo \d+ di «/);
      expect(generated.warnings).toEqual([]);

      llm.reply({ status: 500 });
      const fallback = await ask(app, 'Quanti prigionieri politici ci sono in Kazakistan?');
      expect(fallback.warnings[0]).toContain('extractive answer');
      expect(fallback.citations[0].file).toBe('002_23fe508d9d363cf9.txt');
      expect(logged).toContainEqual(expect.objectContaining({ level: 'warn', msg: expect.stringContaining('LLM call failed') }));
    } finally {
      await llm.close();
    }
  });

  it('warns at start when the corpus changed since the index was built', async () => {
    const { config, corpusDir } = await createTempProject({ RETRIEVAL: 'lexical' });
    const quiet: Record<string, unknown>[] = [];
    await createRuntime(config, { log: (entry) => quiet.push(entry) });
    expect(quiet.filter((e) => e.level === 'warn')).toEqual([]);

    await appendFile(path.join(corpusDir, '002_23fe508d9d363cf9.txt'), '\nUn paragrafo in più.\n');
    await rm(path.join(corpusDir, '003_5696f5a8dd52dece.txt'));
    const logged: Record<string, unknown>[] = [];
    await createRuntime(config, { log: (entry) => logged.push(entry) });
    expect(logged).toContainEqual({ level: 'warn', msg: expect.stringMatching(/0 added, 1 changed, 1 removed.*npm run index/) });
  });

  it('refuses to serve without the model when RETRIEVAL=hybrid', async () => {
    const { config } = await createTempProject({ EMBEDDING_MODEL: 'nobody/no-such-model', RETRIEVAL: 'hybrid' });
    await expect(createRuntime(config)).rejects.toThrow(/nobody\/no-such-model/);
  });
});

function envOf(config: Awaited<ReturnType<typeof createTempProject>>['config']): Record<string, string> {
  return {
    CORPUS_DIR: config.corpusDir,
    INDEX_DIR: config.indexDir,
    MODELS_DIR: config.modelsDir,
    OFFLINE: '1',
    LOG_REQUESTS: '0',
    RATE_LIMIT_PER_MINUTE: '0',
  };
}
