/** A model-free stand-in embedder for benchmarks: every passage gets its own seeded random unit vector. */
import type { PassageEmbedder } from '../index/embed-chunks.js';
import { lowRankSampler, seededRandom, seedOf } from './seeded-random.js';

/** The model id recorded in manifests of benchmark indexes, so they are never mistaken for a real model's. */
export const RANDOM_MODEL_ID = 'bench/random-unit-vectors';

/** The shape of the random vectors: a Gaussian in `latentDims` dimensions projected into the full space, plus noise. */
export interface RandomVectorShape {
  latentDims: number;
  noise: number;
  /** Seeds the projection, so builds and servers started separately agree on it. */
  seed: number;
}

/** Low intrinsic dimension, like real sentence embeddings (uniform points on the sphere are an unrealistic worst case for HNSW). */
export const DEFAULT_VECTOR_SHAPE: RandomVectorShape = { latentDims: 16, noise: 0.1, seed: 1 };

export interface RandomTextEmbedder extends PassageEmbedder {
  embedQuery(text: string): Promise<number[]>;
}

/**
 * Vectors carry no meaning (similar texts are not close): this measures index and server cost without a model.
 * A passage's vector is seeded by its text and by how many times that text was embedded before, so repeated
 * passages (common in recombined synthetic corpora) still get distinct vectors, the same ones on every run.
 * A query's vector is seeded by the query text alone, from the same distribution.
 * @example const embedder = createRandomTextEmbedder(384); await embedder.embedQuery('Chi?') // 384 numbers, norm 1
 */
export function createRandomTextEmbedder(dims: number, shape: RandomVectorShape = DEFAULT_VECTOR_SHAPE): RandomTextEmbedder {
  const sample = lowRankSampler(shape.seed, dims, shape.latentDims, shape.noise);
  const vectorOf = (key: string) => Array.from(sample(seededRandom(seedOf(key))));
  const occurrences = new Map<string, number>();
  return {
    model: RANDOM_MODEL_ID,
    dimensions: dims,
    embedDocuments: async (texts) =>
      texts.map((text) => {
        const seen = occurrences.get(text) ?? 0;
        occurrences.set(text, seen + 1);
        return vectorOf(`passage ${seen}: ${text}`);
      }),
    embedQuery: async (text) => vectorOf(`query: ${text}`),
  };
}
