/** At most N requests of one kind in progress at once per client: a 429 beyond, so one client cannot take every core. */
import type { MiddlewareHandler } from 'hono';
import type { TrustProxy } from '../client-address.js';
import { apiError } from '../errors.js';
import { clientKey } from './rate-limit.js';

/**
 * Counts a client's requests in progress (until the handler has answered: for /api/ask/stream, retrieval is done
 * before the stream opens) and answers 429 `too_many_questions` with Retry-After past `perClient`. The rate limit
 * bounds how many questions a client asks per minute; this bounds how many it has the server work on at once.
 * @example app.use('/api/ask', clientConcurrency({ perClient: 2, trustProxy }))
 */
export function clientConcurrency(options: { perClient: number; trustProxy: TrustProxy }): MiddlewareHandler {
  const running = new Map<string, number>();
  return async function clientConcurrencyLimit(c, next) {
    const client = clientKey(c, options.trustProxy);
    const count = running.get(client) ?? 0;
    if (count >= options.perClient) {
      c.header('Retry-After', '1');
      throw apiError(429, 'too_many_questions', `At most ${options.perClient} questions at once per client; wait for an answer before asking again.`);
    }
    running.set(client, count + 1);
    try {
      await next();
    } finally {
      const left = (running.get(client) ?? 1) - 1;
      if (left > 0) running.set(client, left);
      else running.delete(client);
    }
  };
}
