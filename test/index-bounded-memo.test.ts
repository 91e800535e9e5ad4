import { describe, expect, it } from 'vitest';
import { boundedMemo } from '../src/index/bounded-memo.js';

describe('boundedMemo', () => {
  it('computes each key once while it is remembered', () => {
    const calls: string[] = [];
    const upper = boundedMemo((word: string) => (calls.push(word), word.toUpperCase()), 10);
    expect([upper('a'), upper('b'), upper('a'), upper('a')]).toEqual(['A', 'B', 'A', 'A']);
    expect(calls).toEqual(['a', 'b']);
  });

  it('forgets everything once full, and still answers correctly', () => {
    const calls: number[] = [];
    const square = boundedMemo((n: number) => (calls.push(n), n * n), 2);
    expect([square(1), square(2), square(3), square(1), square(3)]).toEqual([1, 4, 9, 1, 9]);
    // 3 did not fit beside 1 and 2, so the cache was emptied and 1 computed again.
    expect(calls).toEqual([1, 2, 3, 1]);
  });

  it('remembers undefined results too', () => {
    let calls = 0;
    const nothing = boundedMemo((_: string) => ((calls += 1), undefined), 5);
    nothing('x');
    nothing('x');
    expect(calls).toBe(1);
  });
});
