import { Hono } from 'hono';
import { describe, expect, test } from 'vitest';
import { createTestApp, expectJsonError, postJson, sharedRuntime, withServer } from './server-helpers.js';

const appWith = async (server: Parameters<typeof withServer>[1]) => {
  const runtime = await sharedRuntime();
  return createTestApp({ config: withServer(runtime.config, server) });
};

describe('security headers', () => {
  test('the JSON API forbids sniffing, framing and loading anything', async () => {
    const { app } = await createTestApp();
    const response = await app.request('/api/search?q=elezioni');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  test('extra routes (the widget) are mounted before the 404 and loadable from other sites', async () => {
    const widget = new Hono();
    widget.get('/widget.js', (c) => c.body('console.log(1)', 200, { 'content-type': 'text/javascript' }));
    const { app } = await createTestApp({ extraRoutes: widget });
    const response = await app.request('/widget.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toBeNull();
    await expectJsonError(await app.request('/widget.css'), 404, 'not_found');
  });

  test("a mounted page keeps the security headers it set itself", async () => {
    const pages = new Hono();
    pages.get('/', (c) => c.html('<p>demo</p>', 200, { 'content-security-policy': "script-src 'self'", 'x-frame-options': 'DENY' }));
    const { app } = await createTestApp({ extraRoutes: pages });
    const response = await app.request('/');
    expect(response.headers.get('content-security-policy')).toBe("script-src 'self'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('CORS', () => {
  test("'*' allows any origin", async () => {
    const { app } = await appWith({ corsOrigins: ['*'] });
    const response = await app.request('/api/search?q=elezioni', { headers: { origin: 'https://example.org' } });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  test('an allow-list admits listed origins only, preflight included', async () => {
    const { app } = await appWith({ corsOrigins: ['https://good.example'], apiKey: 'k' });
    const preflight = (origin: string) =>
      app.request('/api/ask', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
      });
    const good = await preflight('https://good.example');
    expect(good.status).toBe(204);
    expect(good.headers.get('access-control-allow-origin')).toBe('https://good.example');
    expect(good.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    const bad = await preflight('https://evil.example');
    expect(bad.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('rate limit', () => {
  test('429 JSON with Retry-After once a client is over the limit; other clients are not affected', async () => {
    const { app } = await appWith({ rateLimitPerMinute: 2 });
    const from = (ip: string) => app.request('/api/search?q=elezioni', {}, { incoming: { socket: { remoteAddress: ip } } });
    expect((await from('198.51.100.1')).status).toBe(200);
    expect((await from('198.51.100.1')).status).toBe(200);
    const limited = await from('198.51.100.1');
    await expectJsonError(limited, 429, 'rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await from('198.51.100.2')).status).toBe(200);
    expect((await app.request('/health')).status).toBe(200); // only /api is limited
  });

  test('0 disables it', async () => {
    const { app } = await appWith({ rateLimitPerMinute: 0 });
    for (let i = 0; i < 5; i++) expect((await app.request('/api/search?q=elezioni')).status).toBe(200);
  });
});

describe('API key', () => {
  test('when set, /api needs "Authorization: Bearer <key>"; /health does not', async () => {
    const { app } = await appWith({ apiKey: 's3cret key' });
    const search = (authorization?: string) =>
      app.request('/api/search?q=elezioni', { headers: authorization ? { authorization } : {} });
    await expectJsonError(await search(), 401, 'unauthorized');
    await expectJsonError(await search('Bearer wrong'), 401, 'unauthorized');
    await expectJsonError(await search('Basic s3cret key'), 401, 'unauthorized');
    expect((await search()).headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await search('Bearer s3cret key')).status).toBe(200);
    const ask = await app.request('/api/ask', postJson({ question: 'elezioni' }, { authorization: 'bearer s3cret key' }));
    expect(ask.status).toBe(200);
    expect((await app.request('/health')).status).toBe(200);
  });

  test('when unset, no key is needed', async () => {
    const { app } = await appWith({ apiKey: undefined });
    expect((await app.request('/api/search?q=elezioni')).status).toBe(200);
  });
});

describe('request id and logs', () => {
  test('every response carries X-Request-Id; a client-sent one is kept', async () => {
    const { app } = await createTestApp();
    expect((await app.request('/health')).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect((await app.request('/health', { headers: { 'x-request-id': 'abc-123' } })).headers.get('x-request-id')).toBe('abc-123');
  });

  test('one JSON log line per request with method, path, status, duration and request id', async () => {
    const { app, logs } = await appWith({ logRequests: true });
    await app.request('/api/search?q=private+question', { headers: { 'x-request-id': 'log-1' } });
    await app.request('/missing', { headers: { 'x-request-id': 'log-2' } });
    expect(logs).toHaveLength(2);
    expect(logs[0]).toMatchObject({ method: 'GET', path: '/api/search', status: 200, requestId: 'log-1' });
    expect(logs[1]).toMatchObject({ method: 'GET', path: '/missing', status: 404, requestId: 'log-2' });
    expect(typeof logs[0].durationMs).toBe('number');
    expect(JSON.stringify(logs)).not.toContain('private');
    JSON.parse(JSON.stringify(logs[0]));
  });

  test('LOG_REQUESTS=0 silences request lines', async () => {
    const { app, logs } = await appWith({ logRequests: false });
    await app.request('/health');
    expect(logs).toHaveLength(0);
  });
});

describe('request timeout', () => {
  test('a request slower than requestTimeoutMs → 504 JSON', async () => {
    const runtime = await sharedRuntime();
    const slowSearcher = {
      search: async (...args: Parameters<typeof runtime.searcher.search>) => {
        await new Promise((resolve) => setTimeout(resolve, 500));
        return runtime.searcher.search(...args);
      },
    };
    const { app } = await createTestApp({ config: withServer(runtime.config, { requestTimeoutMs: 50 }), searcher: slowSearcher });
    const started = performance.now();
    await expectJsonError(await app.request('/api/ask', postJson({ question: 'elezioni' })), 504, 'timeout');
    expect(performance.now() - started).toBeLessThan(400);
  });
});
