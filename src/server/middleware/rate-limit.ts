/** Per-client request limit for /api, answering 429 JSON with Retry-After. */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import { apiError } from '../errors.js';

/** Key used when the client address is unknown (e.g. requests made in-process with `app.request`). */
const UNKNOWN_CLIENT = 'unknown-client';

/**
 * The client's key: the first hop of X-Forwarded-For, else the socket's remote address.
 * Security: X-Forwarded-For is trusted as sent, which is right only behind a proxy that sets it;
 * exposed directly, a client can change it on every request to dodge the limit.
 */
export function clientKey(c: Context): string {
  const firstHop = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
  if (firstHop) return firstHop.slice(0, 64); // bounded: keys are held in memory for a minute
  try {
    return getConnInfo(c).remote.address ?? UNKNOWN_CLIENT;
  } catch {
    return UNKNOWN_CLIENT; // no Node socket behind this request
  }
}

/**
 * Allows `perMinute` requests per client per minute (memory store: per process).
 * @example app.use('/api/*', rateLimit({ perMinute: 120 }));
 */
export function rateLimit(options: { perMinute: number }): MiddlewareHandler {
  const { perMinute } = options;
  return rateLimiter({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-6',
    keyGenerator: clientKey,
    handler: () => {
      throw apiError(
        429,
        'rate_limited',
        `Too many requests: the limit is ${perMinute} per minute per client. Retry after the number of seconds in Retry-After.`,
      );
    },
  });
}
