/** Bitext mining and top-1 accuracy: the nearest vector decides, ties go to the first. */
import { describe, expect, it } from 'vitest';
import { nearestIndex, nearestIsTranslation, topOneAccuracy } from '../src/eval/bitext-mining.js';

describe('bitext mining', () => {
  it('counts a source as found when its nearest target is its own translation', () => {
    expect(nearestIsTranslation([[1, 0], [0, 1]], [[0.9, 0.1], [0.2, 0.8]])).toBe(1);
    expect(nearestIsTranslation([[1, 0], [0.9, 0.1]], [[0.9, 0.1], [0, 1]])).toBe(0.5);
    expect(() => nearestIsTranslation([[1]], [])).toThrow(/aligned lists/);
  });

  it('breaks ties towards the lower index and scores retrieval against gold sets', () => {
    expect(nearestIndex([1, 0], [[0.5, 0], [0.5, 0]])).toBe(0);
    expect(topOneAccuracy([[1, 0], [0, 1]], [[1, 0], [0, 1], [0, 0.9]], [new Set([0]), new Set([2])])).toBe(0.5);
    expect(topOneAccuracy([], [], [])).toBe(0);
  });
});
