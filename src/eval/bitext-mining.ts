/** Bitext mining accuracy (MTEB's Tatoeba measure) and exhaustive top-1 retrieval accuracy, over unit vectors. */

/** Index of the candidate with the largest dot product with `query` (cosine, for unit vectors); ties go to the lower index. */
export function nearestIndex(query: readonly number[], candidates: readonly (readonly number[])[]): number {
  let best = -1;
  let bestScore = -Infinity;
  candidates.forEach((candidate, j) => {
    let score = 0;
    for (let d = 0; d < query.length; d++) score += query[d]! * candidate[d]!;
    if (score > bestScore) (bestScore = score), (best = j);
  });
  return best;
}

/**
 * The share of `sources[i]` whose most similar target is `targets[i]`.
 * @example nearestIsTranslation([[1, 0], [0, 1]], [[0.9, 0.1], [0.2, 0.8]]) // 1
 */
export function nearestIsTranslation(sources: readonly number[][], targets: readonly number[][]): number {
  if (sources.length !== targets.length) throw new Error(`bitext mining needs aligned lists: ${sources.length} sources, ${targets.length} targets.`);
  return topOneAccuracy(sources, targets, sources.map((_, i) => new Set([i])));
}

/** The share of queries whose most similar passage is one of their gold passages (by position). */
export function topOneAccuracy(queries: readonly number[][], passages: readonly number[][], gold: readonly ReadonlySet<number>[]): number {
  if (queries.length === 0) return 0;
  return queries.filter((query, i) => gold[i]!.has(nearestIndex(query, passages))).length / queries.length;
}
