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

export interface LatencySummary {
  samples: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

/**
 * Count, nearest-rank percentiles, mean and maximum of timing samples in ms, rounded to µs.
 * @example summarizeLatencies([3, 1, 2]) // { samples: 3, p50: 2, p95: 3, p99: 3, mean: 2, max: 3 }
 */
export function summarizeLatencies(samples: readonly number[]): LatencySummary {
  return {
    samples: samples.length,
    p50: round(percentile(samples, 50), 3),
    p95: round(percentile(samples, 95), 3),
    p99: round(percentile(samples, 99), 3),
    mean: round(mean(samples), 3),
    max: round(samples.reduce((a, b) => Math.max(a, b), Number.NEGATIVE_INFINITY), 3),
  };
}
