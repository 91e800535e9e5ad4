/** Benchmark step b: a server in a child process on loopback, driven by autocannon per endpoint and concurrency. */
import type { BenchContext } from './bench-context.js';
import type { ServingRun } from './bench-report.js';
import { runLoad, warmUp, type LoadRequest, type LoadResult } from './load-test.js';
import { round } from './stats.js';
import { startWorker, workerPath, type Worker } from './worker-process.js';

export interface RunningServer {
  url: string;
  mode: string;
  chunks: number;
  worker: Worker;
  /** Resident and peak memory of the server process, in MB. */
  memory(): Promise<{ rssMB: number; peakRssMB: number }>;
  stop(): Promise<void>;
}

/** Starts `serve-worker.ts` (`runtime` or `synthetic`) and waits until it listens. */
export async function startBenchServer(context: BenchContext, kind: 'runtime' | 'synthetic', env: Record<string, string>): Promise<RunningServer & { loadedRssMB: number }> {
  const worker = startWorker(workerPath('serve-worker.ts'), [kind], { ...context.baseEnv, ...env });
  try {
    const ready = await worker.next('ready', 300_000);
    if (!ready.ok) throw new Error(`The benchmark server did not start: ${String(ready.error)}`);
    const toMB = (bytes: unknown) => round(Number(bytes) / 2 ** 20, 1);
    return {
      url: String(ready.url),
      mode: String(ready.mode),
      chunks: Number(ready.chunks),
      worker,
      loadedRssMB: toMB(ready.rssBytes),
      async memory() {
        worker.send({ type: 'memory' });
        const m = await worker.next('memory', 10_000);
        return { rssMB: toMB(m.rssBytes), peakRssMB: toMB(m.peakRssBytes) };
      },
      async stop() {
        worker.send({ type: 'stop' });
        await worker.kill();
      },
    };
  } catch (error) {
    await worker.kill();
    throw error;
  }
}

/** The request rotations the benchmark sends, one per endpoint, built from the question texts. */
export function endpointRequests(queries: readonly string[]): Record<string, LoadRequest[]> {
  return {
    'POST /api/ask': queries.map((q) => ({ method: 'POST', path: '/api/ask', body: JSON.stringify({ question: q, topK: 5 }) })),
    'GET /api/search': queries.map((q) => ({ method: 'GET', path: `/api/search?q=${encodeURIComponent(q)}&topK=5` })),
    'GET /health': [{ method: 'GET', path: '/health' }],
  };
}

/** Warms every endpoint up, then measures each endpoint at each concurrency. */
export async function measureEndpoints(
  url: string,
  rotations: Record<string, LoadRequest[]>,
  connections: readonly number[],
  durationSec: number,
  log: (line: string) => void,
): Promise<ServingRun[]> {
  for (const requests of Object.values(rotations)) await warmUp(url, requests);
  const runs: ServingRun[] = [];
  for (const [endpoint, requests] of Object.entries(rotations)) {
    for (const c of connections) {
      const result = await runLoad(url, requests, { connections: c, durationSec });
      log(`  ${endpoint} c=${c}: ${describeLoad(result)}`);
      runs.push({ endpoint, ...result });
    }
  }
  return runs;
}

/** One log line for a load run; a window in which no response completed says so instead of printing NaN. */
export function describeLoad(result: LoadResult): string {
  if (result.responses === 0) return `no response completed within the ${result.durationSec} s window (${result.errors} errors); no latency measured`;
  return `p50 ${result.latencyMs.p50} ms, p95 ${result.latencyMs.p95} ms, p99 ${result.latencyMs.p99} ms, ${result.requestsPerSec} req/s`;
}
