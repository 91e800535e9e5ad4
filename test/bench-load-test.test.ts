/** The load generator sends its requests in one shared rotation: concurrent connections never repeat a request early. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { runLoad, type LoadRequest } from '../src/bench/load-test.js';

describe('runLoad', () => {
  it('gives every connection the next unsent request, so distinct requests stay distinct under concurrency', async () => {
    const seen: string[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        seen.push(`${req.headers['x-client']} ${body}`);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const requests: LoadRequest[] = Array.from({ length: 100_000 }, (_, i) => ({ method: 'POST', path: '/ask', body: JSON.stringify({ i }), headers: { 'x-client': String(i % 7) } }));
      const result = await runLoad(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests, { connections: 8, durationSec: 1 });
      expect(result.responses).toBeGreaterThan(50);
      expect(result.non2xx).toBe(0);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toContain('0 {"i":0}');
      expect(seen).toContain('1 {"i":1}');
    } finally {
      server.close();
    }
  });
});
