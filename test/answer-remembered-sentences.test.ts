/** What the extractive answerer remembers of candidate sentences across questions changes no answer. */
import { describe, expect, it } from 'vitest';
import { composeExtractiveAnswer, createExtractiveAnswerer, defaultExtractiveOptions } from '../src/answer/extractive.js';
import type { AnswerInput } from '../src/answer/types.js';
import { hitsFromCorpus } from './helpers/corpus-hits.js';

const ITALIAN_FILE = '002_23fe508d9d363cf9.txt';
const ARABIC_FILE = '000_68c45a22bf89f6e7.txt';

describe('an answerer asked about the same passages again', () => {
  // The same passages under several languages: what is remembered of a sentence in one must not answer for another.
  const inputs: AnswerInput[] = [
    { question: 'Quando si svolgeranno le elezioni per il Majilis?', language: 'it', hits: hitsFromCorpus(ITALIAN_FILE, 'it', [2, 1, 3]) },
    // Only the Italian stemmer matches "svolge" with "svolgeranno": as Kazakh, the passage is read by surface forms.
    { question: "Quando si svolge l'elezione del Majilis?", language: 'it', hits: hitsFromCorpus(ITALIAN_FILE, 'it', [2, 1, 3]) },
    { question: "Quando si svolge l'elezione del Majilis?", language: 'it', hits: hitsFromCorpus(ITALIAN_FILE, 'kk', [2, 1, 3]) },
    { question: 'When will the elections to the Majilis be held?', language: 'en', hits: hitsFromCorpus(ITALIAN_FILE, 'en', [1, 2, 3]) },
    { question: 'ما هي مبادرة مرصد لا-حرية؟', language: 'ar', hits: hitsFromCorpus(ARABIC_FILE, 'ar', [4, 3, 1]) },
    { question: 'Why did Tokayev call early elections?', language: 'en', hits: hitsFromCorpus(ARABIC_FILE, 'ar', [7, 1]) },
  ];

  it('answers each question as a first composition of it does, in any order and any number of times', async () => {
    const answerer = createExtractiveAnswerer();
    const fresh = inputs.map((input) => composeExtractiveAnswer(input, defaultExtractiveOptions).result);
    for (const order of [[0, 1, 2, 3, 4, 5], [5, 2, 1, 0, 4, 3, 2, 1]]) {
      for (const i of order) expect(await answerer.answer(inputs[i]!)).toEqual(fresh[i]);
    }
  });

  it('finds a name the question writes in Latin letters in a passage that writes it in Arabic, each time', () => {
    const [named, unnamed] = [hitsFromCorpus(ARABIC_FILE, 'ar', [7]), hitsFromCorpus(ARABIC_FILE, 'ar', [1])];
    const sharesName = (hits: AnswerInput['hits']) => composeExtractiveAnswer({ question: 'Why did Tokayev call early elections?', language: 'en', hits }, defaultExtractiveOptions).signals.sharesName;
    expect([sharesName(named), sharesName(unnamed), sharesName(named), sharesName(unnamed)]).toEqual([true, false, true, false]);
  });
});
