import { describe, expect, test } from 'vitest';
import { createSearcher } from '../src/retrieval/create-searcher.js';
import { createTestApp, expectJsonError, postJson, sharedRuntime } from './server-helpers.js';

/** The real index with one chunk's text changed in memory, as a damaged chunks/documents pair would give. */
async function tamperedApp() {
  const runtime = await sharedRuntime();
  const chunks = runtime.index.chunks.map((c) => (c.text.includes('28 prigionieri') ? { ...c, text: c.text.replace('28 prigionieri', '99 prigionieri') } : c));
  expect(chunks.some((c) => c.text.includes('99 prigionieri'))).toBe(true);
  const index = { ...runtime.index, chunks };
  return createTestApp({ index, searcher: createSearcher({ index }) });
}

describe('a served citation is checked against the stored paragraph', () => {
  test('a passage that does not quote its paragraph is never served: /api/ask, /api/search and the stream refuse', async () => {
    const { app, logs } = await tamperedApp();
    const question = 'Quanti prigionieri politici ci sono in Kazakistan?';
    for (const response of [
      await app.request('/api/ask', postJson({ question })),
      await app.request(`/api/search?q=${encodeURIComponent(question)}`),
      await app.request('/api/ask/stream', postJson({ question })),
    ]) {
      const body = await expectJsonError(response, 500, 'internal_error');
      expect(body.error.message).toContain('npm run index');
      expect(JSON.stringify(body)).not.toContain('99');
    }
    expect(logs.some((l) => l.msg === 'citation does not match its source paragraph')).toBe(true);
  });

  test('an intact index serves as before', async () => {
    const { app } = await createTestApp();
    expect((await app.request('/api/ask', postJson({ question: 'Quanti prigionieri politici ci sono in Kazakistan?' }))).status).toBe(200);
  });
});
