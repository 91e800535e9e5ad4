/** Benchmark step c: synthetic corpora of growing size — build time, index size, server memory and latency at each. */
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SourceDocument } from '../corpus/types.js';
import type { BenchContext } from './bench-context.js';
import { formatSize, type ScalingRow } from './bench-report.js';
import { runBuild } from './build-step.js';
import { RANDOM_MODEL_ID } from './random-text-embedder.js';
import { endpointRequests, measureEndpoints, startBenchServer } from './serve-step.js';
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
 * worker and measures search and ask at the scaling concurrencies. `timeoutMs` bounds the build.
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
  context.log(
    build.status === 'ok'
      ? `  build ${formatSize(size)}: ${build.durationMs} ms, ${build.chunksPerSec} chunks/s, peak ${build.peakRssMB} MB`
      : `  build ${formatSize(size)}: ${build.status} (${build.reason})`,
  );
  if (build.status !== 'ok') return { requestedChunks: size, status: build.status === 'skipped' ? 'skipped' : 'failed', reason: `build ${build.status}: ${build.reason}`, build };
  const indexBytes = await folderBytes(indexDir);

  const server = await startBenchServer(context, 'synthetic', { INDEX_DIR: indexDir, CORPUS_DIR: corpusDir, EMBEDDING_MODEL: RANDOM_MODEL_ID });
  try {
    const all = endpointRequests(context.queries);
    const rotations = { 'GET /api/search': all['GET /api/search']!, 'POST /api/ask': all['POST /api/ask']! };
    const runs = await measureEndpoints(server.url, rotations, settings.scaling.connections, settings.scaling.durationSec, context.log);
    const memory = await server.memory();
    context.log(`  server ${formatSize(size)}: RSS ${memory.rssMB} MB (peak ${memory.peakRssMB} MB)`);
    return {
      requestedChunks: size,
      status: 'ok',
      build,
      indexBytes,
      serverRssLoadedMB: server.loadedRssMB,
      serverRssAfterMB: memory.rssMB,
      serverPeakRssMB: memory.peakRssMB,
      runs,
    };
  } finally {
    await server.stop();
  }
}
