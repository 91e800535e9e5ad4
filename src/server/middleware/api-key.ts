/** Optional shared-secret check for /api and the pages that show the corpus: `Authorization: Bearer <key>`. */
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
  const isKeyHolder = keyChecker(options.apiKey);
  return async function apiKeyAuth(c, next) {
    if (!isKeyHolder(c.req.header('authorization'))) {
      c.header('WWW-Authenticate', 'Bearer realm="api"');
      throw apiError(401, 'unauthorized', 'This API needs a key: send "Authorization: Bearer <API_KEY>".');
    }
    await next();
  };
}

/**
 * A test of an Authorization header against the key; with no key configured, everyone holds it.
 * @example const isKeyHolder = keyChecker(config.server.apiKey); isKeyHolder(c.req.header('authorization'))
 */
export function keyChecker(apiKey: string | undefined): (authorization: string | undefined) => boolean {
  if (!apiKey) return () => true;
  const expected = digest(apiKey);
  return (authorization) => {
    const given = /^Bearer[ \t]+(.+)$/i.exec(authorization ?? '')?.[1].trim();
    return Boolean(given) && timingSafeEqual(digest(given!), expected);
  };
}
