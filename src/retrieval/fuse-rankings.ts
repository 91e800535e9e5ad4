/** Reciprocal rank fusion: merges ranked lists into one, rewarding items ranked high in several lists. */

export interface RankedItem {
  index: number;
  score: number;
}

export interface FusedItem {
  index: number;
  /** Sum over lists of weight / (k + rank), rank counted from 1. */
  score: number;
  /** The item's score in each input list, where it appeared (same order as the lists). */
  scores: (number | undefined)[];
}

/** RRF's constant and one weight per list (missing weights count as 1). */
export interface FusionOptions {
  k: number;
  weights?: readonly number[];
}

/**
 * Fuses ranked lists by weighted reciprocal rank (Cormack et al., 2009). Ties keep the order of first appearance.
 * A number as second argument is RRF's k with equal weights.
 * @example fuseRankings([[{index: 3, score: 9}], [{index: 3, score: 0.8}, {index: 1, score: 0.7}]], { k: 60, weights: [0.5, 1] })
 */
export function fuseRankings(lists: RankedItem[][], options: FusionOptions | number = 60): FusedItem[] {
  const { k, weights = [] } = typeof options === 'number' ? { k: options } : options;
  const fused = new Map<number, FusedItem>();
  lists.forEach((list, listNumber) => {
    const weight = weights[listNumber] ?? 1;
    list.forEach((item, position) => {
      let entry = fused.get(item.index);
      if (!entry) {
        entry = { index: item.index, score: 0, scores: lists.map(() => undefined) };
        fused.set(item.index, entry);
      }
      entry.score += weight / (k + position + 1);
      entry.scores[listNumber] = item.score;
    });
  });
  return [...fused.values()].sort((a, b) => b.score - a.score);
}
