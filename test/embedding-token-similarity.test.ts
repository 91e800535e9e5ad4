/** The token cosines on onnxruntime equal word alignment's own products of the unpacked rows, for many sentences in one call. */
import { describe, expect, it } from 'vitest';
import { similarityMatrix } from '../src/answer/word-alignment.js';
import { openTokenSimilarities } from '../src/embedding/runtime/token-similarity.js';
import { packTokenStates, unpackTokenStates } from '../src/embedding/packed-token-states.js';
import type { TokenStates } from '../src/embedding/token-states.js';
import { seededRandom } from '../src/bench/seeded-random.js';

const DIMENSIONS = 24;

function randomStates(tokens: number, random: () => number): TokenStates {
  const vectors = new Float32Array(tokens * DIMENSIONS);
  for (let t = 0; t < tokens; t++) {
    const row = vectors.subarray(t * DIMENSIONS, (t + 1) * DIMENSIONS);
    row.forEach((_, i) => (row[i] = random() - 0.5));
    const norm = Math.hypot(...row);
    row.forEach((v, i) => (row[i] = v / norm));
  }
  return { spans: Array.from({ length: tokens }, (_, t) => [t * 2, t * 2 + 1] as [number, number]), vectors, dimensions: DIMENSIONS };
}

describe('openTokenSimilarities', () => {
  it('gives each sentence the matrix similarityMatrix gives, including empty sentences and a growing buffer', async () => {
    const similarities = await openTokenSimilarities();
    const random = seededRandom(7);
    try {
      for (const lengths of [[3, 0, 5], [40, 1, 17, 60, 2]]) {
        const question = randomStates(6, random);
        const sentences = lengths.map((n) => packTokenStates(randomStates(n, random)));
        const matrices = await similarities(question, sentences);
        expect(matrices.map((m) => m.length)).toEqual(lengths.map((n) => 6 * n));
        sentences.forEach((sentence, s) => {
          const expected = similarityMatrix(question, unpackTokenStates(sentence));
          expect(Math.max(0, ...matrices[s]!.map((v, i) => Math.abs(v - expected[i]!)))).toBeLessThan(1e-5);
        });
      }
      expect(await similarities(randomStates(0, random), [packTokenStates(randomStates(4, random))])).toEqual([new Float32Array(0)]);
    } finally {
      await similarities.dispose();
    }
  });
});
