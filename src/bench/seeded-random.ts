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

/** A standard normal sample (Box–Muller). */
export function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** Scales a vector to unit length in place (a zero vector stays zero) and returns it. */
export function normalize(vector: Float32Array): Float32Array {
  let sumOfSquares = 0;
  for (const x of vector) sumOfSquares += x * x;
  const norm = Math.sqrt(sumOfSquares) || 1;
  for (let i = 0; i < vector.length; i++) vector[i] /= norm;
  return vector;
}

/** A point drawn uniformly on the unit sphere in `dims` dimensions (a normalised Gaussian vector). */
export function randomUnitVector(random: () => number, dims: number): Float32Array {
  const vector = new Float32Array(dims);
  for (let i = 0; i < dims; i++) vector[i] = gaussian(random);
  return normalize(vector);
}

/**
 * A sampler of unit vectors with low intrinsic dimension, closer to real sentence embeddings than uniform points:
 * a Gaussian in `latentDims` dimensions mapped into `dims` by a fixed random projection (seeded by `seed`), plus
 * isotropic noise of relative size `noise`.
 * @example const sample = lowRankSampler(7, 384, 16, 0.1); sample(seededRandom(1)) // Float32Array(384), norm 1
 */
export function lowRankSampler(seed: number, dims: number, latentDims: number, noise: number): (random: () => number) => Float32Array {
  const projectionRandom = seededRandom(seed);
  const directions = Array.from({ length: latentDims }, () => randomUnitVector(projectionRandom, dims));
  return (random) => {
    const vector = new Float32Array(dims);
    for (const direction of directions) {
      const weight = gaussian(random);
      for (let i = 0; i < dims; i++) vector[i] += weight * direction[i]!;
    }
    const noiseScale = (noise * Math.sqrt(latentDims)) / Math.sqrt(dims);
    for (let i = 0; i < dims; i++) vector[i] += noiseScale * gaussian(random);
    return normalize(vector);
  };
}
