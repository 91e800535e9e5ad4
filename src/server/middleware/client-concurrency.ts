/**
 * At most N questions in progress at once per client (a 429 beyond), and at most M in all (a 503 beyond), so one
 * client cannot take every core and a crowd cannot queue up work until /health stops answering.
 */
import type { MiddlewareHandler } from 'hono';
import type { TrustProxy } from '../client-address.js';
import { apiError } from '../errors.js';
import { clientKey } from './rate-limit.js';

/**
 * Counts a client's requests in progress (until the handler has answered: for /api/ask/stream, retrieval is done
 * before the stream opens) and answers 429 `too_many_questions` with Retry-After past `perClient`. The rate limit
 * bounds how many questions a client asks per minute; this bounds how many it has the server work on at once.
 * A limit of 0 is no limit.
 * @example app.use('/api/ask', clientConcurrency({ perClient: 2, inFlight: 8, trustProxy }))
 */
export function clientConcurrency(options: { perClient: number; inFlight: number; trustProxy: TrustProxy }): MiddlewareHandler {
  const running = new Map<string, number>();
  let total = 0;
  return async function clientConcurrencyLimit(c, next) {
    if (options.inFlight > 0 && total >= options.inFlight) {
      c.header('Retry-After', '1');
      throw apiError(503, 'busy', `The server is answering ${options.inFlight} questions already; ask again in a moment.`);
    }
    const client = clientKey(c, options.trustProxy);
    const count = running.get(client) ?? 0;
    if (options.perClient > 0 && count >= options.perClient) {
      c.header('Retry-After', '1');
      throw apiError(429, 'too_many_questions', `At most ${options.perClient} questions at once per client; wait for an answer before asking again.`);
    }
    running.set(client, count + 1);
    total += 1;
    try {
      await next();
    } finally {
      total -= 1;
      const left = (running.get(client) ?? 1) - 1;
      if (left > 0) running.set(client, left);
      else running.delete(client);
    }
  };
}
