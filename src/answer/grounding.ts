/**
 * Decides how far retrieved passages support a question, three ways: `answered` (the answer is grounded),
 * `possible` (a passage shares the question's names or numbers, or comes close in meaning, but cannot be confirmed)
 * and `none` (not in the documents). The thresholds were chosen on measured distributions: README, "The grounded gate".
 * This hand-set rule decides when the model gives no sentence similarities or token states (lexical mode); with them
 * the learned gate does (support-gate.ts, docs/cross-lingual.md).
 */
import type { SearchHit } from '../retrieval/types.js';

export type Support = 'answered' | 'possible' | 'none';

/** The signals the gate reads; similarities are undefined without a model (lexical mode). */
export interface SupportSignals {
  /** Best lexical evidence of a sentence (IDF-weighted share of the question's terms; 0 when only one word is shared). */
  bestEvidence: number;
  /** Best cosine similarity of a quoted-candidate sentence to the question. */
  bestSentenceSimilarity?: number;
  /** Whether some sentence holds one of the question's names or numbers. */
  sharesName: boolean;
}

export interface GroundingThresholds {
  /**
   * Lexical evidence: some sentence holds at least this IDF-weighted share (0–1) of the question's terms. A question
   * whose only shared term is one that most sentences have (the country's name, say) stays below it.
   */
  minCoverage: number;
  /**
   * Semantic evidence: some sentence's cosine similarity to the question is at least this. It lets a passage in
   * another language ground the answer although no term is shared. Multilingual E5 scores unrelated pairs around 0.75–0.8.
   */
  minSentenceSimilarity: number;
  /** Below `minSentenceSimilarity` but at least this: `possible`. */
  possibleSentenceSimilarity: number;
}

export const defaultGroundingThresholds: GroundingThresholds = {
  minCoverage: 0.3,
  minSentenceSimilarity: 0.87,
  possibleSentenceSimilarity: 0.825,
};

/**
 * The rule: `answered` when there is a hit and a sentence covers enough of the question's terms or is similar
 * enough in meaning; `possible` when a sentence shares a name or number of the question, or is nearly similar
 * enough; `none` otherwise. BM25 and RRF scores are not used: neither is comparable across queries.
 * @example judgeSupport({ bestEvidence: 0.6, sharesName: true }, hits, defaultGroundingThresholds) // 'answered'
 */
export function judgeSupport(signals: SupportSignals, hits: readonly SearchHit[], thresholds: GroundingThresholds): Support {
  if (hits.length === 0) return 'none';
  const similarity = signals.bestSentenceSimilarity ?? -1;
  if (signals.bestEvidence >= thresholds.minCoverage || similarity >= thresholds.minSentenceSimilarity) return 'answered';
  if (signals.sharesName || similarity >= thresholds.possibleSentenceSimilarity) return 'possible';
  return 'none';
}
