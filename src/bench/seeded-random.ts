/** Seeded pseudo-random numbers and unit vectors, so synthetic corpora and vectors are the same on every run. */
import { createHash } from 'node:crypto';

/**
 * Mulberry32: floats in [0, 1) from a 32-bit seed.
 * @example const next = seededRandom(42); next(); // 0.6011…
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

/** A 32-bit seed from any text (the first four bytes of its sha256). */
export function seedOf(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32LE(0);
}

/** A point drawn uniformly on the unit sphere in `dims` dimensions (normalised Gaussian, Box–Muller). */
export function randomUnitVector(random: () => number, dims: number): Float32Array {
  const vector = new Float32Array(dims);
  let sumOfSquares = 0;
  for (let i = 0; i < dims; i++) {
    const gaussian = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    vector[i] = gaussian;
    sumOfSquares += gaussian * gaussian;
  }
  const norm = Math.sqrt(sumOfSquares) || 1;
  for (let i = 0; i < dims; i++) vector[i] /= norm;
  return vector;
}

/** The unit vector a text always gets: seeded by the text's hash. */
export function textUnitVector(text: string, dims: number): Float32Array {
  return randomUnitVector(seededRandom(seedOf(text)), dims);
}
