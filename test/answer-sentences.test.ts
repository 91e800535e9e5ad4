import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../src/answer/sentences.js';
import { corpusParagraphs } from './helpers/corpus-hits.js';

describe('splitSentences', () => {
  it('splits Italian and Arabic paragraphs into trimmed sentences', () => {
    expect(splitSentences('Il voto è il 10 gennaio.  Chi vincerà? Nessuno lo sa.').map((s) => s.text)).toEqual([
      'Il voto è il 10 gennaio.',
      'Chi vincerà?',
      'Nessuno lo sa.',
    ]);
    const arabic = corpusParagraphs('000_68c45a22bf89f6e7.txt')[2];
    expect(splitSentences(arabic).map((s) => s.text)[1]).toMatch(/^مرصد لا-حرية هو مبادرة بحثية.*الرقمي\.$/u);
  });

  it('does not end a sentence at an initial or a one-letter abbreviation', () => {
    expect(splitSentences("Lo nominò amministratore James E. Webb. Webb accettò.").map((s) => s.text)).toEqual([
      'Lo nominò amministratore James E. Webb.',
      'Webb accettò.',
    ]);
    expect(splitSentences('Президент Н. Ә. Назарбаев келді. Ол сөйледі.').map((s) => s.text)).toEqual(['Президент Н. Ә. Назарбаев келді.', 'Ол сөйледі.']);
    expect(splitSentences('على طول ط. و. 99 ازدحام. جملة أخرى.').map((s) => s.text)).toEqual(['على طول ط. و. 99 ازدحام.', 'جملة أخرى.']);
    expect(splitSentences('It rained in Almaty. The USA voted.').map((s) => s.text)).toEqual(['It rained in Almaty.', 'The USA voted.']);
  });

  it('cuts sentences at footnote marks and leaves the marks out', () => {
    expect(splitSentences('Before the mark [1] after it. End [2].').map((s) => s.text)).toEqual([
      'Before the mark',
      'after it.',
      'End',
    ]);
  });

  it('gives offsets that slice each sentence out of the text, in order, never quoting a mark', () => {
    const pieces = fc.oneof(fc.string(), fc.constantFrom('. ', '? ', ' [3] ', '؟ ', '\n', 'Sì. ', 'ما هذا؟ '));
    fc.assert(
      fc.property(fc.array(pieces), (parts) => {
        const text = parts.join('');
        let previousEnd = 0;
        for (const sentence of splitSentences(text)) {
          expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
          expect(sentence.text).toBe(sentence.text.trim());
          expect(sentence.text).not.toMatch(/\[\s*\d+\s*\]/);
          expect(sentence.start).toBeGreaterThanOrEqual(previousEnd);
          previousEnd = sentence.end;
        }
      }),
    );
  });
});

describe('splitSentences on a passage seen before', () => {
  it('gives the same sentences again, also once many other passages came in between', () => {
    const text = 'Il voto è il 10 gennaio. Chi vincerà? Nessuno lo sa.';
    const texts = ['Il voto è il 10 gennaio.', 'Chi vincerà?', 'Nessuno lo sa.'];
    expect(splitSentences(text).map((s) => s.text)).toEqual(texts);
    expect(splitSentences(text).map((s) => s.text)).toEqual(texts);
    // More passages than are remembered (500,000 characters), so the first is split again.
    for (let i = 0; i < 130; i += 1) splitSentences(`Passaggio ${i}. ${'Altro. '.repeat(570)}`);
    expect(splitSentences(text)).toEqual([
      { text: texts[0], start: 0, end: 24 },
      { text: texts[1], start: 25, end: 37 },
      { text: texts[2], start: 38, end: 52 },
    ]);
  });

  it('splits a passage too long to be remembered as fully as a short one', () => {
    const sentences = Array.from({ length: 400 }, (_, i) => `Frase numero ${i}.`);
    const long = sentences.join(' ');
    expect(long.length).toBeGreaterThan(4_096);
    expect(splitSentences(long).map((s) => s.text)).toEqual(sentences);
    expect(splitSentences(long).map((s) => s.text)).toEqual(sentences);
  });
});
