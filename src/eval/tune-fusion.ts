/**
 * Fusion tuning: each query's lexical list and deep dense list are taken once from the real indexes, then every
 * lexical weight of a grid is scored by recall@1 and recall@5 per question set, without re-running the model.
 */
import type { Chunk } from '../chunking/types.js';
import type { RankedId } from '../index/types.js';
import { balanceLanguages } from '../retrieval/balance-languages.js';
import { fuseScores } from '../retrieval/fuse-scores.js';
import { recallAtK } from './metrics.js';

/** One query's lexical list (with coverage), its deep dense list (raw cosines) and its gold keys. */
export interface CandidateLists {
  lexical: RankedId[];
  dense: RankedId[];
  gold: ReadonlySet<string>;
  /** The query's detected language, as the searcher gets it. */
  language: string;
}

export interface TuningSet {
  /** A language pair or set name (`xquad_en-ar`, `project cross-lingual`). */
  name: string;
  queries: CandidateLists[];
  keyOf: (chunk: Chunk) => string;
  chunks: readonly Chunk[];
}

export interface TuningRow {
  /** The lexical coverage weight; undefined for dense alone (balanced). */
  lexicalWeight?: number;
  /** Recall@1 and recall@5 of the fused ranking per set name. */
  recall1: Record<string, number>;
  recall5: Record<string, number>;
  /** Mean over sets of recall@1, then of recall@5. */
  meanRecall1: number;
  meanRecall5: number;
}

/** The first `k` distinct keys of a ranking of chunk indexes. */
export function topKeys(ranked: readonly { index: number }[], chunks: readonly Chunk[], keyOf: (c: Chunk) => string, k = 5): string[] {
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

/** Recall@1 and @5 of one lexical weight on one set; `lexicalWeight` undefined ranks by the balanced dense list alone. */
export function setRecall(set: TuningSet, lexicalWeight?: number): { recall1: number; recall5: number } {
  const languageOf = (i: number) => set.chunks[i]?.language ?? 'other';
  const ranks = set.queries.map((q) => {
    const dense = balanceLanguages(q.dense, languageOf, q.language);
    const keys = topKeys(lexicalWeight === undefined ? dense : fuseScores(q.lexical, dense, lexicalWeight), set.chunks, set.keyOf);
    return { r1: recallAtK(keys, q.gold, 1), r5: recallAtK(keys, q.gold, 5) };
  });
  return { recall1: mean(ranks.map((r) => r.r1)), recall5: mean(ranks.map((r) => r.r5)) };
}

/** Dense alone, then every weight, scored on every set. */
export function scoreGrid(sets: readonly TuningSet[], weights: readonly number[]): TuningRow[] {
  return [undefined, ...weights].map((lexicalWeight) => {
    const figures = sets.map((s) => [s.name, setRecall(s, lexicalWeight)] as const);
    const recall1 = Object.fromEntries(figures.map(([n, f]) => [n, f.recall1]));
    const recall5 = Object.fromEntries(figures.map(([n, f]) => [n, f.recall5]));
    return { lexicalWeight, recall1, recall5, meanRecall1: mean(Object.values(recall1)), meanRecall5: mean(Object.values(recall5)) };
  });
}
