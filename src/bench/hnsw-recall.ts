/** HNSW quality against brute force: recall@k at each efSearch, with per-query latency. */
import { exactSearch, type HnswIndex } from '../index/hnsw-index.js';
import { mean, percentile, round } from './stats.js';

export interface EfRow {
  efSearch: number;
  recallAtK: number;
  meanMs: number;
  p95Ms: number;
}

export interface HnswRecallResult {
  vectors: number;
  queries: number;
  k: number;
  configuredEfSearch: number;
  /** Recall at the configured efSearch. */
  recallAtK: number;
  table: EfRow[];
}

export interface HnswRecallInput {
  index: HnswIndex;
  vectors: readonly Float32Array[];
  queries: readonly Float32Array[];
  k: number;
  configuredEfSearch: number;
  /** efSearch values for the table; the configured one is added when missing. */
  efValues: readonly number[];
}

/**
 * Recall@k = share of the exact top-k (cosine, brute force) that HNSW returns, averaged over queries.
 * Leaves the index at the configured efSearch.
 */
export function measureHnswRecall(input: HnswRecallInput): HnswRecallResult {
  const { index, vectors, queries, k } = input;
  const truth = queries.map((q) => new Set(exactSearch(vectors, q, k).map((r) => r.index)));
  const efValues = [...new Set([...input.efValues, input.configuredEfSearch])].sort((a, b) => a - b);
  const table = efValues.map((efSearch): EfRow => {
    index.setEfSearch(efSearch);
    const times: number[] = [];
    const recalls = queries.map((q, i) => {
      const started = performance.now();
      const found = index.search(q, k);
      times.push(performance.now() - started);
      return found.filter((r) => truth[i]!.has(r.index)).length / truth[i]!.size;
    });
    return { efSearch, recallAtK: round(mean(recalls), 4), meanMs: round(mean(times), 4), p95Ms: round(percentile(times, 95), 4) };
  });
  index.setEfSearch(input.configuredEfSearch);
  return {
    vectors: vectors.length,
    queries: queries.length,
    k,
    configuredEfSearch: input.configuredEfSearch,
    recallAtK: table.find((r) => r.efSearch === input.configuredEfSearch)!.recallAtK,
    table,
  };
}
