/** The sentence aligner's caches: a sentence or question seen before costs no model call, a repeated question no alignment either. */
import { describe, expect, it } from 'vitest';
import { createSentenceAligner } from '../src/answer/sentence-aligner.js';
import { similarityMatrix } from '../src/answer/word-alignment.js';
import { unpackTokenStates } from '../src/embedding/packed-token-states.js';
import type { TextKind, TokenSimilarities, TokenStates } from '../src/embedding/token-states.js';

/** Token states from the words themselves: one token per word, a one-hot row per distinct lower-cased word. */
function fakeEncoder() {
  const calls: { texts: string[]; kind: TextKind }[] = [];
  const vocabulary = new Map<string, number>();
  const tokenStates = async (texts: string[], kind: TextKind): Promise<TokenStates[]> => {
    calls.push({ texts, kind });
    return texts.map((text) => {
      const words = [...text.matchAll(/\p{L}+/gu)];
      const vectors = new Float32Array(words.length * 8);
      words.forEach((w, i) => {
        const id = vocabulary.get(w[0].toLowerCase()) ?? vocabulary.set(w[0].toLowerCase(), vocabulary.size).get(w[0].toLowerCase())!;
        vectors[i * 8 + (id % 8)] = 1;
      });
      return { spans: words.map((w) => [w.index!, w.index! + w[0].length] as [number, number]), vectors, dimensions: 8 };
    });
  };
  return { calls, tokenStates };
}

describe('createSentenceAligner', () => {
  it('aligns the question’s words with the sentence’s', async () => {
    const encoder = fakeEncoder();
    const align = createSentenceAligner({ tokenStates: encoder.tokenStates, isContent: () => true, maxStateBytes: 1e6, maxAlignments: 10 });
    const [alignment] = await align('Ayan won', 'en', ['Ayan won the race']);
    expect(alignment!.coverage).toBe(1);
  });

  it('asks the model again for neither a sentence nor a question it has seen, and keeps the alignment', async () => {
    const encoder = fakeEncoder();
    const align = createSentenceAligner({ tokenStates: encoder.tokenStates, isContent: () => true, maxStateBytes: 1e6, maxAlignments: 10 });
    const first = await align('Ayan won', 'en', ['Ayan won the race', 'Rain fell']);
    expect(encoder.calls).toEqual([
      { texts: ['Ayan won'], kind: 'query' },
      { texts: ['Ayan won the race', 'Rain fell'], kind: 'passage' },
    ]);
    const again = await align('Ayan won', 'en', ['Rain fell', 'Ayan won the race']);
    expect(encoder.calls).toHaveLength(2);
    expect(again[1]).toBe(first[0]);
    await align('Who won', 'en', ['Ayan won the race']);
    expect(encoder.calls.slice(2)).toEqual([{ texts: ['Who won'], kind: 'query' }]);
  });

  it('forgets the least recently used states beyond maxStateBytes (an entry of one 8-dimensional token: ~290 bytes)', async () => {
    const encoder = fakeEncoder();
    const align = createSentenceAligner({ tokenStates: encoder.tokenStates, isContent: () => true, maxStateBytes: 600, maxAlignments: 2 });
    await align('a', 'en', ['one']);
    await align('b', 'en', ['two']);
    await align('a', 'en', ['one']);
    expect(encoder.calls.filter((c) => c.kind === 'passage').map((c) => c.texts)).toEqual([['one'], ['two'], ['one']]);
  });

  it('aligns a call whose cached sentences a concurrent call evicts while it waits for the model', async () => {
    const encoder = fakeEncoder();
    let otherCallDone!: () => void;
    const otherCall = new Promise<void>((resolve) => (otherCallDone = resolve));
    // The new question's states arrive only after the other call has filled the cache with its sentences.
    const tokenStates: typeof encoder.tokenStates = async (texts, kind) => {
      if (texts[0] === 'Who won') await otherCall;
      return encoder.tokenStates(texts, kind);
    };
    const align = createSentenceAligner({ tokenStates, isContent: () => true, maxStateBytes: 600, maxAlignments: 2 });
    await align('Ayan won', 'en', ['Ayan won the race']);
    const first = align('Who won', 'en', ['Ayan won the race']);
    await align('Rain', 'en', ['Rain fell', 'Snow fell', 'Wind blew']);
    otherCallDone();
    expect((await first)[0]!.coverage).toBeGreaterThan(0);
  });

  it('aligns a call holding more sentences than the cache keeps', async () => {
    const texts = ['Ayan won', 'Rain fell', 'Ayan ran'];
    const small = createSentenceAligner({ tokenStates: fakeEncoder().tokenStates, isContent: () => true, maxStateBytes: 300, maxAlignments: 1 });
    const large = createSentenceAligner({ tokenStates: fakeEncoder().tokenStates, isContent: () => true, maxStateBytes: 1e6, maxAlignments: 10 });
    expect(await small('Ayan won', 'en', texts)).toEqual(await large('Ayan won', 'en', texts));
  });

  it('asks no model call for a question whose states were remembered, and computes cosines only for sentences not aligned yet', async () => {
    const encoder = fakeEncoder();
    const asked: number[] = [];
    const similarities: TokenSimilarities = async (question, sentences) => {
      asked.push(sentences.length);
      return sentences.map((s) => similarityMatrix(question, unpackTokenStates(s)));
    };
    const align = createSentenceAligner({ tokenStates: encoder.tokenStates, isContent: () => true, maxStateBytes: 1e6, maxAlignments: 10, similarities });
    const [questionStates] = await encoder.tokenStates(['Ayan won'], 'query');
    encoder.calls.length = 0;
    align.rememberQuestion('Ayan won', questionStates!);
    const [first] = await align('Ayan won', 'en', ['Ayan won the race', 'Rain fell']);
    expect(encoder.calls).toEqual([{ texts: ['Ayan won the race', 'Rain fell'], kind: 'passage' }]);
    await align('Ayan won', 'en', ['Ayan won the race', 'Snow fell']);
    expect(asked).toEqual([2, 1]);
    expect(first!.coverage).toBe(1);
  });
});

describe('the aligner’s token-state bytes', () => {
  it('stay within maxStateBytes however many distinct questions come', async () => {
    const align = createSentenceAligner({ tokenStates: fakeEncoder().tokenStates, isContent: () => true, maxStateBytes: 5_000, maxAlignments: 10 });
    for (let i = 0; i < 200; i++) await align(`question number ${i}`, 'en', [`sentence ${i % 7} about rain`, 'Ayan won the race']);
    expect(align.stateBytes()).toBeGreaterThan(2_500);
    expect(align.stateBytes()).toBeLessThanOrEqual(5_000);
  });
});
