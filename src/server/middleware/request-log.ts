/** One structured log line per request: method, path, status, duration and request id. */
import type { MiddlewareHandler } from 'hono';
import type { LogFn } from '../deps.js';

/**
 * Logs after the response is ready (for an event stream: when it opens). The query string is left out,
 * since it can hold a user's question.
 * @example app.use(requestLog({ log: jsonLineLog }));
 */
export function requestLog(options: { log: LogFn }): MiddlewareHandler {
  const { log } = options;
  return async function requestLog(c, next) {
    const started = performance.now();
    await next();
    log({
      level: 'info',
      msg: 'request',
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
    });
  };
}
