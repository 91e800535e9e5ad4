import { cp } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readManifest } from '../src/index/manifest.js';
import { createRuntime } from '../src/runtime.js';
import { FIXTURE_MODEL_DIR, createTempProject } from './helpers/temp-project.js';

describe('an index built before the model was there', () => {
  it('is rebuilt with vectors, saying so, once the configured model loads; /health and the demo page say what the mode means', async () => {
    const { root, config } = await createTempProject({ EMBEDDING_MODEL: 'model-not-yet-there' });
    const modelDir = path.join(root, 'model-not-yet-there');
    const first = await createRuntime({ ...config, embedding: { ...config.embedding, model: modelDir } }, { log: () => {} });
    expect(first.mode).toBe('lexical');
    const lexicalHealth = await (await first.app.request('/health')).json();
    expect(lexicalHealth.retrieval).toMatchObject({ mode: 'lexical', crossLingual: expect.stringContaining('shared words and names only') });
    expect(await (await first.app.request('/')).text()).toContain('Questions across languages: By shared words and names only');

    // Still no model: the lexical index is served as it is, not rebuilt.
    const builtAt = (await readManifest(config.indexDir))!.builtAt;
    const logs: Record<string, unknown>[] = [];
    const again = await createRuntime({ ...config, embedding: { ...config.embedding, model: modelDir } }, { log: (e) => logs.push(e) });
    expect(again.mode).toBe('lexical');
    expect((await readManifest(config.indexDir))!.builtAt).toBe(builtAt);
    expect(logs.some((e) => String(e.msg).includes('rebuilt'))).toBe(false);

    await cp(FIXTURE_MODEL_DIR, modelDir, { recursive: true });
    const later = await createRuntime({ ...config, embedding: { ...config.embedding, model: modelDir } }, { log: (e) => logs.push(e) });
    expect(later.mode).toBe('hybrid');
    expect(logs.map((e) => String(e.msg))).toContainEqual(expect.stringMatching(/was built lexical-only .*loads now, so the index is rebuilt with vectors/));
    const manifest = (await readManifest(config.indexDir))!;
    expect(manifest.retrieval).toBe('hybrid');
    expect(manifest.files.length).toBe(first.index.manifest.files.length);
    const health = await (await later.app.request('/health')).json();
    expect(health.retrieval).toMatchObject({ mode: 'hybrid', crossLingual: expect.stringContaining('By meaning') });
    expect(await (await later.app.request('/')).text()).toContain('Questions across languages: By meaning');
    await later.embedder?.dispose();
  });

  it('is left lexical under RETRIEVAL=lexical, with no attempt to load the model', async () => {
    const { config } = await createTempProject({ RETRIEVAL: 'lexical', EMBEDDING_MODEL: FIXTURE_MODEL_DIR });
    await createRuntime(config, { log: () => {} });
    let opened = 0;
    const runtime = await createRuntime(config, {
      log: () => {},
      openEmbedder: async () => {
        opened += 1;
        throw new Error('must not be called');
      },
    });
    expect(runtime.mode).toBe('lexical');
    expect(opened).toBe(0);
  });
});
