import { describe, expect, it } from 'vitest';
import type { Citation } from '../src/answer/types.js';
import { answerAsPlainText } from '../src/widget/client/copy-text.js';
import { stringsFor } from '../src/widget/client/i18n.js';

const citation = (id: number, text: string, title = `f${id}.txt`): Citation => ({ id, file: `f${id}.txt`, title, paragraph: id + 1, text, start: 0, end: text.length, language: 'it', dir: 'ltr', score: 1, quotes: [] });

describe('answerAsPlainText', () => {
  it('lists the sources the answer cites, in the order it cites them, as plain text', () => {
    const text = answerAsPlainText(
      { answer: 'Dai documenti: Uno. [2] Due. [1]', citations: [citation(1, 'Due.\nAltro.'), citation(2, 'Uno.'), citation(3, 'Tre.')] },
      stringsFor('it'),
    );
    expect(text).toBe(`Dai documenti: Uno. [2] Due. [1]\n\n${stringsFor('it').sources}\n[2] f2.txt, paragrafo 3: "Uno."\n[1] f1.txt, paragrafo 2: "Due. Altro."`);
  });

  it('names each source by its title, with the file and paragraph in brackets', () => {
    const text = answerAsPlainText({ answer: 'من الوثائق: نص. [1]', citations: [citation(1, 'نص.', 'تقرير مرصد لا- حرية: كازاخستان')] }, stringsFor('ar'));
    expect(text.split('\n').at(-1)).toBe(`[1] تقرير مرصد لا- حرية: كازاخستان (f1.txt, ${stringsFor('ar').paragraph(2)}): "نص."`);
  });

  it('is the answer alone when there are no citations', () => {
    expect(answerAsPlainText({ answer: 'Nessuna risposta.', citations: [] }, stringsFor('it'))).toBe('Nessuna risposta.');
  });
});
