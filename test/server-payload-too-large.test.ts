import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type ServerHandle } from '../src/server/serve.js';
import { createTestApp } from './server-helpers.js';

let server: ServerHandle;
beforeAll(async () => {
  const { app } = await createTestApp();
  server = await startServer(app, { host: '127.0.0.1', port: 0, handleSignals: false });
});
afterAll(() => server.close());

const ask = (bytes: number) =>
  fetch(`${server.url}/api/ask`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: `{"question":"${'a'.repeat(bytes)}"}`,
  });

describe('an early 413 does not poison the connection', () => {
  test.each([300_000, 5_000_000])('a %i-byte body gets a readable 413 with Connection: close, and the next request succeeds', async (bytes) => {
    const response = await ask(bytes);
    expect(response.status).toBe(413);
    expect(response.headers.get('connection')).toBe('close');
    expect((await response.json()).error.code).toBe('payload_too_large');
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });

  test('a small body keeps the connection alive', async () => {
    const response = await fetch(`${server.url}/api/search?q=elezioni`);
    expect(response.status).toBe(200);
    expect(response.headers.get('connection')).toBe('keep-alive');
  });
});
