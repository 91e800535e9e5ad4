/** Scores the sentences of retrieved passages against a question: IDF-weighted term overlap plus the passage's rank. */
import type { DetectedLanguage } from '../corpus/types.js';
import type { SearchHit } from '../retrieval/types.js';
import { splitSentences, type Sentence } from './sentences.js';

/** Turns text into index terms (the signature of `analyzeText` in src/index/analyzer.ts). */
export type AnalyzeText = (text: string, language?: DetectedLanguage) => string[];

/** A sentence of one hit's chunk text, with its offsets into that text. */
export interface RankedSentence extends Sentence {
  /** 0-based position of the hit the sentence came from (its citation id is `hitIndex + 1`). */
  hitIndex: number;
  /** IDF-weighted share of the question's terms that the sentence contains, from 0 to 1. */
  coverage: number;
  /** Question terms found in the sentence. */
  matchedTerms: string[];
  /** `COVERAGE_WEIGHT * coverage * brevity + RANK_WEIGHT / (hitIndex + 1)`; see INFORMATIVE_TERMS for brevity. */
  score: number;
}

/** Overlap decides; the retrieval rank breaks near-ties and orders sentences when nothing overlaps (cross-lingual hits). */
const COVERAGE_WEIGHT = 0.8;
const RANK_WEIGHT = 0.2;
/**
 * Sentences with fewer distinct terms (headings, bylines like "The Unfreedom Monitor") rank lower in proportion:
 * they match a question's words fully yet say little. Grounding still uses the unscaled coverage.
 */
const INFORMATIVE_TERMS = 6;

/**
 * Every sentence of every hit, best first (ties: earlier hit, then earlier sentence).
 * IDF is computed over the hits' sentences, so terms common to most of them (function words, the topic's name) weigh little.
 * @example rankSentences('Quando si vota?', 'it', hits, analyzeText)[0].text
 */
export function rankSentences(
  question: string,
  language: DetectedLanguage,
  hits: readonly SearchHit[],
  analyze: AnalyzeText,
): RankedSentence[] {
  const questionTerms = [...new Set(analyze(question, language))];
  const sentences = hits.flatMap(({ chunk }, hitIndex) =>
    splitSentences(chunk.text, chunk.language).map((sentence) => ({
      ...sentence,
      hitIndex,
      terms: new Set(analyze(sentence.text, chunk.language)),
    })),
  );

  const idf = inverseDocumentFrequencies(questionTerms, sentences.map((s) => s.terms));
  const questionWeight = questionTerms.reduce((sum, term) => sum + idf.get(term)!, 0);

  const ranked = sentences.map(({ terms, ...sentence }) => {
    const matchedTerms = questionTerms.filter((term) => terms.has(term));
    const matchedWeight = matchedTerms.reduce((sum, term) => sum + idf.get(term)!, 0);
    const coverage = questionWeight > 0 ? matchedWeight / questionWeight : 0;
    const brevity = Math.min(1, terms.size / INFORMATIVE_TERMS);
    const score = COVERAGE_WEIGHT * coverage * brevity + RANK_WEIGHT / (sentence.hitIndex + 1);
    return { ...sentence, coverage, matchedTerms, score };
  });
  return ranked.sort((a, b) => b.score - a.score || a.hitIndex - b.hitIndex || a.start - b.start);
}

/** BM25's IDF, `ln(1 + (N - df + 0.5) / (df + 0.5))`: positive, and largest for terms no sentence has. */
function inverseDocumentFrequencies(terms: string[], documents: Set<string>[]): Map<string, number> {
  const n = documents.length;
  return new Map(
    terms.map((term) => {
      const df = documents.filter((doc) => doc.has(term)).length;
      return [term, Math.log(1 + (n - df + 0.5) / (df + 0.5))];
    }),
  );
}
