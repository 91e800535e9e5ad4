import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chunkDocument, chunkSpans } from '../src/chunking/chunk-document.js';
import type { ChunkingOptions } from '../src/chunking/types.js';
import { loadConfig } from '../src/config.js';
import { parseDocument } from '../src/corpus/parse-document.js';
import type { SourceDocument } from '../src/corpus/types.js';

const docOf = (...texts: string[]): SourceDocument => ({
  file: 'doc.txt',
  sha256: 'x',
  language: 'it',
  paragraphs: texts.map((text, i) => ({ number: i + 1, text, language: 'it' })),
});
const options = (o: Partial<ChunkingOptions>): ChunkingOptions => ({ maxChars: 700, overlapChars: 0, shortParagraphChars: 0, ...o });
const texts = (text: string, o: Partial<ChunkingOptions>) => chunkSpans(text, options(o)).map((s) => text.slice(s.start, s.end));

describe('chunkDocument', () => {
  it('makes one chunk of a paragraph that fits, trimming edge whitespace by offsets', () => {
    const [chunk] = chunkDocument(docOf('Titolo', '  Ciao a tutti.  '), options({}))
      .filter((c) => c.paragraph === 2);
    expect(chunk).toEqual({
      id: 'doc.txt#2:2', file: 'doc.txt', paragraph: 2, start: 2, end: 15, language: 'it',
      text: 'Ciao a tutti.', embedText: 'Ciao a tutti.',
    });
  });

  it('splits a long paragraph into sentence windows, carrying whole trailing sentences that fit the overlap', () => {
    const text = 'Alpha one. Bravo two. Charlie three. Delta four.';
    expect(texts(text, { maxChars: 25, overlapChars: 12 })).toEqual(['Alpha one. Bravo two.', 'Bravo two. Charlie three.', 'Delta four.']);
    expect(texts(text, { maxChars: 25, overlapChars: 0 })).toEqual(['Alpha one. Bravo two.', 'Charlie three.', 'Delta four.']);
  });

  it('finds sentence ends in Arabic and Kazakh text', () => {
    expect(texts('ما هي المبادرة؟ إنها مرصد. وهو تقرير.', { maxChars: 21 })).toEqual(['ما هي المبادرة؟', 'إنها مرصد. وهو تقرير.']);
    expect(texts('Сайлау өтті. Билік не істеді?', { maxChars: 16 })).toEqual(['Сайлау өтті.', 'Билік не істеді?']);
  });

  it('cuts a sentence longer than maxChars at word boundaries', () => {
    const text = 'uno due tre quattro cinque sei sette otto nove dieci';
    const pieces = texts(text, { maxChars: 15 });
    expect(pieces).toEqual(['uno due tre', 'quattro cinque', 'sei sette otto', 'nove dieci']);
    expect(pieces.join(' ')).toBe(text);
  });

  it('cuts an unbroken run (a long URL) at word-segment boundaries, then between characters', () => {
    for (const piece of texts('https://example.org/alpha/bravo/charlie', { maxChars: 12 })) expect(piece.length).toBeLessThanOrEqual(12);
    expect(texts('abcdefghij', { maxChars: 4 })).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('rejects unusable options with a RangeError naming the option', () => {
    expect(() => chunkDocument(docOf('x'), options({ maxChars: 0 }))).toThrow(/maxChars/);
    expect(() => chunkDocument(docOf('x'), options({ overlapChars: -1 }))).toThrow(/overlapChars/);
    expect(() => chunkDocument(docOf('x'), options({ shortParagraphChars: 1.5 }))).toThrow(RangeError);
  });
});

describe('chunking the corpus with the default settings', () => {
  const { chunking } = loadConfig({});
  const file = '004_e58b63fe8df93c8c.txt';
  const parsed = parseDocument(file, readFileSync(new URL(`../corpus/${file}`, import.meta.url)), 'txt');
  if (!('document' in parsed)) throw new Error(`fixture ${file} was skipped: ${parsed.skipped.reason}`);
  const chunks = chunkDocument(parsed.document, chunking);

  it('gives a heading its document opening in embedText only', () => {
    const heading = chunks.find((c) => c.text === 'ضد الديمقراطية')!;
    const opening = chunks.find((c) => c.paragraph === 1)!;
    expect(heading).toMatchObject({ paragraph: 7, start: 0, language: 'ar' });
    expect(heading.embedText).toBe(`${opening.text}\nضد الديمقراطية`);
    expect(opening.embedText).toBe(opening.text);
  });

  it('embeds every other chunk as its text, and keeps every chunk within maxChars', () => {
    for (const chunk of chunks) {
      const paragraph = parsed.document.paragraphs[chunk.paragraph - 1];
      expect(paragraph.text.slice(chunk.start, chunk.end)).toBe(chunk.text);
      expect(chunk.text.length).toBeLessThanOrEqual(chunking.maxChars);
      if (paragraph.text.length >= chunking.shortParagraphChars) expect(chunk.embedText).toBe(chunk.text);
    }
  });
});
