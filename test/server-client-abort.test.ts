import net from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type ServerHandle } from '../src/server/serve.js';
import { createTestApp } from './server-helpers.js';

let server: ServerHandle;
let logs: Record<string, unknown>[];
beforeAll(async () => {
  const test = await createTestApp();
  logs = test.logs;
  server = await startServer(test.app, { host: '127.0.0.1', port: 0, handleSignals: false });
});
afterAll(() => server.close());

describe('a client that drops mid-way through a chunked body', () => {
  test('is logged as a client abort, not as an unhandled 500 with a stack trace', async () => {
    await new Promise<void>((resolve) => {
      const socket = net.connect(server.port, '127.0.0.1', () => {
        socket.write('POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{"que\r\n');
        setTimeout(() => socket.destroy(), 100);
      });
      socket.on('close', () => resolve());
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(logs.some((l) => l.msg === 'unhandled error')).toBe(false);
    expect(logs.some((l) => l.msg === 'client aborted')).toBe(true);
    expect(JSON.stringify(logs)).not.toMatch(/"stack"/);
  });
});
