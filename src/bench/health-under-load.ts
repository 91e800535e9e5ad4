/**
 * Does /health answer while the server works on questions? Drives a server with `connections` concurrent uncached
 * questions (each request a question text not asked before, from a rotating forwarded client address) and probes
 * GET /health on its own connection throughout, timing each probe.
 */
import { runLoad, type LoadRequest, type LoadResult } from './load-test.js';
import { percentile, round } from './stats.js';

export interface HealthUnderLoad {
  load: LoadResult;
  health: { probes: number; p50: number; p99: number; max: number; failed: number };
}

/**
 * The environment of a server put under question load: this process's, with loopback trusted as a proxy (so each
 * request's X-Forwarded-For is its client, as behind a real proxy), no rate limit and no request log; then `overrides`.
 * @example startWorker(workerPath('serve-worker.ts'), ['runtime'], loadedServerEnv({ INDEX_DIR: dir }))
 */
export function loadedServerEnv(overrides: Record<string, string> = {}): Record<string, string> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined));
  return { ...inherited, TRUST_PROXY: 'loopback', RATE_LIMIT_PER_MINUTE: '0', LOG_REQUESTS: '0', ...overrides };
}

/**
 * Questions made unique (a numbered suffix), so no answer comes from the query cache; each carries one of
 * `clients` X-Forwarded-For addresses (the server must trust loopback as a proxy to tell them apart). Numbers start
 * at `from`, so successive loads on one server stay uncached.
 * @example uncachedQuestionRequests(['Chi?'], 2000, 256)
 */
export function uncachedQuestionRequests(questions: readonly string[], count: number, clients: number, from = 0): LoadRequest[] {
  return Array.from({ length: count }, (_, i) => ({
    method: 'POST' as const,
    path: '/api/ask',
    body: JSON.stringify({ question: `${questions[i % questions.length]} (${from + i})` }),
    headers: { 'x-forwarded-for': `10.${(i % clients) >> 8}.${(i % clients) & 255}.1` },
  }));
}

/**
 * Runs the load for `durationSec` and probes /health every `probeEveryMs` meanwhile (a probe waits for the previous one).
 * @example await healthUnderLoad('http://127.0.0.1:3200', requests, { connections: 64, durationSec: 15, probeEveryMs: 50 })
 */
export async function healthUnderLoad(
  baseUrl: string,
  requests: readonly LoadRequest[],
  settings: { connections: number; durationSec: number; probeEveryMs: number },
): Promise<HealthUnderLoad> {
  const times: number[] = [];
  let failed = 0;
  let running = true;
  const probing = (async () => {
    while (running) {
      const started = performance.now();
      try {
        const response = await fetch(new URL('/health', baseUrl), { signal: AbortSignal.timeout(30_000) });
        await response.arrayBuffer();
        if (!response.ok) failed += 1;
      } catch {
        failed += 1;
      }
      times.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, settings.probeEveryMs));
    }
  })();
  const load = await runLoad(baseUrl, requests, { connections: settings.connections, durationSec: settings.durationSec });
  running = false;
  await probing;
  return {
    load,
    health: {
      probes: times.length,
      p50: round(percentile(times, 50), 1),
      p99: round(percentile(times, 99), 1),
      max: round(times.reduce((a, b) => Math.max(a, b), 0), 1),
      failed,
    },
  };
}
