/** Retrieval metrics over plain ranked lists of paragraph keys: recall@k, reciprocal rank, nDCG@k and their means. */

/** The key of one paragraph, as rankings and gold sets name it. */
export function paragraphKey(file: string, paragraph: number): string {
  return `${file}#${paragraph}`;
}

/** A question's retrieved paragraphs, best first, and the paragraphs that answer it. */
export interface RankedOutcome {
  ranked: readonly string[];
  gold: ReadonlySet<string>;
}

/** Means over a group of questions. All values are in [0, 1]; `questions` is how many were averaged. */
export interface MetricSummary {
  questions: number;
  recallAt1: number;
  recallAt5: number;
  recallAt10: number;
  mrr: number;
  ndcgAt10: number;
}

/**
 * 1-based rank of the first gold paragraph in `ranked`, or null when none was retrieved.
 * @example firstGoldRank(['a#1', 'b#2'], new Set(['b#2'])) // 2
 */
export function firstGoldRank(ranked: readonly string[], gold: ReadonlySet<string>): number | null {
  const position = ranked.findIndex((key) => gold.has(key));
  return position === -1 ? null : position + 1;
}

/**
 * 1 when any gold paragraph is among the first `k` retrieved, else 0 (any one gold paragraph answers the question,
 * so this is "success@k", the usual reading of recall@k for question answering).
 */
export function recallAtK(ranked: readonly string[], gold: ReadonlySet<string>, k: number): number {
  const rank = firstGoldRank(ranked, gold);
  return rank !== null && rank <= k ? 1 : 0;
}

/** 1 / rank of the first gold paragraph in the retrieved list, 0 when none was retrieved. */
export function reciprocalRank(ranked: readonly string[], gold: ReadonlySet<string>): number {
  const rank = firstGoldRank(ranked, gold);
  return rank === null ? 0 : 1 / rank;
}

/**
 * Normalised discounted cumulative gain at `k` with binary relevance: DCG = Σ rel_i / log2(i + 1) over the first k
 * positions, divided by the DCG of an ideal list that puts min(|gold|, k) gold paragraphs first.
 * @example ndcgAtK(['x', 'g'], new Set(['g']), 10) // 1 / log2(3) ≈ 0.631
 */
export function ndcgAtK(ranked: readonly string[], gold: ReadonlySet<string>, k: number): number {
  if (gold.size === 0) return 0;
  let dcg = 0;
  ranked.slice(0, k).forEach((key, i) => {
    if (gold.has(key)) dcg += 1 / Math.log2(i + 2);
  });
  let ideal = 0;
  for (let i = 0; i < Math.min(gold.size, k); i++) ideal += 1 / Math.log2(i + 2);
  return dcg / ideal;
}

/**
 * Averages every metric over `outcomes`; an empty group gives zeros with `questions: 0`.
 * MRR counts only what `ranked` holds, so it is MRR@(length of the lists).
 */
export function summarize(outcomes: readonly RankedOutcome[]): MetricSummary {
  const n = outcomes.length;
  const mean = (metric: (o: RankedOutcome) => number) => (n === 0 ? 0 : outcomes.reduce((sum, o) => sum + metric(o), 0) / n);
  return {
    questions: n,
    recallAt1: mean((o) => recallAtK(o.ranked, o.gold, 1)),
    recallAt5: mean((o) => recallAtK(o.ranked, o.gold, 5)),
    recallAt10: mean((o) => recallAtK(o.ranked, o.gold, 10)),
    mrr: mean((o) => reciprocalRank(o.ranked, o.gold)),
    ndcgAt10: mean((o) => ndcgAtK(o.ranked, o.gold, 10)),
  };
}
