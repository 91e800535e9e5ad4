/** Answer text in the widget: [n] markers become chips, and names in the other script direction stay intact. */
import { describe, expect, it } from 'vitest';
import { citedIds, directionOf, directionRuns, guessDirection, splitAnswer } from '../src/widget/client/answer-text.js';

describe('splitAnswer', () => {
  it('turns known [n] markers into citations and keeps the text around them', () => {
    expect(splitAnswer('Dai documenti: almeno 28 prigionieri. [1] Altro. [2]', new Set([1, 2]))).toEqual([
      { kind: 'text', text: 'Dai documenti: almeno 28 prigionieri. ' },
      { kind: 'citation', id: 1 },
      { kind: 'text', text: ' Altro. ' },
      { kind: 'citation', id: 2 },
    ]);
  });

  it('splits grouped markers and leaves unknown ids and other brackets as text', () => {
    expect(splitAnswer('a [1, 3] b [9] c [x]', new Set([1, 3]))).toEqual([
      { kind: 'text', text: 'a ' },
      { kind: 'citation', id: 1 },
      { kind: 'citation', id: 3 },
      { kind: 'text', text: ' b [9] c [x]' },
    ]);
  });

  it('keeps markup as plain text', () => {
    expect(splitAnswer('<img src=x onerror=alert(1)> [1]', new Set([1]))[0]).toEqual({ kind: 'text', text: '<img src=x onerror=alert(1)> ' });
  });
});

describe('citedIds', () => {
  it('lists ids in order of first mention', () => {
    expect(citedIds('x [2] y [1][2] z [3, 1]')).toEqual([2, 1, 3]);
  });
});

describe('directionRuns', () => {
  it('isolates a Latin name with its bracketed abbreviation inside Arabic', () => {
    const runs = directionRuns('قالت منظمة Amnesty International (AI) إن السلطات', 'rtl');
    expect(runs).toEqual([
      { text: 'قالت منظمة ', isolated: false },
      { text: 'Amnesty International (AI)', isolated: true },
      { text: ' إن السلطات', isolated: false },
    ]);
  });

  it('leaves Arabic text with Arabic digits and years alone', () => {
    expect(directionRuns('حوادث عام 2022 في آسيا', 'rtl')).toEqual([{ text: 'حوادث عام 2022 في آسيا', isolated: false }]);
  });

  it('isolates an Arabic stretch inside Italian text, without trailing punctuation', () => {
    expect(directionRuns('Il titolo è «تقرير مرصد لا- حرية». Fine', 'ltr')).toEqual([
      { text: 'Il titolo è «', isolated: false },
      { text: 'تقرير مرصد لا- حرية', isolated: true },
      { text: '». Fine', isolated: false },
    ]);
  });

  it('always concatenates back to the original text', () => {
    for (const text of ['', 'abc', 'كازاخستان Nur Otan 2021 (AI) و', 'Құжаттардан: әғқңөұүһі', '«مرحبا» ciao']) {
      for (const base of ['ltr', 'rtl'] as const) expect(directionRuns(text, base).map((r) => r.text).join('')).toBe(text);
    }
  });
});

describe('directions', () => {
  it('maps languages to directions and guesses from the first strong letter', () => {
    expect([directionOf('ar'), directionOf('it'), directionOf('kk'), directionOf('en'), directionOf('other')]).toEqual(['rtl', 'ltr', 'ltr', 'ltr', 'auto']);
    expect(guessDirection('2022 كازاخستان')).toBe('rtl');
    expect(guessDirection('«Қазақстан»')).toBe('ltr');
  });
});
