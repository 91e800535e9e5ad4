/** The learned gate's features: the quoted passage judged against the other passages, and the answer type asked for. */
import { describe, expect, it } from 'vitest';
import { answerTypeMatch, gateFeaturesOf } from '../src/answer/alignment-evidence.js';
import type { RankedSentence } from '../src/answer/rank-sentences.js';
import type { SearchHit } from '../src/retrieval/types.js';

const hit = (language: 'ar' | 'it', score: number): SearchHit => ({
  chunk: { id: `${language}${score}`, file: `${language}.txt`, paragraph: 1, start: 0, end: 10, language, text: 'x', embedText: 'x' },
  score,
});

/** A ranked sentence of hit `hitIndex` with a similarity and a soft alignment. */
function sentence(hitIndex: number, similarity: number, softCoverage: number, text = 'Una frase.'): RankedSentence {
  return { text, start: 0, end: text.length, hitIndex, coverage: 0, evidence: 0, matchedTerms: [], similarity, alignment: { coverage: 0.5, softCoverage, links: [], questionWords: 2 }, score: 0 };
}

describe('gateFeaturesOf', () => {
  // Hit 0 and 2 are Arabic, hit 1 Italian; the first-ranked sentence is the Italian passage's.
  const hits = [hit('ar', 0.05), hit('it', 0.08), hit('ar', 0.01)];
  const ranked = [sentence(1, 0.8, 0.7), sentence(0, 0.84, 0.6), sentence(1, 0.82, 0.5), sentence(2, 0.86, 0.55), sentence(0, 0.83, 0.4)];
  const features = gateFeaturesOf('Quando?', ranked, hits, 'ar', false);

  it("takes the passage's best similarity and its margin over the other passages (all of them when none is in its language)", () => {
    expect(features.similarity).toBeCloseTo(0.82);
    expect(features.similarityMargin).toBeCloseTo(0.82 - 0.86);
  });

  it("measures the first-ranked sentence's soft alignment against the best of the other passages", () => {
    expect(features.softAlignment).toBeCloseTo(0.7);
    expect(features.softAlignmentMargin).toBeCloseTo(0.7 - 0.6);
  });

  it("measures both margins against the other passages in the quote's language when there are some", () => {
    // A second Italian passage: the Arabic ones, scored higher for an Arabic question, no longer count.
    const withItalianRival = gateFeaturesOf('Quando?', [...ranked, sentence(3, 0.81, 0.65)], [...hits, hit('it', 0.02)], 'ar', false);
    expect(withItalianRival.similarityMargin).toBeCloseTo(0.82 - 0.81);
    expect(withItalianRival.softAlignmentMargin).toBeCloseTo(0.7 - 0.65);
  });

  it("measures the passage's retrieval score against the best other passage's", () => {
    expect(features.retrievalMargin).toBeCloseTo(0.08 - 0.05);
    expect(gateFeaturesOf('Quando?', [sentence(0, 0.84, 0.6), ...ranked], hits, 'ar', false).retrievalMargin).toBeCloseTo(0.05 - 0.08);
  });

  it('says whether the passage is in another language and first in retrieval', () => {
    expect(features.crossLingual).toBe(1);
    expect(features.topPassage).toBe(0);
  });

  it('counts the question words the alignment was measured over, on a log scale', () => {
    const f = gateFeaturesOf('Quando?', ranked, hits, 'ar', false);
    expect(f.questionWords).toBeCloseTo(Math.log(3));
  });

  it('has no margins with a single passage', () => {
    const alone = gateFeaturesOf('Quando?', [sentence(0, 0.84, 0.6)], [hits[0]!], 'ar', true);
    expect([alone.similarityMargin, alone.softAlignmentMargin, alone.retrievalMargin]).toEqual([0, 0, 0]);
    expect(alone.sharesName).toBe(1);
  });
});

describe('answerTypeMatch', () => {
  it('knows questions asking for a number or a date in the four languages, years in the plural too', () => {
    const asking = ['How many prisoners?', 'Which years does the report cover?', 'In what year was it founded?', 'Quali anni copre il rapporto?', 'In che anno è nato?', 'في أي سنوات صدر التقرير؟', 'متى تجري الانتخابات؟', 'Баяндама қай жылдарды қамтиды?', 'Қанша адам?'];
    for (const question of asking) {
      expect(answerTypeMatch(question, 'Nel 2020.'), question).toBe(1);
      expect(answerTypeMatch(question, 'Nessuno.'), question).toBe(-1);
    }
    for (const question of ['Who leads the party?', 'Chi guida il partito?', 'من يقود الحزب؟', 'Партияны кім басқарады?']) expect(answerTypeMatch(question, 'Nel 2020.'), question).toBe(0);
  });
});
