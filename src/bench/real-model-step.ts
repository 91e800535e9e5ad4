/**
 * Benchmark step f: the real multilingual model end to end — builds of corpus/ and of a synthetic corpus embedded by
 * it, query-embedding time (cold and cached), and hybrid ask/search latency against a server serving its index.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SourceDocument } from '../corpus/types.js';
import { remainingMs, type BenchContext } from './bench-context.js';
import { formatSize, type BuildRun, type RealModelResult } from './bench-report.js';
import { runBuild } from './build-step.js';
import type { RealModelChoice } from './find-real-model.js';
import type { QueryEmbeddingTiming } from './query-embedding-timing.js';
import { endpointRequests, measureEndpoints, startBenchServer } from './serve-step.js';
import { timeRequests } from './load-test.js';
import { summarizeLatencies } from './stats.js';
import { makeSyntheticCorpus } from './synthetic-corpus.js';

export interface RealModelStepInputs {
  choice: RealModelChoice;
  quantized: boolean;
  documents: readonly SourceDocument[];
}

/** Measures the real model within `settings.realModel.budgetSec`; never throws for a missing model, says why instead. */
export async function runRealModelStep(context: BenchContext, inputs: RealModelStepInputs): Promise<RealModelResult> {
  const { settings, workDir, log } = context;
  const { choice } = inputs;
  if (!choice.found) {
    log(`f. real model: skipped, ${choice.reason}`);
    return { status: 'skipped', reason: choice.reason, builds: [] };
  }
  const model = choice.dir;
  const result: RealModelResult = { status: 'ok', model, source: choice.source, quantized: inputs.quantized, builds: [] };
  // The step has its own budget, after the random-vector steps.
  const step: BenchContext = { ...context, deadline: performance.now() + settings.realModel.budgetSec * 1000 };
  const serveReserveMs = 20_000 + 2 * settings.realModel.connections.length * (settings.realModel.durationSec + 1) * 1000;
  log(`f. real model ${model} (from ${choice.source})`);

  const corpusIndex = path.join(workDir, 'index-real');
  const corpusBuild = await runBuild(step, { label: 'corpus/, real model', model, embedder: 'model', corpusDir: context.corpusDir, indexDir: corpusIndex, retrieval: 'hybrid', timeoutMs: remainingMs(step) - serveReserveMs });
  result.builds.push(corpusBuild);
  log(describeBuild(corpusBuild));
  // A build stopped by the time budget (a busy machine) skips the rest; any other outcome is a failure.
  if (corpusBuild.status !== 'ok') return { ...result, status: corpusBuild.status === 'skipped' ? 'skipped' : 'failed', reason: `the corpus/ build with the real model ${corpusBuild.status === 'skipped' ? 'was' : 'did not succeed'}: ${corpusBuild.reason}` };

  const server = await startBenchServer(step, 'runtime', { INDEX_DIR: corpusIndex, CORPUS_DIR: context.corpusDir, EMBEDDING_MODEL: model, RETRIEVAL: 'hybrid' });
  try {
    server.worker.send({ type: 'embed-timing', questions: context.queries, rounds: settings.realModel.cachedRounds });
    const timing = await server.worker.next('embed-timing', 120_000);
    if (!timing.ok) throw new Error(`query-embedding timing failed: ${String(timing.error)}`);
    result.queryEmbedding = timing.timing as QueryEmbeddingTiming;
    const e = result.queryEmbedding;
    log(`  query embedding: first call ${e.firstCallMs} ms; cold p50 ${e.cold.p50} / p95 ${e.cold.p95} ms; cached p50 ${e.cached.p50} / p95 ${e.cached.p95} ms`);

    const rotations = endpointRequests(context.queries);
    const ask = rotations['POST /api/ask']!;
    result.firstAsk = summarizeLatencies(await timeRequests(server.url, ask));
    log(`  POST /api/ask, each question's first time (c=1): p50 ${result.firstAsk.p50} / p95 ${result.firstAsk.p95} / p99 ${result.firstAsk.p99} ms`);
    const load = { 'POST /api/ask': ask, 'GET /api/search': rotations['GET /api/search']! };
    const runs = await measureEndpoints(server.url, load, settings.realModel.connections, settings.realModel.durationSec, log);
    const memory = await server.memory();
    result.serving = { index: { chunks: server.chunks, mode: server.mode, model }, runs, serverRssMB: memory.rssMB, serverPeakRssMB: memory.peakRssMB };
  } finally {
    await server.stop();
  }

  const size = settings.realModel.syntheticChunks;
  const corpusDir = path.join(workDir, `corpus-real-${size}`);
  await mkdir(corpusDir, { recursive: true });
  const files = makeSyntheticCorpus(inputs.documents, { paragraphs: size, paragraphsPerFile: settings.synthetic.paragraphsPerFile, seed: settings.seed, maxParagraphChars: settings.synthetic.maxParagraphChars });
  await Promise.all(files.map((f) => writeFile(path.join(corpusDir, f.file), f.text)));
  const allowedMs = remainingMs(step);
  const synthetic: BuildRun =
    allowedMs > 10_000
      ? await runBuild(step, { label: `synthetic ${formatSize(size)}, real model`, model, embedder: 'model', corpusDir, indexDir: path.join(workDir, `index-real-${size}`), retrieval: 'hybrid', timeoutMs: allowedMs })
      : { label: `synthetic ${formatSize(size)}, real model`, model, status: 'skipped', reason: budgetLeft(allowedMs, settings.realModel.budgetSec) };
  result.builds.push(synthetic);
  log(describeBuild(synthetic));
  return result;
}

function describeBuild(b: BuildRun): string {
  return `  build ${b.label}: ${b.status}${b.chunksPerSec ? `, ${b.chunks} chunks, ${b.chunksPerSec} chunks/s, peak ${b.peakRssMB} MB` : ''}${b.reason ? ` (${b.reason})` : ''}`;
}

/** Why the synthetic build was skipped: the seconds left of the step's budget, or that it was used up. */
export function budgetLeft(allowedMs: number, budgetSec: number): string {
  return allowedMs <= 0
    ? `time budget: the real-model step's ${budgetSec} s were used up (by ${Math.round(-allowedMs / 1000)} s) before it`
    : `time budget: ${Math.round(allowedMs / 1000)} s of the real-model step's ${budgetSec} s were left`;
}
