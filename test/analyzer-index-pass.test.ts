import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeForIndex, analyzeText, phoneticTerms } from '../src/index/analyzer.js';

const LANGUAGES = [undefined, 'ar', 'it', 'kk', 'en', 'other'] as const;

describe('analyzeForIndex', () => {
  it('gives analyzeText and phoneticTerms in one pass', () => {
    expect(analyzeForIndex('Hong Kong', 'it')).toEqual({ terms: ['hong', 'kong'], phonetic: ['~hnk', '~knk'] });
    const text = 'Le elezioni dell’esecutivo: Amnesty International есебінде الأسلحة, 2021.';
    for (const language of LANGUAGES) {
      expect(analyzeForIndex(text, language)).toEqual({ terms: analyzeText(text, language), phonetic: phoneticTerms(text, language) });
    }
  });

  it('agrees with analyzeText and phoneticTerms on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.constantFrom(...LANGUAGES), (text, language) => {
        expect(analyzeForIndex(text, language)).toEqual({ terms: analyzeText(text, language), phonetic: phoneticTerms(text, language) });
      }),
      { numRuns: 300 },
    );
  });
});

describe('repeated analysis', () => {
  it('analyses a word by the language of the text it is in, each time', () => {
    expect(analyzeText('installed elections', 'en')).toEqual(['installed', 'instal', 'elections', 'elec']);
    expect(analyzeText('installed elections', 'it')).not.toEqual(analyzeText('installed elections', 'en'));
    expect(analyzeText('installed elections', 'kk')).toEqual(['installed', 'elections']);
    expect(analyzeText('installed elections', 'en')).toEqual(['installed', 'instal', 'elections', 'elec']);
  });

  it('returns fresh arrays: changing one result does not change the next', () => {
    const first = analyzeForIndex('elezioni elezioni', 'it');
    const expected = structuredClone(first);
    first.terms.push('changed');
    first.phonetic.length = 0;
    analyzeText('elezioni', 'it').push('changed');
    phoneticTerms('elezioni', 'it').pop();
    expect(analyzeForIndex('elezioni elezioni', 'it')).toEqual(expected);
    expect(expected.terms).toEqual(['elezioni', 'elezion', 'elezioni', 'elezion']);
  });

  it('gives the same terms whatever the whitespace between words', () => {
    expect(analyzeText('Le  elezioni\n\tdel\u00a0Majilis', 'it')).toEqual(analyzeText('Le elezioni del Majilis', 'it'));
  });
});
