import { describe, expect, test } from 'vitest';
import { widgetRoutes } from '../src/widget/routes.js';
import { createTestApp, expectJsonError, sharedRuntime, withServer } from './server-helpers.js';

const KEY = 'corpus-key';

async function keyedApp(apiKey: string | undefined) {
  const runtime = await sharedRuntime();
  const index = { ...runtime.index, manifest: { ...runtime.index.manifest, reason: 'Model not found in /srv/secret/models.' } };
  return createTestApp({ config: withServer(runtime.config, { apiKey, logRequests: false }), index, extraRoutes: widgetRoutes({ index }) });
}

describe('with API_KEY set, nothing of the corpus is public', () => {
  test('the demo page (it lists every file), source pages and original files need the key', async () => {
    const { app, runtime } = await keyedApp(KEY);
    const file = [...runtime.index.documents.keys()][0];
    for (const path of ['/', `/sources/${encodeURIComponent(file)}`, `/originals/${encodeURIComponent(file)}`, `/api/sources/${encodeURIComponent(file)}/1`]) {
      const denied = await app.request(path);
      await expectJsonError(denied, 401, 'unauthorized');
      const allowed = await app.request(path, { headers: { authorization: `Bearer ${KEY}` } });
      expect(allowed.status, path).toBe(200);
    }
  });

  test('the widget script and the API description stay public: they hold nothing of the corpus', async () => {
    const { app } = await keyedApp(KEY);
    expect((await app.request('/openapi.json')).status).toBe(200);
  });

  test('/health is open but shows no model path or fallback reason without the key', async () => {
    const { app } = await keyedApp(KEY);
    const open = await app.request('/health');
    expect(open.status).toBe(200);
    const text = await open.text();
    expect(text).not.toContain('/srv/secret');
    expect(JSON.parse(text)).not.toHaveProperty('model');
    const keyed = await (await app.request('/health', { headers: { authorization: `Bearer ${KEY}` } })).json();
    expect(keyed.retrieval.reason).toContain('/srv/secret');
    expect(keyed).toHaveProperty('model');
  });
});

describe('without API_KEY, everything is open as before', () => {
  test('pages and health details are served', async () => {
    const { app } = await keyedApp(undefined);
    expect((await app.request('/')).status).toBe(200);
    expect((await (await app.request('/health')).json()).retrieval.reason).toContain('Model not found');
  });
});
