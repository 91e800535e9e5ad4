import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../src/chunking/chunk-document.js';
import type { Chunk } from '../src/chunking/types.js';
import type { DetectedLanguage, SourceDocument } from '../src/corpus/types.js';

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });
const isSingleGrapheme = (text: string) => [...graphemes.segment(text)].length === 1;
/** True when offset `at` falls between the two halves of a surrogate pair (inside one emoji, say). */
const splitsSurrogatePair = (text: string, at: number) => /[\uD800-\uDBFF]/.test(text[at - 1] ?? '') && /[\uDC00-\uDFFF]/.test(text[at] ?? '');

const word = fc.oneof(
  fc.constantFrom('Қазақстан', 'билігі', 'ұйым', 'الديمقراطية', 'كازاخستان', 'elezioni', 'Kazakhstan', 'a', 'żółć',
    '😀', '👨‍👩‍👧', '🇰🇿', 'e\u0301', '2020', 'https://example.org/a/b?c=d', 'ааааааааааааааааааааааааааааааааааааа'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }),
);
const separator = fc.constantFrom(' ', ' ', ' ', '  ', '. ', '? ', '! ', '؟ ', '، ', '.', '\t', '\u00a0', '\n', '', '… ');
const paragraphText = fc
  .tuple(fc.constantFrom('', ' ', '  \t'), fc.array(fc.tuple(word, separator), { maxLength: 50 }), fc.constantFrom('', ' ', '\u00a0'))
  .map(([before, parts, after]) => before + parts.map(([w, s]) => w + s).join('') + after);
const language = fc.constantFrom<DetectedLanguage>('ar', 'it', 'kk', 'en', 'other');

function documentOf(texts: string[], languages: DetectedLanguage[]): SourceDocument {
  return {
    file: 'sub/doc.md',
    sha256: '0'.repeat(64),
    language: languages[0],
    paragraphs: texts.map((text, i) => ({ number: i + 1, text, language: languages[i % languages.length] })),
  };
}

describe('chunkDocument invariants (property-based)', () => {
  it('slices exactly, stays in one paragraph, respects maxChars, overlaps at most overlapChars and covers all non-space text', () => {
    fc.assert(
      fc.property(
        fc.array(paragraphText, { minLength: 1, maxLength: 4 }),
        fc.array(language, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 0, max: 150 }),
        fc.integer({ min: 0, max: 60 }),
        (texts, languages, maxChars, overlapChars, shortParagraphChars) => {
          const doc = documentOf(texts, languages);
          const chunks = chunkDocument(doc, { maxChars, overlapChars, shortParagraphChars });
          expect(new Set(chunks.map((c) => c.id)).size).toBe(chunks.length);
          const opening = chunks.find((c) => c.paragraph === 1)?.text ?? '';

          for (const paragraph of doc.paragraphs) {
            const own = chunks.filter((c) => c.paragraph === paragraph.number);
            const text = paragraph.text;
            for (const chunk of own) {
              expect(chunk.text).toBe(text.slice(chunk.start, chunk.end));
              expect(chunk.id).toBe(`sub/doc.md#${paragraph.number}:${chunk.start}`);
              expect(chunk.file).toBe(doc.file);
              expect(chunk.language).toBe(paragraph.language);
              expect(0 <= chunk.start && chunk.start < chunk.end && chunk.end <= text.length).toBe(true);
              expect(chunk.text).not.toMatch(/^\s|\s$/);
              expect(splitsSurrogatePair(text, chunk.start) || splitsSurrogatePair(text, chunk.end)).toBe(false);
              // The only allowed overflow: one grapheme cluster longer than maxChars.
              expect(chunk.text.length <= maxChars || isSingleGrapheme(chunk.text)).toBe(true);
              const isHeading = paragraph.number !== 1 && text.trim().length < shortParagraphChars;
              expect(chunk.embedText).toBe(isHeading && opening ? `${opening}\n${chunk.text}` : chunk.text);
            }
            for (let i = 1; i < own.length; i += 1) {
              const [previous, next] = [own[i - 1], own[i]];
              expect(next.start).toBeGreaterThan(previous.start);
              expect(next.end).toBeGreaterThan(previous.end);
              if (next.start < previous.end) expect(previous.end - next.start).toBeLessThanOrEqual(overlapChars);
            }
            expectCoversNonSpace(text, own);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('keeps a paragraph that fits in maxChars as one chunk, trimmed by offsets', () => {
    fc.assert(
      fc.property(paragraphText, (text) => {
        const trimmed = text.trim();
        const chunks = chunkDocument(documentOf([text], ['kk']), { maxChars: Math.max(1, trimmed.length), overlapChars: 10, shortParagraphChars: 40 });
        expect(chunks.map((c) => c.text)).toEqual(trimmed ? [trimmed] : []);
      }),
    );
  });
});

function expectCoversNonSpace(text: string, chunks: Chunk[]): void {
  for (let i = 0; i < text.length; i += 1) {
    if (/\S/.test(text[i]) && !chunks.some((c) => c.start <= i && i < c.end)) {
      throw new Error(`offset ${i} (${JSON.stringify(text[i])}) of ${JSON.stringify(text)} is in no chunk`);
    }
  }
}
