/** Middle-layer token states from the fixture model: specials and prefix dropped, spans in the text, unit rows. */
import { describe, expect, it } from 'vitest';
import { TransformersEmbeddings } from '../src/embedding/transformers-embeddings.js';
import { tokenStatesFromRow } from '../src/embedding/token-states-from-output.js';
import { FIXTURE_MODEL_DIR } from './helpers/temp-project.js';

describe('tokenStatesFromRow', () => {
  it('drops special and prefix tokens, shifts spans into the text and normalises rows', () => {
    const pieces = ['<s>', '▁que', 'ry', ':', '▁Who', '▁won', '?', '</s>'];
    const hidden = pieces.flatMap((_, i) => [i + 1, 0, 3]);
    const states = tokenStatesFromRow('Who won?', 'query: ', { pieces, special: pieces.map((p) => p.startsWith('<')), hidden, dimensions: 3 });
    expect(states.spans).toEqual([[0, 3], [4, 7], [7, 8]]);
    const first = Array.from(states.vectors.slice(0, 3));
    expect(first[0]! ** 2 + first[2]! ** 2).toBeCloseTo(1, 5);
    expect(first[0]! / first[2]!).toBeCloseTo(5 / 3, 5); // row of "▁Who", the fifth piece
  });
});

describe('TransformersEmbeddings.tokenStates on the fixture model', () => {
  it('gives one unit row per token of the text, whatever the batch', async () => {
    const embedder = await new TransformersEmbeddings({ model: FIXTURE_MODEL_DIR, offline: true, batchSize: 2 }).load();
    try {
      expect(embedder.hasTokenStates).toBe(true);
      const texts = ['Astana is the capital.', 'Алматы', 'Roma è la capitale d’Italia, dal 1871.'];
      const states = await embedder.tokenStates(texts, 'passage');
      expect(states).toHaveLength(3);
      states.forEach((s, i) => {
        expect(s.spans.length).toBeGreaterThan(0);
        expect(s.vectors.length).toBe(s.spans.length * s.dimensions);
        for (const [start, end] of s.spans) expect(0 <= start && start <= end && end <= texts[i]!.length).toBe(true);
        const row = s.vectors.slice(0, s.dimensions);
        expect(row.reduce((sum, v) => sum + v * v, 0)).toBeCloseTo(1, 4);
      });
      const alone = await embedder.tokenStates([texts[2]!], 'passage');
      expect(alone[0]!.spans).toEqual(states[2]!.spans);
      expect(Array.from(alone[0]!.vectors.slice(0, 8))).toEqual(Array.from(states[2]!.vectors.slice(0, 8)).map((v) => expect.closeTo(v, 4)));
    } finally {
      await embedder.dispose();
    }
  });
});
