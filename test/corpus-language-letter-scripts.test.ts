import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { letterScripts, wordsInScript } from '../src/corpus/letter-scripts.js';

/** The definitions the table-driven functions must agree with. */
function lettersByRegExp(text: string) {
  const counts = { arabic: 0, cyrillic: 0, latin: 0, other: 0 };
  for (const letter of text.match(/\p{L}/gu) ?? []) {
    if (/\p{Script=Arabic}/u.test(letter)) counts.arabic += 1;
    else if (/\p{Script=Cyrillic}/u.test(letter)) counts.cyrillic += 1;
    else if (/\p{Script=Latin}/u.test(letter)) counts.latin += 1;
    else counts.other += 1;
  }
  return counts;
}
const wordsByRegExp = (text: string, script: RegExp) => (text.match(/[\p{L}\p{M}'’-]+/gu) ?? []).filter((word) => script.test(word)).join(' ');

const SCRIPTS = [['arabic', /\p{Script=Arabic}/u], ['cyrillic', /\p{Script=Cyrillic}/u], ['latin', /\p{Script=Latin}/u]] as const;

describe('letterScripts and wordsInScript', () => {
  it('count letters and pick words by script', () => {
    expect(letterScripts('Ciao, мир! سلام 東京')).toEqual({ arabic: 4, cyrillic: 3, latin: 4, other: 2 });
    expect(wordsInScript('Il Majilis, мәжіліс l’opposizione e-mail', 'latin')).toBe('Il Majilis l’opposizione e-mail');
    expect(wordsInScript('Amnesty International есебі', 'cyrillic')).toBe('есебі');
    expect(wordsInScript('2020 !?', 'arabic')).toBe('');
  });

  it('agree with the per-character regular expressions on arbitrary text', () => {
    const chars = [...'abcAZé ,.-\'’"«»0١абвқӘ ابةأ\u064e\u0656\u06d6\u0610\u0483\u0301\u0670 中あ😀𝐀\u{1DF00}\u{10780}\u{1EE00}\u{1E030}\ud800'];
    const mixed = fc.array(fc.constantFrom(...chars), { maxLength: 40 }).map((list) => list.join(''));
    for (const text of [mixed, fc.string({ unit: 'binary', maxLength: 40 })]) {
      fc.assert(
        fc.property(text, (t) => {
          expect(letterScripts(t)).toEqual(lettersByRegExp(t));
          for (const [script, pattern] of SCRIPTS) expect(wordsInScript(t, script)).toBe(wordsByRegExp(t, pattern));
        }),
        { numRuns: 200 },
      );
    }
  });
});
