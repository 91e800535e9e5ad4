/** A seeded pseudo-random generator using integer arithmetic only, so the fixture weights are identical on every machine. */

/**
 * Mulberry32: returns a function yielding floats in [0, 1) from a 32-bit seed.
 * @example const next = seededRandom(42); next(); // 0.6011...
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` float32 values drawn uniformly from [-scale, scale). */
export function uniformWeights(random: () => number, count: number, scale: number): Float32Array {
  const values = new Float32Array(count);
  for (let i = 0; i < count; i++) values[i] = (random() * 2 - 1) * scale;
  return values;
}
