import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../src/index/analyzer.js';
import { segmentWords, segmentWordsWithSegmenter } from '../src/index/segment-words.js';

const PUNCTUATION = [...'!"#$%&()*+,-./:;<=>?@[\\]^{|}~«»“”„‹›–—…•·¡¿§°،؛؟٪‐‑‒−'];
const WORD_CHARS = [...'abzàéßøıſʼ\'’‘`абяқәіңёй0189٠٩۰۹ابةىءكیپٱ\u{1DF00}\u{10780}\u{1EE00}'];
const ODD_CHARS = [...'_´\u0301\u0483\u064e\u200c\u200d\u00ad\u2060\ufeffª№ⓐ①½ℌﬁ中カあไ한א😀🇮🇹 \t\u3000\u1680\u00a0\u2028\u0085ΣΑ'];
const from = (chars: string[], maxLength: number) => fc.array(fc.constantFrom(...chars), { maxLength }).map((list) => list.join(''));

describe('segmentWords', () => {
  it('splits words at apostrophes and drops punctuation', () => {
    expect(segmentWords('«dell’esecutivo,')).toEqual(['dell', 'esecutivo']);
    expect(segmentWords("kazakhstan's")).toEqual(['kazakhstan', 's']);
    expect(segmentWords('(2021).')).toEqual(['2021']);
    expect(segmentWords('u.s.a.')).toEqual(['u.s.a']);
    expect(segmentWords('1,000')).toEqual(['1,000']);
    expect(segmentWords('—')).toEqual([]);
  });

  it('gives the same words as Intl.Segmenter for any text', () => {
    // Mostly plain words between punctuation (the shortcut), sometimes with other characters inside.
    const plainish = fc
      .tuple(from(PUNCTUATION, 3), from(WORD_CHARS, 10), from(PUNCTUATION, 3), from([...PUNCTUATION, ...WORD_CHARS, ...ODD_CHARS], 2), fc.nat(16))
      .map(([before, word, after, odd, at]) => {
        const text = before + word + after;
        return text.slice(0, at) + odd + text.slice(at);
      });
    fc.assert(
      fc.property(plainish, (text) => {
        expect(segmentWords(text)).toEqual(segmentWordsWithSegmenter(text));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('word boundaries and ASCII whitespace', () => {
  // The analyzer normalises and segments each whitespace-delimited token on its own: this must not change the words.
  it('normalising and segmenting token by token gives the words of the whole text', () => {
    const spaces = [' ', ' ', '\n', '\t', '\r\n'];
    const text = from([...WORD_CHARS, ...PUNCTUATION, ...ODD_CHARS, ...spaces, ...spaces], 40);
    fc.assert(
      fc.property(text, (t) => {
        const whole = segmentWordsWithSegmenter(normalizeText(t));
        const byToken = t
          .split(/[\t\n\v\f\r ]+/)
          .flatMap((token) => normalizeText(token).split(/[\t\n\v\f\r ]+/))
          .flatMap((piece) => segmentWordsWithSegmenter(piece));
        expect(byToken).toEqual(whole);
      }),
      { numRuns: 2000 },
    );
  });
});
