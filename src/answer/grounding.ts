/** Decides whether retrieved passages answer a question at all (the "grounded" flag of an answer). */
import type { SearchHit } from '../retrieval/types.js';

/** The two signals that can ground an answer; either one suffices. */
export interface GroundingThresholds {
  /**
   * Lexical evidence: some sentence of the hits holds at least this IDF-weighted share (0–1) of the question's terms.
   * A question whose only shared term is one that most sentences have (the country's name, say) stays below it.
   */
  minCoverage: number;
  /**
   * Semantic evidence: some hit's cosine similarity to the question (`denseScore`, from dense or hybrid retrieval)
   * is at least this. It lets a passage in another language ground the answer although no term is shared.
   * Tuned for multilingual E5 models, whose unrelated pairs still score around 0.7–0.8.
   */
  minDenseSimilarity: number;
}

export const defaultGroundingThresholds: GroundingThresholds = {
  minCoverage: 0.2,
  minDenseSimilarity: 0.82,
};

/**
 * The rule: grounded when there is at least one hit and either a sentence covers enough of the question's terms
 * or a hit is similar enough to the question in embedding space. BM25 and RRF scores are not used: neither is
 * comparable across queries (RRF depends only on ranks), and the lexical evidence they stand for is measured
 * directly by sentence coverage. Hits without a `denseScore` (lexical retrieval) are thus judged on overlap alone.
 * @example isGrounded(0.6, hits, defaultGroundingThresholds) // true when hits is non-empty
 */
export function isGrounded(
  bestCoverage: number,
  hits: readonly SearchHit[],
  thresholds: GroundingThresholds,
): boolean {
  if (hits.length === 0) return false;
  if (bestCoverage >= thresholds.minCoverage) return true;
  return hits.some((hit) => hit.denseScore !== undefined && hit.denseScore >= thresholds.minDenseSimilarity);
}
