import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { HnswIndex, HnswIndexError, exactSearch } from '../src/index/hnsw-index.js';
import { tempDir } from './helpers/temp-dir.js';

/** Deterministic standard-normal vectors (mulberry32 + Box–Muller). */
function randomVectors(count: number, dims: number, seed: number): Float32Array[] {
  let state = seed;
  const uniform = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  return Array.from({ length: count }, () => Float32Array.from({ length: dims }, normal));
}

const DIMS = 384;
const { m, efConstruction } = loadConfig({}).hnsw;
// Isotropic random vectors are the hard case for HNSW: with M=16 they need efSearch≈400 for
// recall@10 ≥ 0.98 (efSearch=100 gives ≈0.83); real embeddings cluster and are much easier.
const PARAMS = { m, efConstruction, efSearch: 400 };
const vectors = randomVectors(3000, DIMS, 1);
const index = HnswIndex.build(vectors, DIMS, PARAMS);
const scratch = await tempDir('hnsw-test-');

describe('HnswIndex', () => {
  it('finds a stored vector itself, with cosine similarity 1', () => {
    for (const i of [0, 1234, 2999]) {
      const [best] = index.search(vectors[i], 1);
      expect(best.index).toBe(i);
      expect(best.score).toBeCloseTo(1, 5);
    }
  });

  it('reaches recall@10 ≥ 0.98 against exact search', () => {
    const queries = randomVectors(100, DIMS, 2);
    let found = 0;
    for (const query of queries) {
      const approximate = new Set(index.search(query, 10).map((hit) => hit.index));
      found += exactSearch(vectors, query, 10).filter((hit) => approximate.has(hit.index)).length;
    }
    expect(found / (queries.length * 10)).toBeGreaterThanOrEqual(0.98);
  });

  it('scores like exact cosine search, best first', () => {
    const query = randomVectors(1, DIMS, 3)[0];
    const hits = index.search(query, 5);
    const exact = exactSearch(vectors, query, 5);
    expect(hits.map((h) => h.index)).toEqual(exact.map((h) => h.index));
    hits.forEach((hit, i) => expect(hit.score).toBeCloseTo(exact[i].score, 4));
  });

  it('returns every vector when k exceeds the count, and nothing for k ≤ 0 or an empty index', () => {
    const small = HnswIndex.build([[1, 0, 0], [0, 1, 0], [0, 0, 1]], 3, PARAMS);
    expect(small.search([1, 0.2, 0], 10).map((h) => h.index)).toEqual([0, 1, 2]);
    expect(small.search([1, 0, 0], 0)).toEqual([]);
    expect(HnswIndex.build([], 3, PARAMS).search([1, 0, 0], 5)).toEqual([]);
  });

  it('rejects vectors of the wrong length with a clear error', () => {
    expect(() => HnswIndex.build([[1, 0]], 3, PARAMS)).toThrow(HnswIndexError);
    expect(() => index.search([1, 2, 3], 1)).toThrow(/dimensions/);
  });

  it('gives identical results after save and load', () => {
    const file = path.join(scratch, 'vectors.hnsw');
    index.save(file);
    const loaded = HnswIndex.load(file, DIMS, vectors.length, PARAMS.efSearch);
    for (const query of randomVectors(5, DIMS, 4)) expect(loaded.search(query, 10)).toEqual(index.search(query, 10));
  });

  it('refuses a saved file that does not match the manifest', () => {
    const file = path.join(scratch, 'small.hnsw');
    HnswIndex.build([[1, 0, 0], [0, 1, 0]], 3, PARAMS).save(file);
    expect(() => HnswIndex.load(file, 3, 5, 10)).toThrow(/2 vectors.*5 chunks/);
    expect(() => HnswIndex.load(path.join(scratch, 'missing.hnsw'), 3, 2, 10)).toThrow(HnswIndexError);
  });
});

describe('exactSearch', () => {
  it('ranks by cosine similarity, ties by position, and caps at the number of vectors', () => {
    expect(exactSearch([[0, 2], [1, 1], [3, 0], [0, 0]], [1, 0], 10)).toEqual([
      { index: 2, score: 1 },
      { index: 1, score: expect.closeTo(Math.SQRT1_2, 10) },
      { index: 0, score: 0 },
      { index: 3, score: 0 },
    ]);
  });
});
