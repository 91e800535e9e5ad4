import { describe, expect, it } from 'vitest';
import type { Citation } from '../src/answer/types.js';
import { answerAsPlainText } from '../src/widget/client/copy-text.js';
import { stringsFor } from '../src/widget/client/i18n.js';

const citation = (id: number, text: string): Citation => ({ id, file: `f${id}.txt`, paragraph: id + 1, text, start: 0, end: text.length, language: 'it', score: 1, quotes: [] });

describe('answerAsPlainText', () => {
  it('lists the sources the answer cites, in the order it cites them, as plain text', () => {
    const text = answerAsPlainText(
      { answer: 'Dai documenti: Uno. [2] Due. [1]', citations: [citation(1, 'Due.\nAltro.'), citation(2, 'Uno.'), citation(3, 'Tre.')] },
      stringsFor('it'),
    );
    expect(text).toBe(`Dai documenti: Uno. [2] Due. [1]\n\n${stringsFor('it').sources}\n[2] f2.txt, paragrafo 3: "Uno."\n[1] f1.txt, paragrafo 2: "Due. Altro."`);
  });

  it('is the answer alone when there are no citations', () => {
    expect(answerAsPlainText({ answer: 'Nessuna risposta.', citations: [] }, stringsFor('it'))).toBe('Nessuna risposta.');
  });
});
