import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { highlightParam, highlightSegments, parseHighlightParam } from '../src/widget/client/highlight.js';
import { pickPageLanguage } from '../src/widget/pages/page-strings.js';

describe('highlightSegments', () => {
  it('marks the spans, merging overlaps and clamping to the text', () => {
    expect(highlightSegments('One. Two. Three.', [{ start: 10, end: 99 }, { start: 5, end: 9 }, { start: 7, end: 10 }])).toEqual([
      { text: 'One. ', marked: false },
      { text: 'Two. Three.', marked: true },
    ]);
    expect(highlightSegments('abc', [])).toEqual([{ text: 'abc', marked: false }]);
  });

  it('always rebuilds the text exactly, whatever the spans', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.record({ start: fc.integer({ min: -5, max: 60 }), end: fc.integer({ min: -5, max: 60 }) })), (text, spans) => {
        const segments = highlightSegments(text, spans);
        expect(segments.map((s) => s.text).join('')).toBe(text);
        expect(segments.every((s) => s.text.length > 0)).toBe(true);
        expect(segments.every((s, i) => i === 0 || s.marked !== segments[i - 1].marked)).toBe(true);
      }),
    );
  });
});

describe('highlight parameter', () => {
  it('round-trips, and refuses anything malformed', () => {
    const spans = [{ start: 0, end: 12 }, { start: 40, end: 90 }];
    expect(parseHighlightParam(highlightParam(3, spans))).toEqual({ paragraph: 3, spans });
    for (const bad of [undefined, '', '3', '3:', '3:1', 'a:1-2', '3:1-2,', '3:1-2;x']) expect(parseHighlightParam(bad)).toBeUndefined();
  });
});

describe('pickPageLanguage', () => {
  it('takes ?lang=, else the best Accept-Language we speak, else the document’s language, else English', () => {
    expect(pickPageLanguage('kk', 'ar', 'it')).toBe('kk');
    expect(pickPageLanguage('fr', 'fr-CH, it;q=0.5, ar;q=0.9', 'en')).toBe('ar');
    expect(pickPageLanguage(undefined, 'de, fr;q=0.8', 'it')).toBe('it');
    expect(pickPageLanguage(undefined, 'ar;q=0', 'other')).toBe('en');
    expect(pickPageLanguage(undefined, undefined, undefined)).toBe('en');
  });
});
