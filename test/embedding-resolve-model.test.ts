/** One answer to "which model?": EMBEDDING_MODEL, else the index's model on disk, else MODELS_DIR's recorded default, else the built-in one; a changed model rebuilds or refuses naming both. */
import { cp, rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EMBEDDING_MODEL, loadConfig } from '../src/config.js';
import { recordDefaultModel } from '../src/embedding/provision/default-model.js';
import { resolveModel } from '../src/embedding/provision/resolve-model.js';
import { readManifest } from '../src/index/manifest.js';
import { createRuntime } from '../src/runtime.js';
import { createTempProject, FIXTURE_MODEL_DIR, type TempProject } from './helpers/temp-project.js';


/** A project whose MODELS_DIR holds two copies of the fixture model, as two "different" models. */
async function project(): Promise<TempProject & { a: string; b: string; env: (extra?: Record<string, string>) => ReturnType<typeof loadConfig> }> {
  const p = await createTempProject();
  await cp(FIXTURE_MODEL_DIR, path.join(p.root, 'models', 'model-a'), { recursive: true });
  await cp(FIXTURE_MODEL_DIR, path.join(p.root, 'models', 'model-b'), { recursive: true });
  const env = (extra: Record<string, string> = {}) =>
    loadConfig({ CORPUS_DIR: p.corpusDir, INDEX_DIR: p.indexDir, MODELS_DIR: p.config.modelsDir, OFFLINE: '1', LOG_REQUESTS: '0', ...extra }, p.root);
  return { ...p, env, a: path.join(p.root, 'models', 'model-a'), b: path.join(p.root, 'models', 'model-b') };
}

describe('resolveModel', () => {
  it('uses the built-in default, then the recorded default, then the index’s model, and always an explicit EMBEDDING_MODEL', async () => {
    const p = await project();
    expect(await resolveModel(p.env())).toMatchObject({ chosenBy: 'built-in default', config: { embedding: { model: DEFAULT_EMBEDDING_MODEL } } });

    await recordDefaultModel(p.config.modelsDir, { folder: p.a }, 'test');
    expect(await resolveModel(p.env())).toMatchObject({ chosenBy: 'MODELS_DIR default', config: { embedding: { model: p.a } } });

    // An index built with model-b: it wins over the recorded default while model-b is on disk.
    const built = await createRuntime(p.env({ EMBEDDING_MODEL: p.b }), { log: () => {} });
    await built.embedder?.dispose();
    expect(await resolveModel(p.env())).toMatchObject({ chosenBy: 'index', config: { embedding: { model: p.b } } });
    // Another spelling of the index's folder is the same model.
    expect(await resolveModel(p.env({ EMBEDDING_MODEL: `${p.root}/./models/model-b/` }))).toMatchObject({ chosenBy: 'EMBEDDING_MODEL', config: { embedding: { model: p.b } } });
    expect(await resolveModel(p.env({ EMBEDDING_MODEL: p.a }))).toMatchObject({ chosenBy: 'EMBEDDING_MODEL', config: { embedding: { model: p.a } } });

    // The index's model gone from disk: the recorded default again (and the runtime rebuilds with it).
    await rm(p.b, { recursive: true });
    expect(await resolveModel(p.env())).toMatchObject({ chosenBy: 'MODELS_DIR default', config: { embedding: { model: p.a } } });
  });
});

describe('a model other than the index’s', () => {
  it('rebuilds the index with that model (never lexical), keeping the old index until the new one is complete', async () => {
    const p = await project();
    const first = await createRuntime(p.env({ EMBEDDING_MODEL: p.a }), { log: () => {} });
    await first.embedder?.dispose();
    const logs: string[] = [];
    const { config } = await resolveModel(p.env({ EMBEDDING_MODEL: p.b }));
    const second = await createRuntime(config, { log: (e) => logs.push(String(e.msg)) });
    await second.embedder?.dispose();
    expect(second.mode).toBe('hybrid');
    expect((await readManifest(p.indexDir))?.model).toBe(p.b);
    expect(logs.join('\n')).toContain(`was built with ${p.a}; the model in use is ${p.b}, so the index is rebuilt with it`);
  });

  it('refuses to start, naming both models, when the explicit model cannot load', async () => {
    const p = await project();
    const first = await createRuntime(p.env({ EMBEDDING_MODEL: p.a }), { log: () => {} });
    await first.embedder?.dispose();
    const missing = path.join(p.root, 'models', 'no-such-model');
    const { config } = await resolveModel(p.env({ EMBEDDING_MODEL: missing }));
    const error = await createRuntime(config, { log: () => {} }).catch((e: unknown) => e);
    expect((error as Error).message).toContain(`built with ${p.a}, and the model in use is ${missing} (EMBEDDING_MODEL), which cannot be loaded`);
    expect((error as Error).message).toContain(`Fix: unset EMBEDDING_MODEL to keep using ${p.a}`);
    expect((await readManifest(p.indexDir))?.model).toBe(p.a);
  });
});
