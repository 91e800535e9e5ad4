/** model:download fetches the configured model into MODELS_DIR (from a loopback stand-in for the hub), so it then loads offline. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { env } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { OfflineDownloadError, downloadModel } from '../src/embedding/download-model.js';
import type { ModelProgress } from '../src/embedding/model-progress.js';
import { ModelLoadError } from '../src/embedding/model-load-error.js';
import { readDefaultModel } from '../src/embedding/provision/default-model.js';
import { TransformersEmbeddings } from '../src/embedding/transformers-embeddings.js';
import { closedPortUrl, startFakeHub, type FakeHub } from './helpers/fake-hub-server.js';
import { tempDir } from './helpers/temp-dir.js';
import { FIXTURE_MODEL_DIR } from './helpers/temp-project.js';

const MODEL = 'acme/tiny-model';
let hub: FakeHub;
let tmp: string;

beforeAll(async () => {
  tmp = await tempDir('download-');
  hub = await startFakeHub(MODEL, FIXTURE_MODEL_DIR);
});
afterAll(async () => {
  await hub.close();
});

const config = (overrides: Record<string, string>) =>
  loadConfig({ EMBEDDING_MODEL: MODEL, MODELS_DIR: path.join(tmp, 'models'), MODEL_HUB_URL: hub.url, ...overrides }, tmp);

describe('downloadModel', () => {
  it('stores the files under MODELS_DIR/<owner>/<name> with progress, then the model loads with OFFLINE=1', async () => {
    const events: ModelProgress[] = [];
    const result = await downloadModel(config({}), (e) => events.push(e));

    const dir = path.join(tmp, 'models', 'acme', 'tiny-model');
    expect(result).toEqual({ model: MODEL, dir, localFolder: false, dimensions: 64 });
    for (const file of ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx']) {
      expect((await readFile(path.join(dir, file))).equals(await readFile(path.join(FIXTURE_MODEL_DIR, file)))).toBe(true);
    }
    expect(events.some((e) => e.status === 'progress' && e.file === 'onnx/model_quantized.onnx' && e.total! > 0)).toBe(true);
    expect(events.filter((e) => e.status === 'done').map((e) => e.file)).toContain('onnx/model_quantized.onnx');

    expect(await readDefaultModel(path.join(tmp, 'models'))).toMatchObject({ model: MODEL, kind: 'hub', recordedBy: 'npm run model:download' });
    // Nothing listens at the hub address now: a load must not need the network any more.
    const offline = await TransformersEmbeddings.fromConfig(config({ OFFLINE: '1', MODEL_HUB_URL: await closedPortUrl() })).load();
    expect(offline.dimensions).toBe(64);
    await offline.dispose();
  });

  it('fails with ModelLoadError, saying downloading was tried, for a model the hub does not have', async () => {
    const error = await downloadModel(config({ EMBEDDING_MODEL: 'acme/missing-model' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelLoadError);
    expect((error as Error).message).toContain('downloading from the model hub was allowed but did not succeed');
  });

  it('refuses to download with OFFLINE set, saying how to run it', async () => {
    await expect(downloadModel(config({ OFFLINE: '1' }))).rejects.toThrow(OfflineDownloadError);
    await expect(downloadModel(config({ OFFLINE: '1' }))).rejects.toThrow(/OFFLINE=0 npm run model:download/);
  });
});
