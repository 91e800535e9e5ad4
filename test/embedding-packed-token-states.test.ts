/** Token states packed for caches: a quarter of float32's bytes, each value within half a step of its row's scale. */
import { describe, expect, it } from 'vitest';
import { similarityMatrix } from '../src/answer/word-alignment.js';
import { packTokenStates, packedBytes, unpackTokenStates } from '../src/embedding/packed-token-states.js';
import type { TokenStates } from '../src/embedding/token-states.js';
import { seededRandom } from '../src/bench/seeded-random.js';

const D = 384;

function unitRows(tokens: number, random: () => number): TokenStates {
  const vectors = new Float32Array(tokens * D);
  for (let t = 0; t < tokens; t++) {
    const row = vectors.subarray(t * D, (t + 1) * D);
    row.forEach((_, i) => (row[i] = random() - 0.5));
    const norm = Math.hypot(...row);
    row.forEach((v, i) => (row[i] = v / norm));
  }
  return { spans: Array.from({ length: tokens }, (_, t) => [t, t + 1] as [number, number]), vectors, dimensions: D };
}

describe('packTokenStates', () => {
  it('keeps every value within half a step (its row’s largest magnitude / 254) and the spans as they are', () => {
    const states = unitRows(30, seededRandom(3));
    const packed = packTokenStates(states);
    const back = unpackTokenStates(packed);
    expect(back.spans).toBe(states.spans);
    for (let t = 0; t < 30; t++) {
      const row = states.vectors.subarray(t * D, (t + 1) * D);
      const step = Math.max(...row.map(Math.abs)) / 127;
      row.forEach((v, k) => expect(Math.abs(back.vectors[t * D + k]! - v)).toBeLessThanOrEqual(step / 2 + 1e-7));
    }
  });

  it('moves token cosines by less than 0.005 and takes under a third of float32’s bytes', () => {
    const random = seededRandom(11);
    const [a, b] = [unitRows(12, random), unitRows(40, random)];
    const exact = similarityMatrix(a, b);
    const packed = similarityMatrix(a, unpackTokenStates(packTokenStates(b)));
    expect(Math.max(...exact.map((v, i) => Math.abs(v - packed[i]!)))).toBeLessThan(0.005);
    expect(packedBytes(packTokenStates(b), 40)).toBeLessThan(b.vectors.byteLength / 3);
  });

  it('packs a row of zeros and a text without tokens', () => {
    const zeros: TokenStates = { spans: [[0, 1]], vectors: new Float32Array(D), dimensions: D };
    expect(unpackTokenStates(packTokenStates(zeros)).vectors.every((v) => v === 0)).toBe(true);
    const empty: TokenStates = { spans: [], vectors: new Float32Array(0), dimensions: D };
    expect(unpackTokenStates(packTokenStates(empty)).vectors).toHaveLength(0);
  });
});
