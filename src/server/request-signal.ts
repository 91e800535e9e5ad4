/** An AbortSignal for a request's work: aborted when the client goes away or the request time runs out. */
import type { Context } from 'hono';

/**
 * Combines the request's own signal with a timeout, so the answerer stops working for nobody.
 * @example await answerer.answer(input, requestSignal(c, config.server.requestTimeoutMs));
 */
export function requestSignal(c: Context, timeoutMs: number): AbortSignal {
  return AbortSignal.any([c.req.raw.signal, AbortSignal.timeout(timeoutMs)]);
}
