/** Benchmark step c: synthetic corpora of growing size — build time, index size, server memory and latency at each. */
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SourceDocument } from '../corpus/types.js';
import { remainingMs, type BenchContext } from './bench-context.js';
import { formatSize, type ScalingRow } from './bench-report.js';
import { runBuild } from './build-step.js';
import { runLoad, warmUp } from './load-test.js';
import { RANDOM_MODEL_ID } from './random-text-embedder.js';
import { endpointRequests, startBenchServer } from './serve-step.js';
import { makeSyntheticCorpus } from './synthetic-corpus.js';

/** Where the synthetic index of a size lives (later steps read its vectors). */
export function syntheticIndexDir(context: BenchContext, size: number): string {
  return path.join(context.workDir, `index-${size}`);
}

/** Total bytes of the files directly inside `dir`. */
export async function folderBytes(dir: string): Promise<number> {
  const names = await readdir(dir);
  const sizes = await Promise.all(names.map(async (n) => (await stat(path.join(dir, n))).size));
  return sizes.reduce((a, b) => a + b, 0);
}

/**
 * Writes a synthetic corpus of `size` paragraphs, builds it with random vectors in a worker, serves it in another
 * worker and measures search and ask at the configured concurrency. `timeoutMs` bounds the build.
 */
export async function runScalingSize(context: BenchContext, documents: readonly SourceDocument[], size: number, timeoutMs: number): Promise<ScalingRow> {
  const { settings } = context;
  const corpusDir = path.join(context.workDir, `corpus-${size}`);
  await mkdir(corpusDir, { recursive: true });
  const files = makeSyntheticCorpus(documents, {
    paragraphs: size,
    paragraphsPerFile: settings.synthetic.paragraphsPerFile,
    seed: settings.seed,
    maxParagraphChars: settings.synthetic.maxParagraphChars,
  });
  await Promise.all(files.map((f) => writeFile(path.join(corpusDir, f.file), f.text)));

  const indexDir = syntheticIndexDir(context, size);
  const build = await runBuild(context, {
    label: `synthetic ${formatSize(size)}`,
    model: RANDOM_MODEL_ID,
    embedder: 'random',
    corpusDir,
    indexDir,
    retrieval: 'hybrid',
    timeoutMs,
  });
  context.log(`  build ${formatSize(size)}: ${build.status} ${build.durationMs ?? ''} ms, ${build.chunksPerSec ?? '-'} chunks/s, peak ${build.peakRssMB ?? '-'} MB`);
  if (build.status !== 'ok') return { requestedChunks: size, status: 'failed', reason: `build ${build.status}: ${build.reason}`, build };
  const indexBytes = await folderBytes(indexDir);

  if (remainingMs(context) < 15_000 + 2 * settings.scaling.durationSec * 1000) {
    return { requestedChunks: size, status: 'skipped', reason: 'time budget ran out before serving', build, indexBytes };
  }
  const server = await startBenchServer(context, 'synthetic', { INDEX_DIR: indexDir, CORPUS_DIR: corpusDir, EMBEDDING_MODEL: RANDOM_MODEL_ID });
  try {
    const rotations = endpointRequests(context.queries);
    const search = rotations['GET /api/search']!;
    const ask = rotations['POST /api/ask']!;
    await warmUp(server.url, [...search, ...ask]);
    const load = { connections: settings.scaling.connections, durationSec: settings.scaling.durationSec };
    const searchResult = await runLoad(server.url, search, load);
    const askResult = await runLoad(server.url, ask, load);
    const memory = await server.memory();
    context.log(`  serve ${formatSize(size)}: search p95 ${searchResult.latencyMs.p95} ms, ask p95 ${askResult.latencyMs.p95} ms, RSS ${memory.rssMB} MB (peak ${memory.peakRssMB})`);
    return {
      requestedChunks: size,
      status: 'ok',
      build,
      indexBytes,
      serverRssLoadedMB: server.loadedRssMB,
      serverRssAfterMB: memory.rssMB,
      serverPeakRssMB: memory.peakRssMB,
      search: searchResult,
      ask: askResult,
    };
  } finally {
    await server.stop();
  }
}
