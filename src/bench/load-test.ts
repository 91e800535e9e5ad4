/** HTTP load against a running server with autocannon, latencies taken from every response (exact percentiles). */
import autocannon from 'autocannon';
import { mean, percentile, round } from './stats.js';

/** One request of the rotation the connections go through together. */
export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  headers?: Record<string, string>;
}

export interface LoadSettings {
  connections: number;
  durationSec: number;
}

export interface LoadResult {
  connections: number;
  durationSec: number;
  /** Completed responses, and of those how many were not 2xx. */
  responses: number;
  non2xx: number;
  /** Connection errors and timeouts. */
  errors: number;
  requestsPerSec: number;
  latencyMs: { p50: number; p95: number; p99: number; mean: number; max: number };
}

/**
 * Drives `baseUrl` with `connections` concurrent connections for `durationSec`. The connections take `requests` in
 * turn from one shared rotation, so each request is sent once before any is sent again (with autocannon's own
 * per-connection rotation every connection would send the same request at the same moment).
 * @example await runLoad('http://127.0.0.1:3000', [{ method: 'GET', path: '/health' }], { connections: 8, durationSec: 5 })
 */
export function runLoad(baseUrl: string, requests: readonly LoadRequest[], settings: LoadSettings): Promise<LoadResult> {
  const latencies: number[] = [];
  let non2xx = 0;
  let next = 0;
  const take = (request: autocannon.Request): autocannon.Request => {
    const r = requests[next++ % requests.length]!;
    return { ...request, method: r.method, path: r.path, body: r.body, headers: { 'content-type': 'application/json', ...r.headers } };
  };
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: baseUrl,
        connections: settings.connections,
        duration: settings.durationSec,
        timeout: 30,
        headers: { 'content-type': 'application/json' },
        requests: [{ setupRequest: take }],
      },
      (error, result) => {
        if (error) return reject(error);
        const elapsedSec = (performance.now() - started) / 1000;
        resolve({
          connections: settings.connections,
          durationSec: settings.durationSec,
          responses: latencies.length,
          non2xx,
          errors: result.errors + result.timeouts,
          requestsPerSec: round(latencies.length / elapsedSec, 1),
          latencyMs: {
            p50: round(percentile(latencies, 50), 3),
            p95: round(percentile(latencies, 95), 3),
            p99: round(percentile(latencies, 99), 3),
            mean: round(mean(latencies), 3),
            max: round(latencies.reduce((a, b) => Math.max(a, b), 0), 3),
          },
        });
      },
    );
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTimeMs: number) => {
      latencies.push(responseTimeMs);
      if (statusCode < 200 || statusCode >= 300) non2xx++;
    });
  });
}

/** Sends each request once, in order, and fails on a non-2xx answer: checks the endpoints work and warms the server up. */
export async function warmUp(baseUrl: string, requests: readonly LoadRequest[]): Promise<void> {
  await timeRequests(baseUrl, requests);
}

/**
 * Sends each request once, one at a time, and returns each one's time to the full response body in ms; a non-2xx
 * answer is an error.
 */
export async function timeRequests(baseUrl: string, requests: readonly LoadRequest[]): Promise<number[]> {
  const times: number[] = [];
  for (const r of requests) {
    const started = performance.now();
    const response = await fetch(new URL(r.path, baseUrl), {
      method: r.method,
      body: r.body,
      headers: r.body ? { 'content-type': 'application/json' } : undefined,
    });
    if (!response.ok) {
      throw new Error(`Benchmark request ${r.method} ${r.path.slice(0, 80)} answered HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`);
    }
    await response.arrayBuffer();
    times.push(performance.now() - started);
  }
  return times;
}
