/** GET /admin and GET /admin.js: the admin page and its bundled script (src/admin/client). */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { ensureWidgetBuilt } from '../widget/build-widget.js';
import { adminPage } from './admin-page.js';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const BUNDLE = {
  sourceDir: path.join(projectRoot, 'src/admin/client'),
  entry: path.join(projectRoot, 'src/admin/client/admin.ts'),
  outFile: path.join(projectRoot, 'dist/admin/admin.js'),
};

/** Scripts only from this server, no inline script; the API is same-origin only. */
const ADMIN_CSP = ["default-src 'none'", "script-src 'self'", "style-src 'unsafe-inline'", "connect-src 'self'", "img-src 'self' data:", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'"].join('; ');

/**
 * The page reveals nothing by itself (the documents come from the API, with the key), so it needs no key to load.
 * @example app.route('/', adminPageRoutes())
 */
export function adminPageRoutes(): Hono {
  const app = new Hono();
  let script: Promise<{ body: Uint8Array<ArrayBuffer>; etag: string }> | undefined;
  const loadScript = () =>
    (script ??= ensureWidgetBuilt({ ...BUNDLE, force: false })
      .then(async ({ outFile }) => {
        const body = new Uint8Array(await readFile(outFile));
        return { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
      })
      .catch((error: unknown) => {
        script = undefined;
        throw error;
      }));

  app.get('/admin', (c) => {
    c.header('Cache-Control', 'no-store');
    c.header('Content-Security-Policy', ADMIN_CSP);
    c.header('X-Frame-Options', 'DENY');
    return c.html(adminPage());
  });
  app.get('/admin.js', async (c) => {
    const { body, etag } = await loadScript();
    c.header('ETag', etag);
    c.header('Cache-Control', 'no-cache');
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    return c.body(body);
  });
  return app;
}
