/** Per-client request limit, answering 429 JSON with Retry-After. */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import { clientAddress, limitKey, type TrustProxy } from '../client-address.js';
import { apiError } from '../errors.js';
import { BoundedStore } from './bounded-store.js';

/** Key used when the client address is unknown (e.g. requests made in-process with `app.request`). */
const UNKNOWN_CLIENT = 'unknown-client';

/** Most clients tracked at once (~100 bytes each): a flood of new addresses cannot grow memory past this. */
export const MAX_TRACKED_CLIENTS = 100_000;

/** The socket's remote address, or undefined when there is no Node socket behind the request. */
export function socketAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}

/**
 * The client's rate-limit key: its address as TRUST_PROXY allows it to be known (see `clientAddress`),
 * IPv6 grouped by /64.
 */
export function clientKey(c: Context, trustProxy: TrustProxy): string {
  const address = clientAddress(socketAddress(c), c.req.header('x-forwarded-for'), trustProxy);
  return address ? limitKey(address) : UNKNOWN_CLIENT;
}

/**
 * Allows `perMinute` requests per client per minute (memory store: per process, bounded).
 * @example app.use('/api/*', rateLimit({ perMinute: 120, trustProxy: { kind: 'none' } }));
 */
export function rateLimit(options: { perMinute: number; trustProxy: TrustProxy; maxClients?: number }): MiddlewareHandler {
  const { perMinute, trustProxy } = options;
  return rateLimiter({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-6',
    keyGenerator: (c) => clientKey(c, trustProxy),
    store: new BoundedStore(options.maxClients ?? MAX_TRACKED_CLIENTS),
    handler: () => {
      throw apiError(
        429,
        'rate_limited',
        `Too many requests: the limit is ${perMinute} per minute per client. Retry after the number of seconds in Retry-After.`,
      );
    },
  });
}
