/** Seeded weights for the fixture model: Mulberry32 (integer arithmetic only), so they are identical on every machine. */
export { seededRandom } from '../../src/bench/seeded-random.js';

/** `count` float32 values drawn uniformly from [-scale, scale). */
export function uniformWeights(random: () => number, count: number, scale: number): Float32Array {
  const values = new Float32Array(count);
  for (let i = 0; i < count; i++) values[i] = (random() * 2 - 1) * scale;
  return values;
}
