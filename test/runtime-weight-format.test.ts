/** A server started with another weight format than its index's vectors re-embeds the index before serving. */
import { describe, expect, test } from 'vitest';
import { loadConfig } from '../src/config.js';
import { readManifest } from '../src/index/manifest.js';
import { createRuntime } from '../src/runtime.js';
import { FIXTURE_MODEL_DIR, createTempProject } from './helpers/temp-project.js';

describe('a weight format that changed since the build', () => {
  test('re-embeds the index with the format in use, saying why, and serves hybrid', async () => {
    const { root, config } = await createTempProject({ EMBEDDING_MODEL: FIXTURE_MODEL_DIR });
    await createRuntime(config, { log: () => {} });
    expect((await readManifest(config.indexDir))?.weights).toBe('quantized');

    const fp32 = loadConfig({ CORPUS_DIR: config.corpusDir, INDEX_DIR: config.indexDir, MODELS_DIR: config.modelsDir, OFFLINE: '1', EMBEDDING_MODEL: FIXTURE_MODEL_DIR, EMBEDDING_DTYPE: 'fp32' }, root);
    const logs: Record<string, unknown>[] = [];
    const runtime = await createRuntime(fp32, { log: (e) => logs.push(e) });
    expect(runtime.mode).toBe('hybrid');
    expect((await readManifest(config.indexDir))?.weights).toBe('fp32');
    expect(logs.some((l) => /quantized weight format.*fp32 weights.*re-embedded/.test(String(l.msg)))).toBe(true);
  });
});
