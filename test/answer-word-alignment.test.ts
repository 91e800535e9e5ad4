/** Word alignment by mutual best token matches, and what the answer reads from it (coverage, highlights, gloss). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { glossTerms, highlightSpans } from '../src/answer/alignment-evidence.js';
import { rankSentences } from '../src/answer/rank-sentences.js';
import { alignSentence, mutualBestMatches } from '../src/answer/word-alignment.js';
import { buildCitations } from '../src/answer/citations.js';
import type { TokenStates } from '../src/embedding/token-states.js';
import { analyzeText } from '../src/index/analyzer.js';
import type { SearchHit } from '../src/retrieval/types.js';

/** Token states of whitespace-separated words, one token each, with the given unit directions (axis indices). */
function states(text: string, axes: number[], dimensions = 8): TokenStates {
  const spans: Array<[number, number]> = [];
  for (const m of text.matchAll(/\S+?(?=[?.]|\s|$)|[?.]/gu)) spans.push([m.index!, m.index! + m[0].length]);
  const vectors = new Float32Array(spans.length * dimensions);
  axes.forEach((axis, i) => {
    vectors[i * dimensions + (axis % dimensions)] = 0.9;
    vectors[i * dimensions + ((axis + 1) % dimensions)] = Math.sqrt(1 - 0.81);
  });
  return { spans, vectors, dimensions };
}

const isContent = (word: string) => analyzeText(word, 'en').length > 0;

describe('mutualBestMatches', () => {
  it('pairs tokens that are each other’s best match, and only those', () => {
    const a = states('press freedom rank', [0, 2, 4]);
    const b = states('حرية الصحافة المرتبة 158', [2, 0, 4, 4]);
    expect(mutualBestMatches(a, b).map(([i, j]) => [i, j])).toEqual([[0, 1], [1, 0], [2, 2]]);
  });

  it('pairs exactly the tokens that are each other’s first best match, ties going to the earlier token', () => {
    // Few distinct directions, so many cosines tie.
    const directions = fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 9 });
    fc.assert(
      fc.property(directions, directions, (axesA, axesB) => {
        const a = states(axesA.map(() => 'w').join(' '), axesA, 4);
        const b = states(axesB.map(() => 'w').join(' '), axesB, 4);
        const cosine = (i: number, j: number) => Array.from({ length: 4 }, (_, k) => a.vectors[i * 4 + k]! * b.vectors[j * 4 + k]!).reduce((x, y) => x + y);
        const firstBest = (length: number, value: (k: number) => number) => Array.from({ length }, (_, k) => k).reduce((best, k) => (value(k) > value(best) ? k : best), 0);
        const expected = axesA.flatMap((_, i) => {
          const j = firstBest(axesB.length, (k) => cosine(i, k));
          return firstBest(axesA.length, (k) => cosine(k, j)) === i ? [[i, j]] : [];
        });
        expect(mutualBestMatches(a, b).map(([i, j]) => [i, j])).toEqual(expected);
      }),
    );
  });

  it('scores every token pair by its cosine, for odd and even token counts and sizes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 11 }), fc.integer(), (n, m, d, seed) => {
        let x = seed;
        const random = () => ((x = (Math.imul(x, 1103515245) + 12345) | 0) >>> 0) / 2 ** 32 - 0.5;
        const tokens = (count: number): TokenStates => ({
          spans: Array.from({ length: count }, (_, t) => [t, t + 1] as [number, number]),
          vectors: Float32Array.from({ length: count * d }, random),
          dimensions: d,
        });
        const [a, b] = [tokens(n), tokens(m)];
        const cosine = (i: number, j: number) => a.vectors.subarray(i * d, (i + 1) * d).reduce((s, v, k) => s + v * b.vectors[j * d + k]!, 0);
        for (const [i, j, similarity] of mutualBestMatches(a, b)) {
          expect(similarity).toBeCloseTo(cosine(i, j), 5);
          for (let k = 0; k < m; k++) expect(cosine(i, k)).toBeLessThanOrEqual(similarity + 1e-6);
          for (let k = 0; k < n; k++) expect(cosine(k, j)).toBeLessThanOrEqual(similarity + 1e-6);
        }
      }),
    );
  });
});

describe('alignSentence', () => {
  it('covers the question’s content words that align, and links them to the sentence’s words', () => {
    const question = 'What is the press freedom rank?';
    const q = states(question, [7, 7, 7, 0, 2, 4, 6]);
    const sentence = 'حرية الصحافة المرتبة 158';
    const alignment = alignSentence(question, q, sentence, states(sentence, [2, 0, 4, 5]), isContent);
    expect(alignment.coverage).toBeCloseTo(1, 5);
    expect(alignment.questionWords).toBe(3); // press, freedom, rank: "What is the" are function words
    const linked = alignment.links.map((l) => [question.slice(l.question.start, l.question.end), l.sentence.map((w) => sentence.slice(w.start, w.end)).join(' ')]);
    expect(linked).toEqual([['press', 'الصحافة'], ['freedom', 'حرية'], ['rank', 'المرتبة']]);
  });

  it('covers nothing of a sentence that shares no meaning', () => {
    const question = 'press freedom';
    const alignment = alignSentence(question, states(question, [0, 2]), 'rain fell', states('rain fell', [0, 2].map((a) => a + 4)), isContent);
    expect(alignment.softCoverage).toBeLessThan(0.5);
  });
});

describe('highlights and gloss', () => {
  const question = 'What is the press freedom rank?';
  const text = 'تحتل البلاد المرتبة 158 في حرية الصحافة.';
  const hit: SearchHit = { chunk: { id: 'a', file: 'ar.md', paragraph: 4, start: 10, end: 10 + text.length, text, language: 'ar' }, score: 1 } as SearchHit;
  const alignment = alignSentence(question, states(question, [7, 7, 7, 0, 2, 4, 6]), text, states(text, [5, 5, 4, 6, 7, 2, 0, 7]), isContent);
  const ranked = rankSentences(question, 'en', [hit], analyzeText, undefined, new Map([[text, alignment]]));

  it('marks the aligned words of the quote, inside the paragraph', () => {
    const [citation] = buildCitations([hit]);
    const spans = highlightSpans(ranked[0]!, citation!);
    expect(spans.map((s) => text.slice(s.start - 10, s.end - 10))).toEqual(['المرتبة', 'حرية الصحافة']);
  });

  it('glosses the question’s words with the quote’s words in order of the question', () => {
    expect(glossTerms(question, 'en', ranked, [hit])).toEqual([
      { question: 'press', source: 'الصحافة', citation: 1 },
      { question: 'freedom', source: 'حرية', citation: 1 },
      { question: 'rank', source: 'المرتبة', citation: 1 },
    ]);
  });

  it('glosses nothing when the quote is in the question’s language', () => {
    expect(glossTerms(question, 'ar', ranked, [hit])).toEqual([]);
  });
});
