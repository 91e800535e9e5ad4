/**
 * `POST /api/ask` with uncached questions (each text asked once) at several concurrencies, with /health probed
 * throughout, for the server running each embedding engine: today's path (transformers.js v2 on the event loop)
 * and weight formats of the worker-pool runtime, one server process after the other over the same hybrid index,
 * each warmed up first with every question asked once.
 */
import { healthUnderLoad, loadedServerEnv, uncachedQuestionRequests } from '../health-under-load.js';
import { startWorker, workerPath } from '../worker-process.js';
import type { EngineName } from './engine-types.js';

export interface AskLoadRun {
  engine: EngineName;
  connections: number;
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** Responses that were not 2xx (503 `overloaded` past the embedding queue's bound), and connection errors. */
  non2xx: number;
  errors: number;
  healthP99Ms: number;
  healthMaxMs: number;
}

export interface AskUnderLoad {
  durationSec: number;
  runs: AskLoadRun[];
  /** The server process after its loads: resident now, and its peak. */
  memory: { engine: EngineName; rssMB: number; peakRssMB: number }[];
}

export interface AskUnderLoadOptions {
  model: string;
  /** A hybrid index built with `model`. */
  indexDir: string;
  engines: EngineName[];
  connections: number[];
  durationSec: number;
  questions: string[];
  log?: (line: string) => void;
}

const MB = 1024 * 1024;
const REQUESTS_PER_LOAD = 20_000;
/** Question numbers of the warm-up, far from the loads' (which count up from 0). */
const WARM_UP_FROM = 1_000_000;

/**
 * Asks each question once, eight at a time: a server computes each candidate sentence's vector and token states on
 * its first questions about it, so the loads then measure a server past that, as one serving for a while is (each
 * timed question is still new to it).
 */
async function warmUp(baseUrl: string, questions: readonly string[]): Promise<void> {
  const requests = uncachedQuestionRequests(questions, questions.length, 1_024, WARM_UP_FROM);
  for (let from = 0; from < requests.length; from += 8) {
    await Promise.all(
      requests.slice(from, from + 8).map(async (r) => {
        const response = await fetch(new URL(r.path, baseUrl), { method: r.method, body: r.body, headers: { 'content-type': 'application/json', ...r.headers }, signal: AbortSignal.timeout(60_000) });
        await response.arrayBuffer();
      }),
    );
  }
}

/**
 * Measures each engine's server in turn.
 * @example await askUnderLoad({ model, indexDir, engines: ['today', 'int8'], connections: [1, 8, 64], durationSec: 5, questions })
 */
export async function askUnderLoad(o: AskUnderLoadOptions): Promise<AskUnderLoad> {
  const log = o.log ?? (() => {});
  const runs: AskLoadRun[] = [];
  const memory: AskUnderLoad['memory'] = [];
  for (const engine of o.engines) {
    const env = loadedServerEnv({
      EMBEDDING_MODEL: o.model,
      INDEX_DIR: o.indexDir,
      RETRIEVAL: 'hybrid',
      OFFLINE: '1',
      ...(engine === 'today' ? {} : { EMBEDDING_DTYPE: engine }),
    });
    const worker = startWorker(workerPath('serve-worker.ts'), [engine === 'today' ? 'runtime-today' : 'runtime'], env);
    try {
      const ready = await worker.next('ready', 300_000);
      if (!ready.ok) throw new Error(`The ${engine} server did not start: ${String(ready.error)}`);
      await warmUp(String(ready.url), o.questions);
      let asked = 0;
      for (const connections of o.connections) {
        const requests = uncachedQuestionRequests(o.questions, REQUESTS_PER_LOAD, 1_024, asked);
        const { load, health } = await healthUnderLoad(String(ready.url), requests, { connections, durationSec: o.durationSec, probeEveryMs: 50 });
        asked += REQUESTS_PER_LOAD;
        const run: AskLoadRun = {
          engine,
          connections,
          requestsPerSec: load.requestsPerSec,
          p50Ms: load.latencyMs.p50,
          p99Ms: load.latencyMs.p99,
          non2xx: load.non2xx,
          errors: load.errors,
          healthP99Ms: health.p99,
          healthMaxMs: health.max,
        };
        runs.push(run);
        log(`  ${engine} c=${connections}: ${run.requestsPerSec} asks/s, p50 ${run.p50Ms} ms, p99 ${run.p99Ms} ms, non-2xx ${run.non2xx}, /health p99 ${run.healthP99Ms} ms`);
      }
      worker.send({ type: 'memory' });
      const used = await worker.next('memory', 30_000);
      memory.push({ engine, rssMB: Math.round(Number(used.rssBytes) / MB), peakRssMB: Math.round(Number(used.peakRssBytes) / MB) });
    } finally {
      await worker.kill();
    }
  }
  return { durationSec: o.durationSec, runs, memory };
}
