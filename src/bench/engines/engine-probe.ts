/**
 * Bench child process: opens one embedding engine on a model folder and measures it alone (its own memory): load
 * time, passages/s, query latency one at a time, the event loop's worst delay while passages embed (what /health
 * would wait), steady and peak RSS. Prints one JSON line. Run by engine-comparison.ts.
 */
import { readFile } from 'node:fs/promises';
import type { EmbeddingDtype } from '../../embedding/runtime/embedding-dtype.js';
import { summarizeLatencies } from '../stats.js';
import type { EngineName, EngineProbeInput, EngineRun } from './engine-types.js';

interface Engine {
  embedDocuments(texts: string[]): Promise<number[][]>;
  embedQuery(text: string): Promise<number[]>;
  dispose(): Promise<void>;
}

/** Imports only the engine measured, so the process's memory is that engine's alone. */
async function openEngine(name: EngineName, model: string, batchSize: number): Promise<Engine> {
  if (name === 'today') {
    const { LegacyTransformersEmbeddings } = await import('../legacy/legacy-transformers-embeddings.js');
    return new LegacyTransformersEmbeddings({ model, quantized: true, offline: true, batchSize }).load();
  }
  const { TransformersEmbeddings } = await import('../../embedding/transformers-embeddings.js');
  return new TransformersEmbeddings({ model, dtype: name as EmbeddingDtype, offline: true, batchSize }).load();
}

/** Largest delay of a 10 ms timer while `work` runs. */
async function withEventLoopLag<T>(work: () => Promise<T>): Promise<{ result: T; maxLagMs: number }> {
  let maxLagMs = 0;
  let expected = performance.now() + 10;
  const timer = setInterval(() => {
    const now = performance.now();
    maxLagMs = Math.max(maxLagMs, now - expected);
    expected = now + 10;
  }, 10);
  try {
    const result = await work();
    // A model that runs on this thread can starve the timer for the whole run: count the wait up to now too.
    maxLagMs = Math.max(maxLagMs, performance.now() - expected);
    return { result, maxLagMs: Math.round(maxLagMs) };
  } finally {
    clearInterval(timer);
  }
}

const input = JSON.parse(await readFile(process.argv[2]!, 'utf8')) as EngineProbeInput;
const started = performance.now();
const engine = await openEngine(input.engine, input.model, input.batchSize);
const loadMs = Math.round(performance.now() - started);
await engine.embedQuery('warm-up');
const passagesStarted = performance.now();
const { maxLagMs } = await withEventLoopLag(async () => {
  for (let from = 0; from < input.passages.length; from += input.callSize) await engine.embedDocuments(input.passages.slice(from, from + input.callSize));
});
const passagesPerSec = input.passages.length / ((performance.now() - passagesStarted) / 1000);
const latencies: number[] = [];
for (const question of input.questions) {
  const t = performance.now();
  await engine.embedQuery(question);
  latencies.push(performance.now() - t);
}
const steadyRssMB = Math.round(process.memoryUsage().rss / 1e6);
await engine.dispose();
const run: EngineRun = {
  engine: input.engine,
  loadMs,
  passagesPerSec: Math.round(passagesPerSec * 100) / 100,
  query: summarizeLatencies(latencies),
  eventLoopMaxLagMs: maxLagMs,
  steadyRssMB,
  peakRssMB: Math.round((process.resourceUsage().maxRSS * 1024) / 1e6), // maxRSS is in KiB
};
process.stdout.write(`${JSON.stringify(run)}\n`);
