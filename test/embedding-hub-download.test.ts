/** The hub route for real, against a loopback hub: verified files, all-or-nothing placement, interrupted and corrupt downloads. */
import { cp, mkdir, readdir, readFile, rm, truncate } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ModelProgress } from '../src/embedding/model-progress.js';
import { ModelLoadError } from '../src/embedding/model-load-error.js';
import { downloadHubModel, HubDownloadError } from '../src/embedding/provision/hub-download.js';
import { checkModelFolder } from '../src/embedding/provision/model-folder-check.js';
import { TransformersEmbeddings } from '../src/embedding/transformers-embeddings.js';
import { closedPortUrl, startFakeHub, type FakeHub } from './helpers/fake-hub-server.js';
import { tempDir } from './helpers/temp-dir.js';
import { FIXTURE_MODEL_DIR } from './helpers/temp-project.js';

const MODEL = 'acme/tiny-model';
let hub: FakeHub;
let tmp: string;
let target: string;

beforeAll(async () => {
  hub = await startFakeHub(MODEL, FIXTURE_MODEL_DIR);
});
afterAll(() => hub.close());
beforeEach(async () => {
  tmp = await tempDir('hub-download-');
  target = path.join(tmp, 'models', MODEL);
  hub.faults.clear();
});

const download = (extra: Partial<Parameters<typeof downloadHubModel>[0]> = {}) =>
  downloadHubModel({ model: MODEL, hubUrl: hub.url, target, quantized: true, retryDelayMs: 0, ...extra });
/** Everything in MODELS_DIR/acme: the target folder only once it is whole, and never a leftover partial one. */
const leftovers = async () => readdir(path.join(tmp, 'models', 'acme')).catch(() => [] as string[]);

describe('downloadHubModel', () => {
  it('fetches every file with progress, records sizes and sha256, and the folder is byte-identical to the hub', async () => {
    const events: ModelProgress[] = [];
    const record = await download({ onProgress: (e) => events.push(e) });
    expect(record.files.map((f) => f.name)).toEqual(['config.json', 'tokenizer_config.json', 'tokenizer.json', 'embedding-profile.json', 'onnx/model_quantized.onnx']);
    for (const file of record.files) {
      expect((await readFile(path.join(target, file.name))).equals(await readFile(path.join(FIXTURE_MODEL_DIR, file.name)))).toBe(true);
      expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(events.some((e) => e.status === 'progress' && e.file === 'onnx/model_quantized.onnx' && e.total! > 0 && e.loaded! > 0)).toBe(true);
    expect(events.filter((e) => e.status === 'done').map((e) => e.file)).toContain('onnx/model_quantized.onnx');
    expect(await checkModelFolder(target, true)).toEqual({ complete: true });
    expect(await leftovers()).toEqual(['tiny-model']);
  });

  it('skips an optional file the hub lacks, and a later other-precision download completes the same folder', async () => {
    const bare = await tempDir('hub-bare-');
    await cp(FIXTURE_MODEL_DIR, bare, { recursive: true });
    await rm(path.join(bare, 'embedding-profile.json'));
    const bareHub = await startFakeHub('acme/bare', bare);
    try {
      const bareTarget = path.join(tmp, 'models', 'acme', 'bare');
      const first = await downloadHubModel({ model: 'acme/bare', hubUrl: bareHub.url, target: bareTarget, quantized: true });
      expect(first.files.map((f) => f.name)).not.toContain('embedding-profile.json');
      const record = await downloadHubModel({ model: 'acme/bare', hubUrl: bareHub.url, target: bareTarget, quantized: false });
      expect(record.files.map((f) => f.name)).toEqual(expect.arrayContaining(['onnx/model.onnx', 'onnx/model_quantized.onnx', 'config.json']));
      expect(await checkModelFolder(bareTarget, false)).toEqual({ complete: true });
      expect(await checkModelFolder(bareTarget, true)).toEqual({ complete: true });
    } finally {
      await bareHub.close();
    }
  });

  it('retries a connection dropped mid-file and finishes with the right bytes', async () => {
    hub.faults.set('onnx/model_quantized.onnx', { fault: 'drop', times: 1 });
    const events: ModelProgress[] = [];
    await download({ onProgress: (e) => events.push(e) });
    expect(events.some((e) => e.status === 'retry' && e.file === 'onnx/model_quantized.onnx')).toBe(true);
    expect((await readFile(path.join(target, 'onnx/model_quantized.onnx'))).equals(await readFile(path.join(FIXTURE_MODEL_DIR, 'onnx/model_quantized.onnx')))).toBe(true);
  });

  it('leaves no folder when every attempt is interrupted, and a clean retry then succeeds', async () => {
    hub.faults.set('onnx/model_quantized.onnx', { fault: 'drop', times: 'always' });
    const error = await download({ attempts: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubDownloadError);
    expect((error as Error).message).toMatch(/^onnx\/model_quantized\.onnx: the download failed 2 times/);
    expect(await leftovers()).toEqual([]);
    expect(await checkModelFolder(target, true)).toMatchObject({ complete: false, missing: true });
    // A start now must not take anything for a model.
    await expect(new TransformersEmbeddings({ model: MODEL, modelsDir: path.join(tmp, 'models'), offline: true }).load()).rejects.toThrow(ModelLoadError);

    hub.faults.clear();
    await download();
    expect(await checkModelFolder(target, true)).toEqual({ complete: true });
  });

  it('clears the partial folder a killed download left behind, keeping another live download’s', async () => {
    const acme = path.join(tmp, 'models', 'acme');
    await mkdir(path.join(acme, '.tiny-model.partial-999999999', 'onnx'), { recursive: true });
    await mkdir(path.join(acme, `.tiny-model.partial-${process.ppid}`), { recursive: true });
    await download();
    expect((await leftovers()).sort()).toEqual([`.tiny-model.partial-${process.ppid}`, 'tiny-model']);
  });

  it('refuses a corrupt file by name (sha256 against the hub), keeping nothing', async () => {
    hub.faults.set('onnx/model_quantized.onnx', { fault: 'corrupt', times: 'always' });
    const error = await download().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubDownloadError);
    expect((error as Error).message).toMatch(/^onnx\/model_quantized\.onnx is corrupt: its sha256 is [0-9a-f]{64}, the hub states [0-9a-f]{64}/);
    expect(await leftovers()).toEqual([]);
  });

  it('refuses a file truncated on disk after the download, by name, instead of loading it', async () => {
    await download();
    await truncate(path.join(target, 'onnx/model_quantized.onnx'), 1000);
    const check = await checkModelFolder(target, true);
    expect(check).toMatchObject({ complete: false, missing: false });
    expect(!check.complete && check.problem).toMatch(/onnx\/model_quantized\.onnx in .* is truncated or corrupt: 1000 bytes, the download recorded \d+/);
    const error = await new TransformersEmbeddings({ model: MODEL, modelsDir: path.join(tmp, 'models'), offline: true }).load().catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/model_quantized\.onnx .*truncated or corrupt/);
  });

  it('says the hub cannot be reached (so another route may be tried) when nothing listens', async () => {
    const error = await downloadHubModel({ model: MODEL, hubUrl: await closedPortUrl(), target, quantized: true, retryDelayMs: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubDownloadError);
    expect(error).toMatchObject({ unreachable: true });
    expect((error as Error).message).toMatch(/cannot be reached .*ECONNREFUSED/);
  });

  it('names the missing file when the hub has no such model', async () => {
    const error = await downloadHubModel({ model: 'acme/missing', hubUrl: hub.url, target, quantized: true }).catch((e: unknown) => e);
    expect(error).toMatchObject({ unreachable: false, message: expect.stringMatching(/^config\.json: the hub has no such file/) });
  });
});
