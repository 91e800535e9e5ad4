/** Optional shared-secret check for /api: `Authorization: Bearer <key>`. */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { apiError } from '../errors.js';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/**
 * Rejects requests without the key with 401 JSON. Keys are compared as hashes in constant time,
 * so neither their content nor their length leaks through timing. Use HTTPS: the key travels in clear.
 * @example app.use('/api/*', apiKeyAuth({ apiKey: config.server.apiKey }));
 */
export function apiKeyAuth(options: { apiKey: string }): MiddlewareHandler {
  const expected = digest(options.apiKey);
  return async function apiKeyAuth(c, next) {
    const match = /^Bearer[ \t]+(.+)$/i.exec(c.req.header('authorization') ?? '');
    const given = match?.[1].trim();
    if (!given || !timingSafeEqual(digest(given), expected)) {
      c.header('WWW-Authenticate', 'Bearer realm="api"');
      throw apiError(401, 'unauthorized', 'This API needs a key: send "Authorization: Bearer <API_KEY>".');
    }
    await next();
  };
}
