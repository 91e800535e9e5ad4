import { describe, expect, it } from 'vitest';
import { boundedMemo, boundedTextMemo } from '../src/index/bounded-memo.js';

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

describe('boundedTextMemo', () => {
  const counting = () => {
    const calls: string[] = [];
    const compute = (text: string, language?: string) => (calls.push(`${language}:${text}`), `${language}/${text.toUpperCase()}`);
    return { calls, compute };
  };

  it('remembers a text once, and never answers for one language with another\'s result', () => {
    const { calls, compute } = counting();
    const memo = boundedTextMemo(compute, { maxChars: 100, maxLength: 100 });
    expect([memo('voto', 'it'), memo('voto', 'it'), memo('voto', 'en'), memo('voto', 'en'), memo('voto'), memo('voto', 'it')]).toEqual([
      'it/VOTO',
      'it/VOTO',
      'en/VOTO',
      'en/VOTO',
      'undefined/VOTO',
      'it/VOTO',
    ]);
    // Asked in another language, a text is computed again for it (one entry a text).
    expect(calls).toEqual(['it:voto', 'en:voto', 'undefined:voto', 'it:voto']);
  });

  it('computes a text longer than maxLength every time, holding none of it', () => {
    const { calls, compute } = counting();
    const memo = boundedTextMemo(compute, { maxChars: 100, maxLength: 4 });
    expect([memo('lunga', 'it'), memo('lunga', 'it'), memo('four', 'it'), memo('four', 'it')]).toEqual(['it/LUNGA', 'it/LUNGA', 'it/FOUR', 'it/FOUR']);
    expect(calls).toEqual(['it:lunga', 'it:lunga', 'it:four']);
  });

  it('holds at most maxChars characters of text, all texts together', () => {
    const { calls, compute } = counting();
    const memo = boundedTextMemo(compute, { maxChars: 6, maxLength: 6 });
    for (const [text, language] of [['abc', 'kk'], ['de', 'ar'], ['abc', 'kk'], ['fg', 'kk'], ['abc', 'kk'], ['de', 'ar']] as const) memo(text, language);
    // "fg" did not fit beside "abc" and "de" (3 + 2 + 2 > 6): the cache was emptied, so "abc" is computed again,
    // then holds with "fg" (5 characters), and "de" no longer fits beside them either.
    expect(calls).toEqual(['kk:abc', 'ar:de', 'kk:fg', 'kk:abc', 'ar:de']);
  });
});
