/** Small statistics over timing samples: percentiles, mean, rounding for reports. */

/**
 * The p-th percentile (0–100) by the nearest-rank method: the smallest sample with at least p% of samples at or below it.
 * @example percentile([5, 1, 4, 2, 3], 50) // 3
 */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

/** Arithmetic mean; NaN for no samples. */
export function mean(samples: readonly number[]): number {
  return samples.length === 0 ? Number.NaN : samples.reduce((a, b) => a + b, 0) / samples.length;
}

/** Rounds to `digits` decimal places (for reports). */
export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
