/** Benchmark steps d and e, in process: HNSW recall against brute force, and the LangChain HNSWLib comparison. */
import { readFile } from 'node:fs/promises';
import { unpackVectors } from '../index/embed-chunks.js';
import { HnswIndex } from '../index/hnsw-index.js';
import { indexPath } from '../index/index-files.js';
import { loadIndex } from '../index/load-index.js';
import type { BenchContext } from './bench-context.js';
import { formatSize, type HnswRun } from './bench-report.js';
import { measureHnswRecall } from './hnsw-recall.js';
import { compareWithLangChain, type LangChainComparison } from './langchain-compare.js';
import { createRandomTextEmbedder, RANDOM_MODEL_ID } from './random-text-embedder.js';
import { randomUnitVector, seededRandom } from './seeded-random.js';
import { round } from './stats.js';

/** `count` query texts and their vectors, from the same random embedder the benchmark server uses. */
async function benchmarkQueries(count: number, dims: number): Promise<{ text: string; vector: Float32Array }[]> {
  const embedder = createRandomTextEmbedder(dims);
  const texts = Array.from({ length: count }, (_, i) => `benchmark query ${i}`);
  return Promise.all(texts.map(async (text) => ({ text, vector: Float32Array.from(await embedder.embedQuery(text)) })));
}

async function readVectors(indexDir: string, dims: number): Promise<Float32Array[]> {
  return unpackVectors(await readFile(indexPath(indexDir, 'vectors')), dims);
}

/** d: recall@k of the saved HNSW graph of a synthetic index, at the configured efSearch and across efSearch values. */
export async function runHnswRecall(context: BenchContext, indexDir: string, size: number): Promise<HnswRun> {
  const { settings } = context;
  const dims = settings.dimensions;
  const vectors = await readVectors(indexDir, dims);
  const index = HnswIndex.load(indexPath(indexDir, 'hnsw'), dims, vectors.length, settings.hnsw.efSearch);
  const queries = await benchmarkQueries(settings.hnswRecall.queries, dims);
  const result = measureHnswRecall({
    index,
    vectors,
    queries: queries.map((q) => q.vector),
    k: settings.hnswRecall.k,
    configuredEfSearch: settings.hnsw.efSearch,
    efValues: settings.hnswRecall.efValues,
  });
  context.log(`  HNSW ${formatSize(size)}: recall@${result.k} ${result.recallAtK} at efSearch ${result.configuredEfSearch}`);
  return { label: `synthetic ${formatSize(size)} index (low-rank random vectors)`, dataset: 'low-rank', requestedChunks: size, ...result };
}

/**
 * d, worst case: `size` uniform random unit vectors indexed in process with the configured HNSW settings and
 * queried with other uniform random vectors. No real embedding model produces such data; it bounds recall from below.
 */
export function runUniformRecall(context: BenchContext, size: number): HnswRun {
  const { settings } = context;
  const random = seededRandom(settings.seed);
  const vectors = Array.from({ length: size }, () => randomUnitVector(random, settings.dimensions));
  const queries = Array.from({ length: settings.hnswRecall.queries }, () => randomUnitVector(random, settings.dimensions));
  const started = performance.now();
  const index = HnswIndex.build(vectors, settings.dimensions, settings.hnsw);
  const buildMs = performance.now() - started;
  const result = measureHnswRecall({ index, vectors, queries, k: settings.hnswRecall.k, configuredEfSearch: settings.hnsw.efSearch, efValues: settings.hnswRecall.efValues });
  context.log(`  HNSW uniform ${formatSize(size)}: recall@${result.k} ${result.recallAtK} at efSearch ${result.configuredEfSearch}, built in ${Math.round(buildMs)} ms`);
  return { label: `${formatSize(size)} uniform random vectors (worst case)`, dataset: 'uniform', requestedChunks: size, buildMs: round(buildMs, 1), ...result };
}

/** e: the same chunks and vectors in our HnswIndex and LangChain's HNSWLib, timed pair by pair. */
export async function runLangChainComparison(context: BenchContext, indexDir: string): Promise<LangChainComparison> {
  const { settings } = context;
  const dims = settings.dimensions;
  const index = await loadIndex({ indexDir, model: RANDOM_MODEL_ID, retrieval: 'hybrid', efSearch: settings.hnsw.efSearch });
  const result = await compareWithLangChain({
    index,
    vectors: await readVectors(indexDir, dims),
    dimensions: dims,
    params: settings.hnsw,
    queries: await benchmarkQueries(settings.langchain.queries, dims),
    k: settings.hnswRecall.k,
    buildRepeats: settings.langchain.buildRepeats,
  });
  context.log(`  LangChain ${formatSize(result.vectors)}: build ratios ${result.builds.map((b) => b.ratio).join(', ')}, search ratios ${result.search.map((s) => s.ratio).join(', ')}`);
  return result;
}
