/** The sentence similarity's cache: a sentence seen before costs no model call, and eviction never changes a score. */
import { describe, expect, it } from 'vitest';
import { createSentenceSimilarity } from '../src/answer/sentence-similarity.js';

/** Unit vectors from the text's first letter: texts with the same first letter score 1, others 0. */
const vectorOf = (text: string) => {
  const v = new Array<number>(26).fill(0);
  v[(text.toLowerCase().charCodeAt(0) - 97 + 26) % 26] = 1;
  return v;
};

function fakeModel() {
  const passageCalls: string[][] = [];
  return {
    passageCalls,
    embedQuery: async (text: string) => vectorOf(text),
    embedPassages: async (texts: string[]) => {
      passageCalls.push(texts);
      return texts.map(vectorOf);
    },
  };
}

describe('createSentenceSimilarity', () => {
  it('scores each sentence against the question and embeds a sentence only once', async () => {
    const model = fakeModel();
    const score = createSentenceSimilarity({ ...model, maxEntries: 10 });
    expect(await score('Ayan?', ['Ayan won.', 'Rain fell.'])).toEqual([1, 0]);
    expect(await score('Rain?', ['Rain fell.', 'Ayan won.'])).toEqual([1, 0]);
    expect(model.passageCalls).toEqual([['Ayan won.', 'Rain fell.']]);
  });

  it('scores every sentence of a call that holds more than the cache keeps', async () => {
    const score = createSentenceSimilarity({ ...fakeModel(), maxEntries: 1 });
    await score('Ayan?', ['Ayan won.']);
    expect(await score('Ayan?', ['Ayan won.', 'Rain fell.', 'Ayan ran.'])).toEqual([1, 0, 1]);
  });

  it('scores a cached sentence that a concurrent call evicts while this one waits for the model', async () => {
    const model = fakeModel();
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const embedQuery = async (text: string) => {
      if (text === 'Ayan?') await released;
      return vectorOf(text);
    };
    const score = createSentenceSimilarity({ ...model, embedQuery, maxEntries: 2 });
    await score('Rain?', ['Ayan won.']);
    const waiting = score('Ayan?', ['Ayan won.']);
    await score('Rain?', ['Rain fell.', 'Snow fell.', 'Wind blew.']);
    release();
    expect(await waiting).toEqual([1]);
  });
});
