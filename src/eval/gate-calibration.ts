/**
 * Gate calibration: each question's gate signals and whether its answer (quoted as if answered) is right; then every
 * threshold pair scored by grounded precision and recall, and by the share of unanswerable questions marked grounded.
 */
import type { SupportSignals } from '../answer/grounding.js';

export interface GateRecord {
  set: string;
  /** False for questions asked against a corpus that cannot answer them. */
  answerable: boolean;
  /** Whether the answer, quoted as if grounded, is right (gold paragraph quoted and gold string inside, where known). */
  right: boolean;
  signals: SupportSignals;
}

export interface GateRow {
  minCoverage: number;
  minSentenceSimilarity: number;
  /** Right among answers marked grounded (unanswerable ones marked grounded count as wrong). */
  precision: number;
  /** Marked grounded among the right answers. */
  recall: number;
  /** Unanswerable questions marked grounded. */
  unanswerableGrounded: number;
}

const share = (part: number, whole: number) => (whole ? part / whole : 0);

/** Whether the record's answer is marked grounded under the two thresholds. */
export function groundedUnder(r: GateRecord, minCoverage: number, minSentenceSimilarity: number): boolean {
  return r.signals.bestEvidence >= minCoverage || (r.signals.bestSentenceSimilarity ?? -1) >= minSentenceSimilarity;
}

/** One row per threshold pair. */
export function scoreGate(records: readonly GateRecord[], coverages: readonly number[], similarities: readonly number[]): GateRow[] {
  return coverages.flatMap((minCoverage) =>
    similarities.map((minSentenceSimilarity) => {
      const grounded = records.filter((r) => groundedUnder(r, minCoverage, minSentenceSimilarity));
      const right = records.filter((r) => r.answerable && r.right);
      const unanswerable = records.filter((r) => !r.answerable);
      return {
        minCoverage,
        minSentenceSimilarity,
        precision: share(grounded.filter((r) => r.answerable && r.right).length, grounded.length),
        recall: share(right.filter((r) => groundedUnder(r, minCoverage, minSentenceSimilarity)).length, right.length),
        unanswerableGrounded: share(unanswerable.filter((r) => groundedUnder(r, minCoverage, minSentenceSimilarity)).length, unanswerable.length),
      };
    }),
  );
}

/** Deciles of a value among records, for the distribution table. */
export function quantiles(values: readonly number[], at: readonly number[] = [0.1, 0.25, 0.5, 0.75, 0.9]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  return at.map((q) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : NaN));
}
