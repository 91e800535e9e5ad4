/** GET /originals/:file: streamed with Content-Length and byte ranges, capped per client, closed on clients that stop reading. */
import { createHash } from 'node:crypto';
import { writeFile, utimes } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LoadedIndex } from '../src/index/types.js';
import { startServer } from '../src/server/serve.js';
import { tempDir } from './helpers/temp-dir.js';
import { createTestApp, expectJsonError, sharedRuntime } from './server-helpers.js';

// Large against loopback socket buffers (several MB here), so a client that stops reading is far from the whole file.
const SIZE = 32 * 1024 * 1024;
let dir: string;
let bytes: Buffer;
let index: LoadedIndex;

beforeAll(async () => {
  dir = await tempDir('originals-');
  bytes = Buffer.alloc(SIZE, 'Ciao a tutti. ');
  await writeFile(path.join(dir, 'big.txt'), bytes);
  const { index: base } = await sharedRuntime();
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  // The shared index, pointed at a folder holding one large file it lists as indexed.
  index = {
    ...base,
    manifest: { ...base.manifest, corpusDir: dir },
    documents: new Map([['big.txt', { file: 'big.txt', sha256, language: 'it', paragraphs: [{ number: 1, text: 'Ciao a tutti.', language: 'it' }] }]]),
  };
});

const appWith = async (originals: { perClient: number; idleTimeoutMs: number } = { perClient: 4, idleTimeoutMs: 30_000 }) => {
  const { config } = await sharedRuntime();
  return (await createTestApp({ index, config: { ...config, originals } })).app;
};

describe('GET /originals/:file', () => {
  it('streams the whole file with Content-Length, Accept-Ranges and the sha256 as ETag', async () => {
    const app = await appWith();
    const response = await app.request('/originals/big.txt');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(SIZE));
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(response.headers.get('etag')).toBe(`"${index.documents.get('big.txt')!.sha256}"`);
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('answers single byte ranges with 206 and Content-Range, and a range past the end with 416', async () => {
    const app = await appWith();
    const part = await app.request('/originals/big.txt', { headers: { Range: 'bytes=100000-100009' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100000-100009/${SIZE}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(100_000, 100_010))).toBe(true);
    const tail = await app.request('/originals/big.txt', { headers: { Range: 'bytes=-5' } });
    expect(Buffer.from(await tail.arrayBuffer()).equals(bytes.subarray(SIZE - 5))).toBe(true);
    const stale = await app.request('/originals/big.txt', { headers: { Range: 'bytes=0-9', 'If-Range': '"other"' } });
    expect(stale.status).toBe(200);
    await stale.body?.cancel();
    const outside = await app.request('/originals/big.txt', { headers: { Range: `bytes=${SIZE}-` } });
    expect(outside.headers.get('content-range')).toBe(`bytes */${SIZE}`);
    await expectJsonError(outside, 416, 'range_not_satisfiable');
  });

  it('answers HEAD without a body, 405 to POST, 400 to a name that leaves the corpus, 404 to one not indexed', async () => {
    const app = await appWith();
    const head = await app.request('/originals/big.txt', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(SIZE));
    const post = await app.request('/originals/big.txt', { method: 'POST' });
    expect(post.headers.get('allow')).toContain('GET');
    await expectJsonError(post, 405, 'method_not_allowed');
    await expectJsonError(await app.request('/originals/..%2F..%2Fetc%2Fpasswd'), 400, 'invalid_path');
    await expectJsonError(await app.request('/originals/nothing.pdf'), 404, 'not_found');
  });

  it('re-checks the hash when size or modification time change: 409 for changed bytes, 200 again once restored', async () => {
    const app = await appWith();
    const file = path.join(dir, 'big.txt');
    const changed = Buffer.from(bytes);
    changed[0] = 0x21;
    await writeFile(file, changed);
    await utimes(file, new Date(), new Date(Date.now() + 5_000));
    await expectJsonError(await app.request('/originals/big.txt'), 409, 'changed');
    await writeFile(file, bytes);
    await utimes(file, new Date(), new Date(Date.now() + 10_000));
    const restored = await app.request('/originals/big.txt');
    expect(restored.status).toBe(200);
    await restored.body?.cancel();
  });
});

/** Sends a GET over a raw socket and never reads the answer; resolves with the socket once the headers are written back. */
function stalledGet(port: number, target: string): Promise<{ socket: net.Socket; received: () => Promise<number> }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
      socket.once('data', (first) => {
        socket.pause();
        let total = first.length;
        const received = () =>
          new Promise<number>((done) => {
            socket.on('data', (chunk: Buffer) => (total += chunk.length));
            socket.once('close', () => done(total));
            socket.resume();
          });
        resolve({ socket, received });
      });
    });
    socket.on('error', () => {});
    socket.once('timeout', reject);
  });
}

describe('GET /originals/:file over a real connection', () => {
  it('caps downloads at once per client (429) and closes a download the client stops reading', { timeout: 30_000 }, async () => {
    const app = await appWith({ perClient: 2, idleTimeoutMs: 500 });
    const handle = await startServer(app, { host: '127.0.0.1', port: 0, handleSignals: false, shutdownGraceMs: 100 });
    try {
      const stalled = [await stalledGet(handle.port, '/originals/big.txt'), await stalledGet(handle.port, '/originals/big.txt')];
      const third = await fetch(`${handle.url}/originals/big.txt`);
      expect(third.status).toBe(429);
      expect(third.headers.get('retry-after')).toBe('5');
      await third.body?.cancel();
      // Nobody reads: the server gives up on both after the idle time, which frees their places.
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      const again = await fetch(`${handle.url}/originals/big.txt`);
      expect(again.status).toBe(200);
      expect(Buffer.from(await again.arrayBuffer()).length).toBe(SIZE);
      // What the stalled clients had been sent when the server closed on them: far from the whole file.
      for (const s of stalled) expect(await s.received()).toBeLessThan(SIZE / 2);
    } finally {
      await handle.close();
    }
  });
});
