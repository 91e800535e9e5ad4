/** What `npm start` does before the runtime: the model resolved and provisioned, or a lexical start whose reason says what to run. */
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareModel } from '../src/cli/prepare-model.js';
import { createRuntime } from '../src/runtime.js';
import { closedPortUrl, startFakeHub, type FakeHub } from './helpers/fake-hub-server.js';
import { createTempProject, FIXTURE_MODEL_DIR } from './helpers/temp-project.js';

const MODEL = 'acme/tiny-model';
let hub: FakeHub;
beforeAll(async () => {
  hub = await startFakeHub(MODEL, FIXTURE_MODEL_DIR);
});
afterAll(async () => {
  await hub.close();
});

function capture() {
  const stream = new PassThrough() as PassThrough & NodeJS.WriteStream;
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { stream, text: () => text };
}

describe('prepareModel (provision: true), then the runtime', () => {
  it('downloads the model with a log of what, from where and how long, and the service is hybrid with it', async () => {
    const p = await createTempProject({ OFFLINE: '0', EMBEDDING_MODEL: MODEL, MODEL_HUB_URL: hub.url });
    const out = capture();
    const prepared = await prepareModel(p.config, { provision: true, stream: out.stream });
    expect(out.text()).toMatch(new RegExp(`Downloading the embedding model ${MODEL} from ${hub.url} into .*\\n(.|\\n)*Embedding model ${MODEL} from ${hub.url}: 5 files`));
    const runtime = await createRuntime(prepared.config, { openEmbedder: prepared.openEmbedder, log: () => {} });
    const health = await (await runtime.app.request('/health')).json();
    expect(health).toMatchObject({ retrieval: { mode: 'hybrid' }, model: MODEL });
    await runtime.embedder?.dispose();
  });

  it('serves lexically when the model cannot be provisioned, and /health gives the reason with the fix', async () => {
    const p = await createTempProject({ OFFLINE: '0', EMBEDDING_MODEL: MODEL, MODEL_HUB_URL: await closedPortUrl() });
    const out = capture();
    const prepared = await prepareModel(p.config, { provision: true, stream: out.stream });
    const runtime = await createRuntime(prepared.config, { openEmbedder: prepared.openEmbedder, log: () => {} });
    const health = (await (await runtime.app.request('/health')).json()) as { retrieval: { mode: string; reason: string } };
    expect(health.retrieval.mode).toBe('lexical');
    expect(health.retrieval.reason).toMatch(/acme\/tiny-model is not on this machine and could not be provisioned/);
    expect(health.retrieval.reason).toMatch(/Fix:\n {2}- point MODEL_HUB_URL at a reachable mirror/);
    expect(out.text()).toContain('Fix:');
  });
});
