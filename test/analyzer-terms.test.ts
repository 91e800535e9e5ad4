import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeText, normalizeText } from '../src/index/analyzer.js';
import { lightStemArabic, normalizeArabic } from '../src/index/arabic-normalize.js';
import { stemKazakh } from '../src/index/kazakh-stem.js';

describe('analyzeText', () => {
  it('folds Arabic hamza/madda/wasla alef, alef maqsura, teh marbuta, diacritics and tatweel', () => {
    const canonical = analyzeText('أعلن الرئيس الكازاخستاني عن الأسلحة', 'ar');
    expect(analyzeText('اعلَنَ الرّئيـــس الكازاخستانى عن الاسلحه', 'ar')).toEqual(canonical);
    expect(analyzeText('إعلن الرئيس الكازاخستاني عن آلأسلحة', 'ar')).toEqual(canonical);
    expect(analyzeText('ٱعلن الرئيس الكازاخستاني عن الأسلحة')).toEqual(canonical);
  });

  it('gives Arabic words with and without article and conjunction the same stem', () => {
    const stem = (word: string) => lightStemArabic(normalizeArabic(word));
    expect(stem('الانتخابات')).toBe(stem('انتخابات'));
    expect(stem('والانتخابات')).toBe(stem('الانتخابات'));
    expect(analyzeText('بالانتخابات', 'ar')).toContain(stem('انتخاب'));
  });

  it('keeps the surface form and adds the Italian stem, dropping stopwords and elided articles', () => {
    const terms = analyzeText('Le elezioni dell’esecutivo e l\'opposizione', 'it');
    expect(terms).toEqual(['elezioni', 'elezion', 'esecutivo', 'esecut', 'opposizione', 'opposizion']);
    expect(analyzeText('prigioniero politico', 'it')).toEqual(['prigioniero', 'prigionier', 'politico', 'polit']);
    expect(analyzeText('prigionieri politici', 'it')).toEqual(['prigionieri', 'prigionier', 'politici', 'polit']);
  });

  it('stems English words in English text', () => {
    expect(analyzeText('The citizens installed devices', 'en')).toEqual([
      'citizens', 'citizen', 'installed', 'instal', 'devices', 'devic',
    ]);
  });

  it('reduces Kazakh case, plural and possessive endings to one stem', () => {
    expect(stemKazakh('заңдарды')).toBe('заң');
    expect(stemKazakh('заңның')).toBe('заң');
    for (const form of ['желілерде', 'желілерге', 'желіде', 'желілер']) expect(stemKazakh(form)).toBe(stemKazakh('желілердегі'));
    expect(stemKazakh('құқығын')).toBe(stemKazakh('құқық'));
    expect(analyzeText('Құқық қорғаушылардың', 'kk')).toContain(stemKazakh('қорғаушылар'));
  });

  it('analyses each word by its script when the text mixes languages', () => {
    const terms = analyzeText('Amnesty International есебінде الأسلحة', 'kk');
    expect(terms).toEqual(['amnesty', 'international', 'есебінде', stemKazakh('есебінде'), 'الاسلحه', lightStemArabic('الاسلحه')]);
  });

  it('keeps numbers and drops punctuation', () => {
    expect(analyzeText('Il 10 gennaio 2021, 28 prigionieri!', 'it')).toEqual(
      expect.arrayContaining(['10', '2021', '28']),
    );
    expect(analyzeText('… — !!! ؟ «»')).toEqual([]);
  });

  it('never throws, and returns non-empty terms without spaces, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.constantFrom(undefined, 'ar', 'it', 'kk', 'en', 'other' as const), (text, language) => {
        for (const term of analyzeText(text, language)) {
          expect(term.length).toBeGreaterThan(0);
          expect(term).not.toMatch(/\s/u);
        }
      }),
      { numRuns: 300 },
    );
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => void analyzeText(text)), { numRuns: 300 });
  });
});

describe('normalizeText', () => {
  it('writes Arabic-Indic and Persian digits as ASCII, so a year matches across scripts', () => {
    expect(normalizeText('عام ٢٠٢٢ و ۱۹۹۱')).toBe('عام 2022 و 1991');
    expect(analyzeText('في عام ٢٠٢٢', 'ar')).toContain('2022');
  });

  it('is idempotent on arbitrary Unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const once = normalizeText(text);
        expect(normalizeText(once)).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });

  it('is idempotent on Arabic text with marks', () => {
    const arabic = fc.string({ unit: fc.integer({ min: 0x0600, max: 0x06ff }).map((c) => String.fromCodePoint(c)) });
    fc.assert(
      fc.property(arabic, (text) => {
        const once = normalizeText(text);
        expect(normalizeText(once)).toBe(once);
        expect(normalizeArabic(once)).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });
});
