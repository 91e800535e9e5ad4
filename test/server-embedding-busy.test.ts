/** When the embedding queue is full, /api/ask and /api/search answer 503 with a JSON body and Retry-After, and /health still answers 200. */
import { describe, expect, it } from 'vitest';
import { EmbeddingBusyError } from '../src/embedding/runtime/embedding-pool.js';
import { createTestApp, postJson, sharedRuntime } from './server-helpers.js';

describe('embedding queue full', () => {
  it('answers 503 overloaded for questions, never a 500, while /health stays 200', async () => {
    const { searcher } = await sharedRuntime();
    const busy = {
      ...searcher,
      search: async () => {
        throw new EmbeddingBusyError('256 embedding calls are already waiting (EMBEDDING_QUEUE_LIMIT); try again shortly.');
      },
    };
    const { app, logs } = await createTestApp({ searcher: busy });
    for (const response of [
      await app.request('/api/ask', postJson({ question: 'Қазақстанның астанасы қай қала?' })),
      await app.request('/api/search?q=astana'),
    ]) {
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('1');
      const body = await response.json();
      expect(body.error.code).toBe('overloaded');
      expect(body.error.message).toMatch(/busy/);
    }
    expect((await app.request('/health')).status).toBe(200);
    expect(logs.some((l) => l.msg === 'embedding queue full')).toBe(true);
    expect(logs.some((l) => l.level === 'error')).toBe(false);
  });
});
