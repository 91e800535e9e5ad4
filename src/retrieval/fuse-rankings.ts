/** Reciprocal rank fusion: merges ranked lists into one, rewarding items ranked high in several lists. */

export interface RankedItem {
  index: number;
  score: number;
}

export interface FusedItem {
  index: number;
  /** Sum over lists of 1 / (k + rank), rank counted from 1. */
  score: number;
  /** The item's score in each input list, where it appeared (same order as the lists). */
  scores: (number | undefined)[];
}

/**
 * Fuses ranked lists by reciprocal rank (Cormack et al., 2009). Ties keep the order of first appearance.
 * @example fuseRankings([[{index: 3, score: 9}], [{index: 3, score: 0.8}, {index: 1, score: 0.7}]])
 */
export function fuseRankings(lists: RankedItem[][], k = 60): FusedItem[] {
  const fused = new Map<number, FusedItem>();
  lists.forEach((list, listNumber) => {
    list.forEach((item, position) => {
      let entry = fused.get(item.index);
      if (!entry) {
        entry = { index: item.index, score: 0, scores: lists.map(() => undefined) };
        fused.set(item.index, entry);
      }
      entry.score += 1 / (k + position + 1);
      entry.scores[listNumber] = item.score;
    });
  });
  return [...fused.values()].sort((a, b) => b.score - a.score);
}
