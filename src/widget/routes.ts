/**
 * The widget's routes: GET /widget.js, the demo page at GET /, readable source pages at GET /sources/:file and
 * the original files behind them at GET /originals/:file.
 */
import { Hono } from 'hono';
import { paragraphWindow } from '../corpus/paragraph-window.js';
import type { LoadedIndex } from '../index/types.js';
import { DEMO_PAGE_SCRIPT, demoPage } from './pages/demo-page.js';
import { parseHighlightParam } from './client/highlight.js';
import { PAGE_LANGUAGES, pickPageLanguage } from './pages/page-strings.js';
import { missingSourcePage, sourcePage } from './pages/source-page.js';
import { createWidgetAssetLoader } from './widget-asset.js';

export interface WidgetRouteDeps {
  index: LoadedIndex;
  /** Folder holding a built widget.js; by default dist/widget, built on first request when missing. */
  assetsDir?: string;
  /** PUBLIC_URL: the origin pages name in the widget endpoint and embed snippet; relative when unset (never the Host header). */
  publicUrl?: string;
}

/**
 * The pages' own policy: scripts only from this server (widget.js), no inline script, so even a mistake in
 * escaping could not run code. Inline styles are allowed for the pages' and the widget's stylesheets.
 */
const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'unsafe-inline'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join('; ');

/**
 * Routes to mount at `/`. Source pages serve only files of the loaded index: the URL never reaches the file system.
 * @example createApp({ ...deps, extraRoutes: widgetRoutes({ index }) })
 */
export function widgetRoutes(deps: WidgetRouteDeps): Hono {
  const loadWidget = createWidgetAssetLoader(deps.assetsDir);
  const origin = deps.publicUrl ?? '';
  const app = new Hono();

  app.get('/widget.js', async (c) => {
    const { body, etag } = await loadWidget();
    c.header('ETag', etag);
    // Short freshness, then revalidation: a new release reaches embedding sites within minutes.
    c.header('Cache-Control', 'public, max-age=300, must-revalidate');
    // Any site may load the script (with a strict COEP, its cross-origin fetch would otherwise be blocked).
    c.header('Cross-Origin-Resource-Policy', 'cross-origin');
    c.header('Access-Control-Allow-Origin', '*');
    c.header('X-Content-Type-Options', 'nosniff');
    if (matchesEtag(c.req.header('If-None-Match'), etag)) return c.body(null, 304);
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    return c.body(body);
  });

  app.get('/demo-page.js', (c) => {
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=300');
    c.header('X-Content-Type-Options', 'nosniff');
    return c.body(DEMO_PAGE_SCRIPT);
  });

  app.get('/', (c) => {
    const language = pickPageLanguage(c.req.query('lang'), c.req.header('Accept-Language'));
    c.header('Cache-Control', 'no-store');
    c.header('Content-Security-Policy', PAGE_CSP);
    c.header('Vary', 'Accept-Language');
    const requested = PAGE_LANGUAGES.find((l) => l === c.req.query('lang'));
    return c.html(demoPage(deps.index, origin, language, requested));
  });

  app.get('/sources/:file{.+}', (c) => {
    const file = c.req.param('file');
    const document = deps.index.documents.get(file);
    c.header('Cache-Control', 'no-store');
    c.header('Content-Security-Policy', PAGE_CSP);
    c.header('Vary', 'Accept-Language');
    const language = pickPageLanguage(c.req.query('lang'), c.req.header('Accept-Language'), document?.language);
    if (!document) return c.html(missingSourcePage(file, language), 404);
    const from = Number(/^[1-9]\d{0,8}$/.exec(c.req.query('from') ?? '')?.[0] ?? 1);
    return c.html(sourcePage(document, origin, language, paragraphWindow(document, from), parseHighlightParam(c.req.query('highlight'))));
  });

  return app;
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.trim() === '*' || header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
