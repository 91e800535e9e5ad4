import { describe, expect, it } from 'vitest';
import { fuseRankings } from '../src/retrieval/fuse-rankings.js';

describe('fuseRankings', () => {
  it('ranks an item found by both lists above items found by one', () => {
    const fused = fuseRankings([
      [{ index: 1, score: 9 }, { index: 2, score: 5 }],
      [{ index: 3, score: 0.9 }, { index: 2, score: 0.8 }],
    ]);
    expect(fused.map((f) => f.index)).toEqual([2, 1, 3]);
    expect(fused[0]!.scores).toEqual([5, 0.8]);
    expect(fused[1]!.scores).toEqual([9, undefined]);
  });

  it('scores by reciprocal rank with the given constant', () => {
    const [only] = fuseRankings([[{ index: 7, score: 1 }]], 10);
    expect(only!.score).toBeCloseTo(1 / 11);
  });

  it('returns nothing for empty lists', () => {
    expect(fuseRankings([[], []])).toEqual([]);
  });
});
