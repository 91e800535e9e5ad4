/** Scores the sentences of retrieved passages against a question: IDF-weighted term overlap plus the passage's rank. */
import type { DetectedLanguage } from '../corpus/types.js';
import type { SearchHit } from '../retrieval/types.js';
import { splitSentences, type Sentence } from './sentences.js';
import type { SentenceAlignment } from './word-alignment.js';

/** Turns text into index terms (the signature of `analyzeText` in src/index/analyzer.ts); the terms may be shared, so read-only. */
export type AnalyzeText = (text: string, language?: DetectedLanguage) => readonly string[];

/** A sentence of one hit's chunk text, with its offsets into that text. */
export interface RankedSentence extends Sentence {
  /** 0-based position of the hit the sentence came from (its citation id is `hitIndex + 1`). */
  hitIndex: number;
  /** IDF-weighted share of the question's terms that the sentence contains, from 0 to 1. */
  coverage: number;
  /**
   * Coverage as evidence that the sentence answers the question: 0 when it shares only one word of a question that
   * has several (a lone name such as a country's is not an answer to "What is the capital of France?").
   */
  evidence: number;
  /** Question terms found in the sentence. */
  matchedTerms: string[];
  /** Cosine similarity of the sentence to the question, when a model scored it. */
  similarity?: number;
  /** Word alignment of the question with the sentence, when the model gives token states. */
  alignment?: SentenceAlignment;
  /**
   * `COVERAGE_WEIGHT * coverage * brevity + RANK_WEIGHT / (hitIndex + 1)`, see INFORMATIVE_TERMS for brevity; with
   * similarities, `SEMANTIC_WEIGHT * closeness` is added, closeness being the similarity's place between the
   * candidates' lowest and highest (0–1); with alignments, `ALIGNMENT_WEIGHT * coverage` (aligned share of the question)
   * and `SOFT_ALIGNMENT_WEIGHT` times the soft coverage's place among the candidates'.
   */
  score: number;
}

/** Meaning decides among sentences when a model scored them: an English question shares no word with an Arabic answer. */
const SEMANTIC_WEIGHT = 1;
/** Word alignment tells the sentence that carries the question's words from one that is only on the same topic. */
const ALIGNMENT_WEIGHT = 0.5;
/**
 * How closely each of the question's words is matched, as a place between the candidates' lowest and highest: it
 * finds the sentence holding the answer in a long paragraph more often than similarity does (on xquad_en-ar's 604 dev
 * questions the first-ranked sentence holds the gold answer 0.62 of the time with it, 0.56 without).
 */
const SOFT_ALIGNMENT_WEIGHT = 0.75;

/** Overlap decides; the retrieval rank breaks near-ties and orders sentences when nothing overlaps (cross-lingual hits). */
const COVERAGE_WEIGHT = 0.8;
const RANK_WEIGHT = 0.2;
/**
 * Sentences with fewer distinct terms (headings, bylines like "The Unfreedom Monitor") rank lower in proportion:
 * they match a question's words fully yet say little. Grounding still uses the unscaled coverage.
 */
const INFORMATIVE_TERMS = 6;

// The root locale keeps word boundaries independent of the machine's default locale.
const WORDS = new Intl.Segmenter('und', { granularity: 'word' });

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
  similarities?: ReadonlyMap<string, number>,
  alignments?: ReadonlyMap<string, SentenceAlignment>,
): RankedSentence[] {
  const questionWords = questionWordTerms(question, language, analyze);
  const sentences = hits.flatMap(({ chunk }, hitIndex) =>
    splitSentences(chunk.text).map((sentence) => ({
      ...sentence,
      hitIndex,
      terms: new Set(analyze(sentence.text, chunk.language)),
    })),
  );

  const matches = (word: readonly string[], terms: ReadonlySet<string>) => word.some((term) => terms.has(term));
  const idf = questionWords.map((word) => inverseDocumentFrequency(sentences.filter((s) => matches(word, s.terms)).length, sentences.length));
  const questionWeight = idf.reduce((sum, weight) => sum + weight, 0);

  const closeness = placeAmong(sentences.flatMap((s) => (similarities?.has(s.text) ? [similarities.get(s.text)!] : [])));
  const softCloseness = placeAmong(sentences.flatMap((s) => (alignments?.has(s.text) ? [alignments.get(s.text)!.softCoverage] : [])));

  const ranked = sentences.map(({ terms, ...sentence }) => {
    const matched = questionWords.flatMap((word, i) => (matches(word, terms) ? [i] : []));
    const matchedTerms = matched.flatMap((i) => questionWords[i]!.filter((term) => terms.has(term)));
    const matchedWeight = matched.reduce((sum, i) => sum + idf[i]!, 0);
    const coverage = questionWeight > 0 ? matchedWeight / questionWeight : 0;
    const brevity = Math.min(1, terms.size / INFORMATIVE_TERMS);
    const similarity = similarities?.get(sentence.text);
    const alignment = alignments?.get(sentence.text);
    const score =
      COVERAGE_WEIGHT * coverage * brevity +
      RANK_WEIGHT / (sentence.hitIndex + 1) +
      SEMANTIC_WEIGHT * closeness(similarity) +
      ALIGNMENT_WEIGHT * (alignment?.coverage ?? 0) +
      SOFT_ALIGNMENT_WEIGHT * softCloseness(alignment?.softCoverage);
    const evidence = matched.length >= Math.min(2, questionWords.length) ? coverage : 0;
    return { ...sentence, coverage, evidence, matchedTerms, similarity, ...(alignment && { alignment }), score };
  });
  return ranked.sort((a, b) => b.score - a.score || a.hitIndex - b.hitIndex || a.start - b.start);
}

/** A value's place between the lowest and highest of `values`, from 0 to 1 (0 for an unknown value or equal values). */
function placeAmong(values: readonly number[]): (value: number | undefined) => number {
  const [low, high] = [Math.min(...values), Math.max(...values)];
  return (value) => (value === undefined || high <= low ? 0 : (value - low) / (high - low));
}

/**
 * The question's content words, each as the set of terms the analyzer gives it (surface form and stem). A word counts
 * as present in a sentence when any of its terms is, so a matched stem is not outweighed by its unmatched surface form.
 */
function questionWordTerms(question: string, language: DetectedLanguage, analyze: AnalyzeText): (readonly string[])[] {
  const words = [...WORDS.segment(question)].filter((s) => s.isWordLike);
  const seen = new Set<string>();
  return words
    .map((w) => analyze(w.segment, language))
    .filter((terms) => {
      const key = terms.join('\0');
      if (terms.length === 0 || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** BM25's IDF, `ln(1 + (N - df + 0.5) / (df + 0.5))`: positive, and largest for words no sentence has. */
function inverseDocumentFrequency(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}
