import { describe, expect, it } from 'vitest';
import type { SourceDocument } from '../src/corpus/types.js';
import { createWordOverlapBaseline, wordsOf } from '../src/eval/word-overlap-baseline.js';

function doc(file: string, texts: string[]): SourceDocument {
  return {
    file,
    sha256: '0',
    language: 'it',
    paragraphs: texts.map((text, i) => ({ number: i + 1, text, language: 'it' })),
  };
}

describe('word-overlap baseline', () => {
  it('splits text into distinct lower-cased words without punctuation', () => {
    expect([...wordsOf('Il Paese, il paese! 2020')]).toEqual(['il', 'paese', '2020']);
    expect([...wordsOf('ما هي مبادرة؟')]).toEqual(['ما', 'هي', 'مبادرة']);
    expect([...wordsOf('Сайлау қашан өтеді?')]).toEqual(['сайлау', 'қашан', 'өтеді']);
  });

  it('does not stem: word forms must match exactly', () => {
    expect(wordsOf('elezioni').has('elezione')).toBe(false);
  });

  it('ranks paragraphs by the number of distinct shared words, ties in corpus order', () => {
    const rank = createWordOverlapBaseline([
      doc('a.txt', ['le elezioni del Majilis', 'nessuna parola comune', 'elezioni elezioni elezioni']),
      doc('b.txt', ['il 10 gennaio le elezioni del Majilis']),
    ]);
    // b#1 shares all 7 words, a#1 four (le, elezioni, del, majilis), a#3 one.
    expect(rank('Il 10 gennaio le elezioni del Majilis?', 10)).toEqual(['b.txt#1', 'a.txt#1', 'a.txt#3']);
    // a#1 and b#1 share both words (tie: corpus order); a#3 repeats one word, which counts once.
    expect(rank('elezioni Majilis', 10)).toEqual(['a.txt#1', 'b.txt#1', 'a.txt#3']);
  });

  it('returns at most k paragraphs and none that share no word', () => {
    const rank = createWordOverlapBaseline([doc('a.txt', ['uno due', 'tre quattro', 'uno tre'])]);
    expect(rank('uno tre', 1)).toEqual(['a.txt#3']);
    expect(rank('cinque', 10)).toEqual([]);
  });
});
