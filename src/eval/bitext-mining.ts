/** Bitext mining accuracy (MTEB's Tatoeba measure) over unit vectors: is each source sentence's nearest target its own translation? */

/**
 * The share of `sources[i]` whose most similar target (by dot product, i.e. cosine for unit vectors) is
 * `targets[i]`. Ties go to the lower index, as an argmax does.
 * @example nearestIsTranslation([[1, 0], [0, 1]], [[0.9, 0.1], [0.2, 0.8]]) // 1
 */
export function nearestIsTranslation(sources: readonly number[][], targets: readonly number[][]): number {
  if (sources.length !== targets.length) throw new Error(`bitext mining needs aligned lists: ${sources.length} sources, ${targets.length} targets.`);
  if (sources.length === 0) return 0;
  let correct = 0;
  sources.forEach((source, i) => {
    let best = -1;
    let bestScore = -Infinity;
    targets.forEach((target, j) => {
      let score = 0;
      for (let d = 0; d < source.length; d++) score += source[d]! * target[d]!;
      if (score > bestScore) (bestScore = score), (best = j);
    });
    if (best === i) correct += 1;
  });
  return correct / sources.length;
}

/**
 * Accuracy@1 of a retrieval set scored exhaustively: the share of queries whose most similar passage is one of
 * their gold passages.
 */
export function topOneAccuracy(queries: readonly number[][], passages: readonly number[][], gold: readonly ReadonlySet<number>[]): number {
  if (queries.length === 0) return 0;
  let correct = 0;
  queries.forEach((query, i) => {
    let best = -1;
    let bestScore = -Infinity;
    passages.forEach((passage, j) => {
      let score = 0;
      for (let d = 0; d < query.length; d++) score += query[d]! * passage[d]!;
      if (score > bestScore) (bestScore = score), (best = j);
    });
    if (gold[i]!.has(best)) correct += 1;
  });
  return correct / queries.length;
}
