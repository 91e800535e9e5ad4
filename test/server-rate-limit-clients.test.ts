import { describe, expect, test } from 'vitest';
import { loadConfig, ConfigError } from '../src/config.js';
import { clientAddress, limitKey, parseTrustProxy } from '../src/server/client-address.js';
import { BoundedStore } from '../src/server/middleware/bounded-store.js';
import { createTestApp, sharedRuntime, withServer } from './server-helpers.js';

/** The bindings @hono/node-server passes: a socket with a remote address. */
const fromSocket = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress, remoteFamily: remoteAddress.includes(':') ? 'IPv6' : 'IPv4' } } });

async function limitedApp(trustProxy: string, perMinute = 3) {
  const runtime = await sharedRuntime();
  const { app } = await createTestApp({
    config: withServer(runtime.config, { rateLimitPerMinute: perMinute, trustProxy: parseTrustProxy(trustProxy), logRequests: false }),
  });
  return (socket: string, forwardedFor?: string) =>
    app.request('/api/search?q=elezioni', { headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} }, fromSocket(socket));
}

describe('rate limit keys on the socket address by default', () => {
  test('rotating X-Forwarded-For on one socket does not buy more requests', async () => {
    const request = await limitedApp('');
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await request('203.0.113.5', `198.51.100.${i}`)).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429, 429]);
  });

  test("sending a victim's address does not spend the victim's quota", async () => {
    const request = await limitedApp('');
    for (let i = 0; i < 5; i++) await request('203.0.113.66', '203.0.113.7');
    expect((await request('203.0.113.7')).status).toBe(200);
  });

  test('IPv6 clients are counted by /64', async () => {
    const request = await limitedApp('', 2);
    expect((await request('2001:db8:1:2::1')).status).toBe(200);
    expect((await request('2001:db8:1:2::2')).status).toBe(200);
    expect((await request('2001:db8:1:2:ffff::3')).status).toBe(429);
    expect((await request('2001:db8:1:3::1')).status).toBe(200);
  });
});

describe('TRUST_PROXY', () => {
  test('a hop count trusts that many proxies and takes the hop before them, not the first', async () => {
    const request = await limitedApp('1', 2);
    // Behind one proxy at 10.0.0.2 the client is the rightmost entry; what the client wrote to the left is ignored.
    expect((await request('10.0.0.2', 'spoofed, 198.51.100.1')).status).toBe(200);
    expect((await request('10.0.0.2', 'other, 198.51.100.1')).status).toBe(200);
    expect((await request('10.0.0.2', 'third, 198.51.100.1')).status).toBe(429);
    expect((await request('10.0.0.2', '198.51.100.2')).status).toBe(200);
  });

  test('an address list trusts only those peers', async () => {
    const trust = parseTrustProxy('10.0.0.0/8, loopback');
    expect(clientAddress('10.1.1.1', '198.51.100.1, 10.0.0.3', trust)).toBe('198.51.100.1');
    expect(clientAddress('127.0.0.1', '198.51.100.1', trust)).toBe('198.51.100.1');
    expect(clientAddress('203.0.113.9', '198.51.100.1', trust)).toBe('203.0.113.9'); // not our proxy: header ignored
    expect(clientAddress('10.1.1.1', 'not-an-ip', trust)).toBe('10.1.1.1');
    expect(clientAddress('10.1.1.1', '10.2.2.2', trust)).toBe('10.2.2.2'); // every hop trusted: the outermost
  });

  test('the setting is validated at start-up', () => {
    expect(loadConfig({ TRUST_PROXY: '2' }).server.trustProxy).toEqual({ kind: 'hops', hops: 2 });
    expect(loadConfig({}).server.trustProxy).toEqual({ kind: 'none' });
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/99' })).toThrow(ConfigError);
    expect(() => loadConfig({ TRUST_PROXY: 'proxy.example' })).toThrow(/TRUST_PROXY/);
  });

  test('limit keys', () => {
    expect(limitKey('::ffff:198.51.100.4')).toBe('198.51.100.4');
    expect(limitKey('2001:0db8:0001:0002:3:4:5:6')).toBe('2001:db8:1:2::/64');
    expect(limitKey('::1')).toBe('0:0:0:0::/64');
  });
});

describe('the limiter memory is bounded', () => {
  test('a flood of new keys keeps at most maxKeys entries, and known clients keep counting', () => {
    let now = 0;
    const store = new BoundedStore(1000, () => now);
    store.init({ windowMs: 60_000 });
    for (let i = 0; i < 50_000; i++) store.increment(`k${i}`);
    expect(store.size).toBe(1000);
    store.increment('victim');
    store.increment('victim');
    expect(store.get('victim')?.totalHits).toBe(2);
    now = 61_000;
    expect(store.get('victim')).toBeUndefined();
    expect(store.increment('victim').totalHits).toBe(1);
  });
});
