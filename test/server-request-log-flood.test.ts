import { describe, expect, test } from 'vitest';
import { createTestApp, sharedRuntime, withServer } from './server-helpers.js';

describe('request logs under a 429 flood', () => {
  test('rejected requests are logged in summary, not one line each', async () => {
    const runtime = await sharedRuntime();
    const { app, logs } = await createTestApp({ config: withServer(runtime.config, { rateLimitPerMinute: 2, logRequests: true }) });
    for (let i = 0; i < 200; i++) await app.request('/api/search?q=elezioni');
    const requestLines = logs.filter((l) => l.msg === 'request');
    expect(requestLines.filter((l) => l.status === 200)).toHaveLength(2);
    expect(requestLines.filter((l) => l.status === 429)).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(logs.length).toBeLessThan(10);
  });
});

describe('the summary line', () => {
  test('counts the 429s of the period', async () => {
    const { Hono } = await import('hono');
    const { requestLog } = await import('../src/server/middleware/request-log.js');
    const logs: Record<string, unknown>[] = [];
    const app = new Hono();
    app.use(requestLog({ log: (e) => logs.push(e), summaryMs: 200 }));
    app.get('/', (c) => c.text('no', 429));
    for (let i = 0; i < 50; i++) await app.request('/');
    await new Promise((resolve) => setTimeout(resolve, 450));
    const lines = logs.filter((l) => l.msg === 'request').length;
    expect(lines).toBeLessThan(5); // one per 200 ms period at most
    expect(lines + logs.filter((l) => l.msg === 'rate limited requests').reduce((n, l) => n + (l.count as number), 0)).toBe(50);
  });
});
