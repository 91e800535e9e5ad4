import { describe, expect, it } from 'vitest';
import { presentAnswer } from '../src/answer/present-answer.js';
import type { AnswerResult, Citation } from '../src/answer/types.js';

const AR_SENTENCE = 'احتلت كازاخستان المرتبة 158 من بين 180 دولة في مؤشر حرية الصحافة.';
const AR_TEXT = `تقرير جديد. ${AR_SENTENCE}`;
const IT_SENTENCE = 'Il Kazakistan è al 158º posto su 180 paesi.';

function citation(id: number, overrides: Partial<Citation> = {}): Citation {
  const text = overrides.text ?? `Passage ${id}.`;
  return { id, file: `f${id}.txt`, title: `Title ${id}`, paragraph: id + 3, text, start: 0, end: text.length, language: 'en', dir: 'ltr', score: 1, quotes: [], ...overrides };
}

const arabic = citation(2, { file: 'press.txt', title: 'Press freedom', paragraph: 4, text: AR_TEXT, language: 'ar', dir: 'rtl', quotes: [{ start: 12, end: AR_TEXT.length }] });

function result(overrides: Partial<AnswerResult>): AnswerResult {
  return { answer: '', citations: [], grounded: true, support: 'answered', warnings: [], ...overrides };
}

describe('presentAnswer', () => {
  it('leads an English question answered from an Arabic paragraph with what was found and where, then the quote on its own line', () => {
    const presented = presentAnswer(result({ answer: `From the documents: ${AR_SENTENCE} [2]`, citations: [citation(1), arabic] }), 'en');
    expect(presented.lead).toBe('Found in paragraph 4 of “Press freedom” (Arabic):');
    expect(presented.answer).toBe(`Found in paragraph 4 of “Press freedom” (Arabic):\n${AR_SENTENCE} [1]`);
    expect(presented.citations.map((c) => [c.id, c.file, c.dir])).toEqual([[1, 'press.txt', 'rtl'], [2, 'f1.txt', 'ltr']]);
    expect(presented.gloss).toEqual([]);
  });

  it('numbers citations in the order the answer first cites them, and the gloss with them', () => {
    const italian = citation(3, { text: IT_SENTENCE, language: 'it', quotes: [{ start: 0, end: IT_SENTENCE.length }] });
    const presented = presentAnswer(
      result({
        answer: `Dai documenti: ${IT_SENTENCE} [3] ${AR_SENTENCE} [2]`,
        citations: [citation(1), arabic, italian],
        gloss: [{ question: 'classifica', source: 'المرتبة 158', citation: 2 }],
      }),
      'it',
    );
    expect(presented.answer).toBe(`Trovato nel paragrafo 6 di «Title 3» e nel paragrafo 4 di «Press freedom» (in arabo):\n${IT_SENTENCE} [1]\n${AR_SENTENCE} [2]`);
    expect(presented.citations.map((c) => c.file)).toEqual(['f3.txt', 'press.txt', 'f1.txt']);
    expect(presented.citations.map((c) => c.id)).toEqual([1, 2, 3]);
    expect(presented.gloss).toEqual([{ question: 'classifica', source: 'المرتبة 158', citation: 2 }]);
  });

  it('says "possibly relevant" in Arabic, Italian and Kazakh, naming the passage language only when it is not the asker’s', () => {
    const italian = citation(1, { title: 'Stampa', paragraph: 2, text: IT_SENTENCE, language: 'it', quotes: [{ start: 0, end: IT_SENTENCE.length }] });
    const possible = result({ answer: `Forse pertinente: ${IT_SENTENCE} [1]`, citations: [italian], grounded: false, support: 'possible' });
    // A title in the other direction than the lead is wrapped in Unicode isolates (FSI … PDI).
    expect(presentAnswer(possible, 'ar').lead).toBe('قد يكون ذا صلة: الفقرة 2 من «\u2068Stampa\u2069» (بالإيطالية):');
    expect(presentAnswer(possible, 'kk').lead).toBe('Қатысы болуы мүмкін: «Stampa» құжатының 2-абзацы (итальян тілінде):');
    expect(presentAnswer(possible, 'it').lead).toBe('Forse c’è una risposta nel paragrafo 2 di «Stampa»:');
    expect(presentAnswer(possible, 'en').answer.split('\n')).toEqual(['Possibly relevant: paragraph 2 of “Stampa” (Italian):', `${IT_SENTENCE} [1]`]);
  });

  it('"not found" leads with that, then says the nearest passages follow', () => {
    const none = result({ answer: 'No passage in the documents answers this. The closest passages are listed below.', citations: [citation(1)], grounded: false, support: 'none' });
    const presented = presentAnswer(none, 'kk');
    expect(presented.lead).toBe('Құжаттарда бұл сұраққа жауап беретін үзінді жоқ.');
    expect(presented.answer).toBe('Құжаттарда бұл сұраққа жауап беретін үзінді жоқ.\nЕң жақын үзінділер төменде берілген.');
    expect(presentAnswer({ ...none, citations: [] }, 'en').answer).toBe('No passage in the documents answers this.');
  });

  it('keeps a language model’s text (not verbatim quotes) under the lead, renumbered', () => {
    const presented = presentAnswer(result({ answer: 'Kazakhstan ranks 158th of 180 [2], per the report [2].', citations: [citation(1), arabic] }), 'en');
    expect(presented.answer).toBe('Found in paragraph 4 of “Press freedom” (Arabic):\nKazakhstan ranks 158th of 180 [1], per the report [1].');
  });

  it('is idempotent, and sums up more than three documents', () => {
    const many = [1, 2, 3, 4].map((id) => citation(id, { text: `Sentence ${id}.`, quotes: [{ start: 0, end: `Sentence ${id}.`.length }] }));
    const once = presentAnswer(result({ answer: 'From the documents: Sentence 4. [4] Sentence 1. [1] Sentence 2. [2] Sentence 3. [3]', citations: many }), 'en');
    expect(once.lead).toBe('Found in 4 passages:');
    expect(once.answer.split('\n').slice(1)).toEqual(['Sentence 4. [1]', 'Sentence 1. [2]', 'Sentence 2. [3]', 'Sentence 3. [4]']);
    const twice = presentAnswer(once, 'en');
    expect(twice.answer).toBe(presentAnswer({ ...once, citations: once.citations }, 'en').answer);
    expect(twice.answer.split('\n').slice(1)).toEqual(['Sentence 4. [1]', 'Sentence 1. [2]', 'Sentence 2. [3]', 'Sentence 3. [4]']);
  });
});
