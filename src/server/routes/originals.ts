/**
 * GET /originals/:file: the original file behind a citation, streamed with Content-Length and single byte ranges
 * (a PDF viewer opening `#page=N` asks for the parts it needs), a cap on downloads at once per client, and a
 * time limit on clients that stop reading.
 */
import { Hono } from 'hono';
import { byteRange } from '../byte-range.js';
import type { ResolvedDeps } from '../deps.js';
import { apiError } from '../errors.js';
import { fileStream } from '../file-stream.js';
import { clientKey } from '../middleware/rate-limit.js';
import { createOriginalFiles } from '../original-file.js';
import { assertSafeFileName } from '../source-path.js';

export function originalsRoutes(deps: ResolvedDeps): Hono {
  const app = new Hono();
  const originals = createOriginalFiles(deps.index);
  const { perClient, idleTimeoutMs } = deps.config.originals;
  const downloads = new Map<string, number>();

  app.get('/originals/:file{.+}', async (c) => {
    const file = c.req.param('file');
    assertSafeFileName(file);
    const original = await originals.find(file);
    if (!original.ok) throw apiError(original.status, original.status === 404 ? 'not_found' : 'changed', original.message);
    c.header('Content-Type', original.contentType);
    c.header('Cache-Control', 'no-cache');
    c.header('ETag', `"${original.sha256}"`);
    c.header('Accept-Ranges', 'bytes');
    c.header('X-Content-Type-Options', 'nosniff');
    // An HTML original is someone else's page: shown sandboxed (no script, no same-origin access), never run as ours.
    c.header('Content-Security-Policy', 'sandbox; default-src \'none\'; img-src data:; style-src \'unsafe-inline\'');
    const ifRange = c.req.header('If-Range');
    const range = ifRange === undefined || ifRange === `"${original.sha256}"` ? byteRange(c.req.header('Range'), original.size) : undefined;
    if (range === 'unsatisfiable') {
      c.header('Content-Range', `bytes */${original.size}`);
      throw apiError(416, 'range_not_satisfiable', `The range asked for is outside the file's ${original.size} bytes.`);
    }
    const { start, end } = range ?? { start: 0, end: original.size - 1 };
    c.header('Content-Length', String(end + 1 - start));
    if (range) c.header('Content-Range', `bytes ${start}-${end}/${original.size}`);
    const status = range ? 206 : 200;
    if (c.req.method === 'HEAD' || end < start) return c.body(null, status);

    const client = clientKey(c, deps.config.server.trustProxy);
    const running = downloads.get(client) ?? 0;
    if (running >= perClient) {
      c.header('Retry-After', '5');
      throw apiError(429, 'too_many_downloads', `At most ${perClient} original files download at once per client; wait for one to finish.`);
    }
    downloads.set(client, running + 1);
    const finished = () => {
      const left = (downloads.get(client) ?? 1) - 1;
      if (left > 0) downloads.set(client, left);
      else downloads.delete(client);
    };
    const stream = fileStream(original.path, start, end, idleTimeoutMs, finished);
    c.req.raw.signal.addEventListener('abort', () => void stream.cancel().catch(() => {}), { once: true });
    return c.body(stream, status);
  });
  return app;
}
