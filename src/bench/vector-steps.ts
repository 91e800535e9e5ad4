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
import { RANDOM_MODEL_ID } from './random-text-embedder.js';
import { lowRankSampler, randomUnitVector, seededRandom } from './seeded-random.js';
import { round } from './stats.js';

/** `count` seeded random unit query vectors (the same on every run). */
export function queryVectors(seed: number, count: number, dims: number): Float32Array[] {
  const random = seededRandom(seed ^ 0x5eed);
  return Array.from({ length: count }, () => randomUnitVector(random, dims));
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
  const result = measureHnswRecall({
    index,
    vectors,
    queries: queryVectors(settings.seed, settings.hnswRecall.queries, dims),
    k: settings.hnswRecall.k,
    configuredEfSearch: settings.hnsw.efSearch,
    efValues: settings.hnswRecall.efValues,
  });
  context.log(`  HNSW ${formatSize(size)}: recall@${result.k} ${result.recallAtK} at efSearch ${result.configuredEfSearch}`);
  return { label: `synthetic ${formatSize(size)}, uniform random unit vectors`, dataset: 'uniform', requestedChunks: size, ...result };
}

/**
 * d, second data set: `size` low-rank vectors (see lowRankSampler) indexed in process with the configured HNSW
 * settings, queried with fresh samples of the same distribution. Closer to how real embeddings behave than uniform points.
 */
export function runLowRankRecall(context: BenchContext, size: number): HnswRun {
  const { settings } = context;
  const { latentDims, noise } = settings.hnswRecall.lowRank;
  const sample = lowRankSampler(settings.seed, settings.dimensions, latentDims, noise);
  const random = seededRandom(settings.seed + 2);
  const vectors = Array.from({ length: size }, () => sample(random));
  const queries = Array.from({ length: settings.hnswRecall.queries }, () => sample(random));
  const started = performance.now();
  const index = HnswIndex.build(vectors, settings.dimensions, settings.hnsw);
  const buildMs = performance.now() - started;
  const result = measureHnswRecall({ index, vectors, queries, k: settings.hnswRecall.k, configuredEfSearch: settings.hnsw.efSearch, efValues: settings.hnswRecall.efValues });
  context.log(`  HNSW low-rank ${formatSize(size)}: recall@${result.k} ${result.recallAtK} at efSearch ${result.configuredEfSearch}, built in ${Math.round(buildMs)} ms`);
  return {
    label: `${formatSize(size)} low-rank vectors (${latentDims}-dim latent + noise)`,
    buildMs: round(buildMs, 1),
    dataset: 'low-rank',
    requestedChunks: size,
    ...result,
  };
}

/** e: the same chunks and vectors in our HnswIndex and LangChain's HNSWLib, timed pair by pair. */
export async function runLangChainComparison(context: BenchContext, indexDir: string): Promise<LangChainComparison> {
  const { settings } = context;
  const dims = settings.dimensions;
  const index = await loadIndex({ indexDir, model: RANDOM_MODEL_ID, retrieval: 'hybrid', efSearch: settings.hnsw.efSearch });
  const vectors = await readVectors(indexDir, dims);
  const queries = queryVectors(settings.seed + 1, settings.langchain.queries, dims).map((vector, i) => ({ text: `benchmark query ${i}`, vector }));
  const result = await compareWithLangChain({
    index,
    vectors,
    dimensions: dims,
    params: settings.hnsw,
    queries,
    k: settings.hnswRecall.k,
    buildRepeats: settings.langchain.buildRepeats,
  });
  context.log(`  LangChain ${formatSize(vectors.length)}: build ratio ${result.build.ratio}, search ratios ${result.search.map((s) => s.ratio).join(', ')}`);
  return result;
}
