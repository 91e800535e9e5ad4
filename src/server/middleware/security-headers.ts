/** Security headers: strict on the JSON API, relaxed on pages and scripts other sites must load (the widget). */
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/** Paths that only ever answer JSON, so they can forbid everything a document could load. */
export function isJsonApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/') || path === '/health' || path === '/openapi.json';
}

/**
 * JSON routes get `default-src 'none'` and may not be framed. Everything else (widget script, demo page)
 * gets the same nosniff/referrer defaults but `Cross-Origin-Resource-Policy: cross-origin`, so
 * `<script src=".../widget.js">` works from any site, and no CSP here: the page that serves HTML sets its own.
 */
export function securityHeaders(): MiddlewareHandler {
  const forApi = secureHeaders({
    contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    xFrameOptions: 'DENY',
  });
  // overwrite: false lets the mounted routes (the widget's pages) keep headers they chose themselves.
  const forPages = secureHeaders({ crossOriginResourcePolicy: 'cross-origin', overwrite: false });
  return function securityHeaders(c, next) {
    return isJsonApiPath(c.req.path) ? forApi(c, next) : forPages(c, next);
  };
}
