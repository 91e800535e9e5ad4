/**
 * Fusion tuning: each query's lexical and dense candidate lists are taken once from the real indexes, then every
 * (RRF k, lexical weight, dense weight) of a grid is scored by recall@5 per question set, without re-running the model.
 */
import type { Chunk } from '../chunking/types.js';
import type { RankedId } from '../index/types.js';
import { fuseRankings, type FusionOptions } from '../retrieval/fuse-rankings.js';
import { recallAtK } from './metrics.js';

/** One query's two candidate lists, the key (paragraph or record) of each chunk they name, and its gold keys. */
export interface CandidateLists {
  lexical: RankedId[];
  dense: RankedId[];
  gold: ReadonlySet<string>;
}

export interface TuningSet {
  /** A language pair or set name (`xquad_en-ar`, `project en→ar`). */
  name: string;
  queries: CandidateLists[];
  keyOf: (chunk: Chunk) => string;
  chunks: readonly Chunk[];
}

export interface GridPoint extends Required<FusionOptions> {}

export interface TuningRow {
  point: GridPoint;
  /** Recall@5 of the fused ranking per set name, and of dense alone as the reference. */
  recall: Record<string, number>;
  /** Mean over sets of (fused − dense). */
  meanGain: number;
  /** The worst set's fused − dense. */
  worstGain: number;
}

const TOP = 5;

/** The first `k` distinct keys of a ranking of chunk indexes. */
export function topKeys(ranked: readonly { index: number }[], chunks: readonly Chunk[], keyOf: (c: Chunk) => string, k = TOP): string[] {
  const keys: string[] = [];
  for (const r of ranked) {
    const chunk = chunks[r.index];
    if (!chunk) continue;
    const key = keyOf(chunk);
    if (!keys.includes(key)) keys.push(key);
    if (keys.length === k) break;
  }
  return keys;
}

const mean = (values: number[]) => (values.length ? values.reduce((s, v) => s + v, 0) / values.length : 0);

/** Recall@5 of one fusion setting on one set; `point` undefined scores dense alone. */
export function setRecall(set: TuningSet, point?: GridPoint): number {
  return mean(
    set.queries.map((q) => {
      const ranked = point ? fuseRankings([q.lexical, q.dense], point) : q.dense;
      return recallAtK(topKeys(ranked, set.chunks, set.keyOf), q.gold, TOP);
    }),
  );
}

/** Every grid point scored on every set, best first (by worst-set gain, then mean gain). */
export function scoreGrid(sets: readonly TuningSet[], grid: readonly GridPoint[]): { dense: Record<string, number>; rows: TuningRow[] } {
  const dense = Object.fromEntries(sets.map((s) => [s.name, setRecall(s)]));
  const rows = grid.map((point) => {
    const recall = Object.fromEntries(sets.map((s) => [s.name, setRecall(s, point)]));
    const gains = sets.map((s) => recall[s.name]! - dense[s.name]!);
    return { point, recall, meanGain: mean(gains), worstGain: Math.min(...gains) };
  });
  rows.sort((a, b) => b.meanGain - a.meanGain || b.worstGain - a.worstGain);
  return { dense, rows };
}

/** The grid: k × lexical weight, dense weight fixed at 1 (only the ratio and k matter to the ranking). */
export function fusionGrid(ks: readonly number[], lexicalWeights: readonly number[]): GridPoint[] {
  return ks.flatMap((k) => lexicalWeights.map((w) => ({ k, weights: [w, 1] })));
}
