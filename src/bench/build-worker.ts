/**
 * Benchmark worker: runs one index build with the settings in its environment and reports timings and peak memory
 * to the parent. Argument: `model` (EMBEDDING_MODEL), `random` (seeded random vectors, BENCH_DIMENSIONS) or `none`.
 */
import { loadConfig } from '../config.js';
import { openEmbedder } from '../embedding/open-embedder.js';
import { buildIndex, type BuildEvent } from '../index/build-index.js';
import { createRandomTextEmbedder } from './random-text-embedder.js';
import { processMemory, sendToParent } from './worker-process.js';

const kind = process.argv[2];
const config = loadConfig();
const started = performance.now();
const marks: { stage: string; at: number }[] = [];

function onEvent(event: BuildEvent): void {
  // Progress lets the parent say how far a build got when it has to stop it.
  if (event.type === 'embed') void sendToParent({ type: 'progress', done: event.done, total: event.total, embedMs: performance.now() - (marks.at(-1)?.at ?? started) });
  if (event.type === 'stage') marks.push({ stage: event.detail && event.stage === 'index' ? `index ${event.detail}` : event.stage, at: performance.now() });
}

const loadEmbedder =
  kind === 'model'
    ? () => openEmbedder(config)
    : kind === 'random'
      ? async () => createRandomTextEmbedder(Number(process.env.BENCH_DIMENSIONS ?? 384))
      : undefined;

try {
  const report = await buildIndex(config, { loadEmbedder, onEvent });
  const ended = performance.now();
  const stagesMs = Object.fromEntries(marks.map((m, i) => [m.stage, (marks[i + 1]?.at ?? ended) - m.at]));
  await sendToParent({
    type: 'result',
    ok: true,
    durationMs: ended - started,
    chunks: report.manifest.chunks,
    files: report.manifest.files.length,
    retrieval: report.manifest.retrieval,
    model: report.manifest.model,
    reason: report.manifest.reason ?? null,
    stagesMs,
    ...processMemory(),
  });
} catch (error) {
  await sendToParent({ type: 'result', ok: false, error: error instanceof Error ? error.message : String(error), ...processMemory() });
}
process.exit(0);
