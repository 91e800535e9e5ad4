import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCitations, checkCitation } from '../src/answer/citations.js';
import type { Citation } from '../src/answer/types.js';
import { corpusParagraphs, hitsFromCorpus } from './helpers/corpus-hits.js';

const FILE = '002_23fe508d9d363cf9.txt';

function citationOf(paragraph: string, start: number, end: number, text = paragraph.slice(start, end)): Citation {
  return { id: 1, file: 'a.txt', title: 'A', paragraph: 1, text, start, end, language: 'en', dir: 'ltr', score: 1, quotes: [] };
}

describe('buildCitations', () => {
  it('numbers citations by hit position and copies the chunk, its document title and score', () => {
    const hits = hitsFromCorpus(FILE, 'it', [5, 2], { title: 'Elezioni in Kazakistan' });
    expect(buildCitations(hits)).toEqual([
      { id: 1, file: FILE, title: 'Elezioni in Kazakistan', paragraph: 5, text: hits[0].chunk.text, start: 0, end: hits[0].chunk.end, language: 'it', dir: 'ltr', score: 1, quotes: [] },
      { id: 2, file: FILE, title: 'Elezioni in Kazakistan', paragraph: 2, text: hits[1].chunk.text, start: 0, end: hits[1].chunk.end, language: 'it', dir: 'ltr', score: 0.5, quotes: [] },
    ]);
  });

  it('titles a citation with its file name when the hit carries no title', () => {
    expect(buildCitations(hitsFromCorpus(FILE, 'it', [1])).map((c) => c.title)).toEqual([FILE]);
  });
});

describe('checkCitation', () => {
  const paragraph = corpusParagraphs(FILE)[0];

  it('accepts a verbatim window of a real paragraph', () => {
    const start = paragraph.indexOf('le elezioni');
    expect(checkCitation(citationOf(paragraph, start, start + 30), paragraph)).toBe(true);
  });

  it('rejects altered text, shifted offsets and offsets outside the paragraph', () => {
    expect(checkCitation(citationOf(paragraph, 0, 10, 'Il 11 genn'), paragraph)).toBe(false);
    expect(checkCitation(citationOf(paragraph, 1, 11, paragraph.slice(0, 10)), paragraph)).toBe(false);
    expect(checkCitation(citationOf(paragraph, -1, 3, ''), paragraph)).toBe(false);
    expect(checkCitation(citationOf(paragraph, 5, 2, ''), paragraph)).toBe(false);
    expect(checkCitation(citationOf('abc', 1, 4, 'bc'), 'abc')).toBe(false);
  });

  it('holds exactly for slices of any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.nat(), fc.nat(), fc.string(), (text, a, b, other) => {
        const start = Math.min(a, b) % (text.length + 1);
        const end = Math.min(Math.max(a, b), text.length);
        if (end < start) return;
        expect(checkCitation(citationOf(text, start, end), text)).toBe(true);
        const slice = text.slice(start, end);
        expect(checkCitation(citationOf(text, start, end, other), text)).toBe(other === slice);
      }),
    );
  });
});
