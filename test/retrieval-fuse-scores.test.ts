/** Hybrid fusion by score: lexical coverage counts by how much of the question a passage holds, not by its rank. */
import { describe, expect, it } from 'vitest';
import { LexicalIndex } from '../src/index/lexical-index.js';
import { fuseScores } from '../src/retrieval/fuse-scores.js';
import type { Chunk } from '../src/chunking/types.js';

const dense = (index: number, score: number, balanced = score) => ({ index, score, balanced });

describe('fuseScores', () => {
  it('lets a passage covering little of the question keep its place below a better dense match', () => {
    // The lexical list's first hit shares one common word (coverage 0.1); the dense list's first is another passage.
    const fused = fuseScores([{ index: 2, score: 4, coverage: 0.1 }], [dense(1, 0.85, 0.04), dense(2, 0.84, 0.02)], 0.15);
    expect(fused.map((f) => f.index)).toEqual([1, 2]);
  });

  it('lifts a passage holding most of the question’s words above a slightly closer dense match', () => {
    const fused = fuseScores([{ index: 2, score: 20, coverage: 0.7 }], [dense(1, 0.85, 0.04), dense(2, 0.84, 0.02)], 0.15);
    expect(fused.map((f) => f.index)).toEqual([2, 1]);
    expect(fused[0]).toMatchObject({ lexicalScore: 20, denseScore: 0.84 });
    expect(fused[0]!.score).toBeCloseTo(0.02 + 0.15 * 0.7);
  });

  it('ranks a passage only the lexical list found from the dense list’s lowest score', () => {
    const fused = fuseScores([{ index: 9, score: 3, coverage: 0.2 }], [dense(1, 0.85, 0.04), dense(2, 0.8, -0.01)], 0.15);
    expect(fused.find((f) => f.index === 9)!.score).toBeCloseTo(-0.01 + 0.03);
    expect(fused.find((f) => f.index === 9)!.denseScore).toBeUndefined();
  });

  it('returns nothing for empty lists', () => {
    expect(fuseScores([], [], 0.15)).toEqual([]);
  });
});

describe('lexical coverage', () => {
  const chunk = (text: string, paragraph: number): Chunk =>
    ({ id: `a.txt#${paragraph}:0`, file: 'a.txt', paragraph, text, embedText: text, language: 'en', start: 0, end: text.length }) satisfies Chunk;
  const lexical = LexicalIndex.build([
    chunk('Kazakhstan ranks 158th of 180 countries in press freedom.', 0),
    chunk('Kazakhstan held early presidential elections.', 1),
    chunk('The steppe is wide.', 2),
  ]);

  it('is higher for the passage holding more of the question’s rare words, and within 0 to 1', () => {
    const hits = lexical.search('How does Kazakhstan rank in press freedom?', 5, 'en');
    expect(hits[0]!.index).toBe(0);
    const coverage = Object.fromEntries(hits.map((h) => [h.index, h.coverage!]));
    expect(coverage[0]).toBeGreaterThan(coverage[1]! * 2);
    for (const h of hits) expect(h.coverage).toSatisfy((c: number) => c > 0 && c <= 1);
  });

  it('is small when the question’s words are mostly absent from the index (another language)', () => {
    const [hit] = lexical.search('Qual è la posizione del Kazakhstan nella libertà di stampa?', 5, 'it');
    expect(hit!.coverage).toBeLessThan(0.25);
  });
});
