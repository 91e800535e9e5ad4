import { describe, expect, it } from 'vitest';
import { firstGoldRank, ndcgAtK, paragraphKey, recallAtK, reciprocalRank, summarize } from '../src/eval/metrics.js';

const ranked = ['a#1', 'b#2', 'c#3', 'd#4', 'e#5', 'f#6', 'g#7', 'h#8', 'i#9', 'j#10', 'k#11'];

describe('retrieval metrics', () => {
  it('names a paragraph by file and number', () => {
    expect(paragraphKey('001.txt', 7)).toBe('001.txt#7');
  });

  it('finds the 1-based rank of the first gold paragraph', () => {
    expect(firstGoldRank(ranked, new Set(['c#3', 'f#6']))).toBe(3);
    expect(firstGoldRank(ranked, new Set(['zz#1']))).toBeNull();
    expect(firstGoldRank([], new Set(['a#1']))).toBeNull();
  });

  it('counts a hit at k when any one gold paragraph is within the first k', () => {
    const gold = new Set(['g#7', 'z#1']);
    expect(recallAtK(ranked, gold, 1)).toBe(0);
    expect(recallAtK(ranked, gold, 5)).toBe(0);
    expect(recallAtK(ranked, gold, 7)).toBe(1);
    expect(recallAtK(ranked, gold, 10)).toBe(1);
    expect(recallAtK(ranked, new Set(['k#11']), 10)).toBe(0);
  });

  it('gives 1/rank of the first gold paragraph, 0 when absent', () => {
    expect(reciprocalRank(ranked, new Set(['a#1']))).toBe(1);
    expect(reciprocalRank(ranked, new Set(['d#4', 'b#2']))).toBe(0.5);
    expect(reciprocalRank(ranked, new Set(['nope#1']))).toBe(0);
  });

  it('computes nDCG@k with binary gains against the ideal ordering', () => {
    // One gold paragraph at rank 3: (1/log2 4) / 1 = 0.5.
    expect(ndcgAtK(ranked, new Set(['c#3']), 10)).toBeCloseTo(0.5, 10);
    // Gold at ranks 2 and 4: (1/log2 3 + 1/log2 5) / (1 + 1/log2 3) = 1.061606 / 1.630930 = 0.650920.
    expect(ndcgAtK(ranked, new Set(['b#2', 'd#4']), 10)).toBeCloseTo(0.65092, 5);
    // All gold first: perfect.
    expect(ndcgAtK(ranked, new Set(['a#1', 'b#2']), 10)).toBeCloseTo(1, 10);
    // Three gold, one found at rank 1: 1 / (1 + 1/log2 3 + 1/log2 4) = 1 / 2.130930 = 0.469279.
    expect(ndcgAtK(ranked, new Set(['a#1', 'x#1', 'y#1']), 10)).toBeCloseTo(0.469279, 5);
    // Gold beyond k does not count.
    expect(ndcgAtK(ranked, new Set(['k#11']), 10)).toBe(0);
    expect(ndcgAtK(ranked, new Set(), 10)).toBe(0);
  });

  it('averages every metric over a group of questions', () => {
    const summary = summarize([
      { ranked: ['a#1', 'b#2', 'c#3', 'd#4'], gold: new Set(['c#3']) },
      { ranked: ['x#1'], gold: new Set(['y#1']) },
      { ranked: ['p#1', 'q#1'], gold: new Set(['p#1']) },
      { ranked: ranked, gold: new Set(['g#7']) },
    ]);
    expect(summary.questions).toBe(4);
    expect(summary.recallAt1).toBeCloseTo(1 / 4, 10); // only the third
    expect(summary.recallAt5).toBeCloseTo(2 / 4, 10); // first and third
    expect(summary.recallAt10).toBeCloseTo(3 / 4, 10); // and the fourth, at rank 7
    expect(summary.mrr).toBeCloseTo((1 / 3 + 0 + 1 + 1 / 7) / 4, 10);
    // nDCG: 0.5, 0, 1, 1/log2 8 = 1/3.
    expect(summary.ndcgAt10).toBeCloseTo((0.5 + 0 + 1 + 1 / 3) / 4, 10);
  });

  it('summarizes an empty group as zeros', () => {
    expect(summarize([])).toEqual({ questions: 0, recallAt1: 0, recallAt5: 0, recallAt10: 0, mrr: 0, ndcgAt10: 0 });
  });
});
