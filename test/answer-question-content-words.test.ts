/** The question words word alignment counts: what an answer could hold, not the interrogatives that ask for it. */
import { describe, expect, it } from 'vitest';
import { isQuestionContentWord } from '../src/answer/question-content-words.js';

describe('isQuestionContentWord', () => {
  it('leaves out the interrogatives the analyzer keeps, in the four languages', () => {
    expect(isQuestionContentWord('many', 'en')).toBe(false);
    expect(isQuestionContentWord('كم', 'ar')).toBe(false);
    expect(isQuestionContentWord('بماذا', 'ar')).toBe(false);
    expect(isQuestionContentWord('Qual', 'it')).toBe(false);
    expect(isQuestionContentWord('қанша', 'kk')).toBe(false);
    expect(isQuestionContentWord('нешінші', 'kk')).toBe(false);
  });

  it('keeps the words an answer says, and drops what the analyzer drops', () => {
    expect(isQuestionContentWord('prisoners', 'en')).toBe(true);
    expect(isQuestionContentWord('السجناء', 'ar')).toBe(true);
    expect(isQuestionContentWord('elezioni', 'it')).toBe(true);
    expect(isQuestionContentWord('жыл', 'kk')).toBe(true);
    expect(isQuestionContentWord('what', 'en')).toBe(false);
  });
});
