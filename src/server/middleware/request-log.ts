/** One structured log line per request: method, path, status, duration and request id; 429 floods in summary. */
import type { MiddlewareHandler } from 'hono';
import type { LogFn } from '../deps.js';

/** While clients are being rate limited, one summary line per this many milliseconds instead of one per 429. */
export const REJECTED_SUMMARY_MS = 10_000;

/**
 * Logs after the response is ready (for an event stream: when it opens). The query string is left out,
 * since it can hold a user's question. The first 429 of a period is logged as usual; the rest of the period's 429s
 * become one `rate limited requests` line with their count, so a flood cannot fill the disk with log lines.
 * @example app.use(requestLog({ log: jsonLineLog }));
 */
export function requestLog(options: { log: LogFn; summaryMs?: number }): MiddlewareHandler {
  const { log } = options;
  const summaryMs = options.summaryMs ?? REJECTED_SUMMARY_MS;
  let periodStart = -Infinity;
  let suppressed = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    if (suppressed === 0) return;
    log({ level: 'warn', msg: 'rate limited requests', status: 429, count: suppressed, periodMs: summaryMs });
    suppressed = 0;
  };

  return async function requestLog(c, next) {
    const started = performance.now();
    const durationMs = () => Math.round((performance.now() - started) * 10) / 10;
    // A client that leaves before the answer is logged when it leaves: the work it abandoned may take a while to stop.
    const signal = c.req.raw.signal;
    let done = false;
    const onAbort = () => {
      if (!done) log({ level: 'info', msg: 'client aborted', requestId: c.get('requestId'), method: c.req.method, path: c.req.path, durationMs: durationMs() });
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      await next();
    } finally {
      done = true;
      signal?.removeEventListener('abort', onAbort);
    }
    if (c.res.status === 429) {
      const now = Date.now();
      if (now - periodStart < summaryMs) {
        suppressed += 1;
        timer ??= setTimeout(flush, periodStart + summaryMs - now);
        timer.unref?.();
        return;
      }
      periodStart = now;
    }
    log({
      level: 'info',
      msg: 'request',
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      durationMs: durationMs(),
    });
  };
}
