import { describe, expect, test } from 'vitest';
import { createRuntime } from '../src/runtime.js';
import { startServer } from '../src/server/serve.js';
import { startFakeOpenAIServer } from './helpers/fake-openai-server.js';
import { createTempProject } from './helpers/temp-project.js';

describe('an /api/ask the client abandons while the LLM is answering', () => {
  test('still leaves a log line', async () => {
    const llm = await startFakeOpenAIServer();
    llm.reply({ hang: true });
    const { config } = await createTempProject({ RETRIEVAL: 'lexical', LLM_BASE_URL: llm.baseUrl, LLM_MODEL: 'fake', LOG_REQUESTS: '1', LLM_TIMEOUT_MS: '5000' });
    const logs: Record<string, unknown>[] = [];
    const runtime = await createRuntime(config, { log: (e) => logs.push(e) });
    const server = await startServer(runtime.app, { host: '127.0.0.1', port: 0, handleSignals: false });
    try {
      const controller = new AbortController();
      const asked = fetch(`${server.url}/api/ask`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'gone-1' },
        body: JSON.stringify({ question: 'Quanti prigionieri politici ci sono in Kazakistan?' }),
        signal: controller.signal,
      }).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 300));
      controller.abort();
      await asked;
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(logs.filter((l) => l.requestId === 'gone-1').length).toBeGreaterThan(0);
    } finally {
      await server.close();
      await llm.close?.();
    }
  }, 20_000);
});
