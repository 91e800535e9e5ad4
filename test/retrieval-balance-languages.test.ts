/** Dense candidates compared within their own language, so a passage in another language can surface. */
import { describe, expect, it } from 'vitest';
import { balanceLanguages } from '../src/retrieval/balance-languages.js';

describe('balanceLanguages', () => {
  const language = (i: number) => (i < 10 ? 'ar' : 'it');
  // Arabic passages all score high for an Arabic question; the Italian answer stands out among Italian ones only.
  const candidates = [
    ...Array.from({ length: 10 }, (_, i) => ({ index: i, score: 0.86 - i * 0.002 })),
    { index: 10, score: 0.84 },
    ...Array.from({ length: 5 }, (_, i) => ({ index: 11 + i, score: 0.78 - i * 0.002 })),
  ].sort((a, b) => b.score - a.score);

  it('lifts the passage that stands out in its language above the crowd of the query’s language', () => {
    const ranked = balanceLanguages(candidates, language);
    expect(ranked[0]!.index).toBe(10);
    expect(candidates.findIndex((c) => c.index === 10)).toBe(10);
  });

  it('keeps the order within each language, and every candidate', () => {
    const ranked = balanceLanguages(candidates, language);
    expect(ranked.filter((c) => language(c.index) === 'ar').map((c) => c.index)).toEqual([...Array(10).keys()]);
    expect(ranked.map((c) => c.index).sort((a, b) => a - b)).toEqual(candidates.map((c) => c.index).sort((a, b) => a - b));
  });

  it('leaves a one-language list as it was', () => {
    const arabic = candidates.filter((c) => language(c.index) === 'ar');
    expect(balanceLanguages(arabic, language).map((c) => [c.index, c.score])).toEqual(arabic.map((c) => [c.index, c.score]));
  });

  it('leaves the cosines as they are for a question in a language (almost) no candidate is in', () => {
    const ranked = balanceLanguages(candidates, language, 'en');
    expect(ranked.map((c) => c.index)).toEqual(candidates.map((c) => c.index));
    expect(ranked.every((c) => c.balanced === c.score)).toBe(true);
  });

  it('balances for a question in a language with candidates of its own', () => {
    expect(balanceLanguages(candidates, language, 'ar')[0]!.index).toBe(10);
  });
});
