/** model:download fetches the configured model into MODELS_DIR (from a loopback stand-in for the hub), so it then loads offline. */
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { env } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { OfflineDownloadError, downloadModel } from '../src/embedding/download-model.js';
import type { ModelProgress } from '../src/embedding/model-progress.js';
import { ModelLoadError } from '../src/embedding/model-load-error.js';
import { TransformersEmbeddings } from '../src/embedding/transformers-embeddings.js';
import { FIXTURE_MODEL_DIR } from './helpers/temp-project.js';

const MODEL = 'acme/tiny-model';
let server: http.Server;
let tmp: string;
const originalHost = env.remoteHost;

/** Serves the fixture folder the way the hub lays out files: /<owner>/<name>/resolve/<revision>/<file>. */
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'download-'));
  server = http.createServer(async (req, res) => {
    const match = /^\/acme\/tiny-model\/resolve\/main\/(.+)$/.exec(req.url ?? '');
    const file = match ? path.join(FIXTURE_MODEL_DIR, decodeURIComponent(match[1]!)) : undefined;
    const info = file ? await stat(file).catch(() => undefined) : undefined;
    if (!file || !info?.isFile()) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-length': info.size });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  env.remoteHost = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  env.remoteHost = originalHost;
  await new Promise((resolve) => server.close(resolve));
  await rm(tmp, { recursive: true, force: true });
});

const config = (overrides: Record<string, string>) =>
  loadConfig({ EMBEDDING_MODEL: MODEL, MODELS_DIR: path.join(tmp, 'models'), ...overrides }, tmp);

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

    env.remoteHost = 'http://127.0.0.1:9/'; // nothing listens: a load must not need the network any more
    try {
      const offline = await TransformersEmbeddings.fromConfig(config({ OFFLINE: '1' })).load();
      expect(offline.dimensions).toBe(64);
      await offline.dispose();
    } finally {
      env.remoteHost = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    }
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
