/** Brute-force cosine nearest neighbours: the ground truth that approximate search is measured against. */
import type { RankedId } from './types.js';

/** A dense vector as embedders return it. */
export type Vector = Float32Array | readonly number[];

/**
 * The `k` vectors most cosine-similar to `query`, best first (ties by lower index).
 * Zero vectors have similarity 0 to everything.
 * @example exactSearch([[1, 0], [0, 1]], [1, 0.1], 1) // [{ index: 0, score: 0.995… }]
 */
export function exactSearch(vectors: readonly Vector[], query: Vector, k: number): RankedId[] {
  const queryNorm = norm(query);
  const scored = vectors.map((vector, index) => {
    const denominator = queryNorm * norm(vector);
    return { index, score: denominator === 0 ? 0 : dot(vector, query) / denominator };
  });
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  return scored.slice(0, Math.max(0, k));
}

function dot(a: Vector, b: Vector): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * (b[i] ?? 0);
  return sum;
}

function norm(a: Vector): number {
  return Math.sqrt(dot(a, a));
}
