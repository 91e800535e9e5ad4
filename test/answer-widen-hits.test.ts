/** The answerer reads a hit's paragraph around its chunk: the sentence that answers may stand in another window. */
import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../src/chunking/chunk-document.js';
import { createExtractiveAnswerer } from '../src/answer/extractive.js';
import { widenHits } from '../src/answer/widen-hits.js';
import type { SourceDocument } from '../src/corpus/types.js';
import type { SearchHit } from '../src/retrieval/types.js';

const sentences = Array.from({ length: 12 }, (_, i) => `Sentence number ${i + 1} tells one more thing about the steppe.`);
const paragraph = sentences.join(' ');
const document: SourceDocument = { file: 'a.txt', sha256: 'x', language: 'en', paragraphs: [{ number: 1, text: paragraph, language: 'en' }] };
const chunks = chunkDocument(document, { maxChars: 150, overlapChars: 0, shortParagraphChars: 40 });
const paragraphOf = (file: string, number: number) => (file === 'a.txt' ? document.paragraphs[number - 1] : undefined);
const hitOf = (i: number): SearchHit => ({ chunk: chunks[i]!, score: 1 - i / 10 });

describe('widenHits', () => {
  it('reads the whole paragraph when it fits', () => {
    const [hit] = widenHits([hitOf(2)], paragraphOf, 5000);
    expect(hit!.chunk).toMatchObject({ start: 0, end: paragraph.length, text: paragraph, id: 'a.txt#1:0' });
  });

  it('grows a chunk by whole sentences on both sides up to the limit, as an exact slice of its paragraph', () => {
    const middle = Math.floor(chunks.length / 2);
    const [hit] = widenHits([hitOf(middle)], paragraphOf, 300);
    const { start, end, text } = hit!.chunk;
    expect(text).toBe(paragraph.slice(start, end));
    expect(start).toBeLessThan(chunks[middle]!.start);
    expect(end).toBeGreaterThan(chunks[middle]!.end);
    expect(end - start).toBeLessThanOrEqual(300);
    expect(sentences.some((s) => text.startsWith(s)) && sentences.some((s) => text.endsWith(s))).toBe(true);
  });

  it('widens the same text standing elsewhere in another paragraph at that paragraph\'s own offsets', () => {
    const prefix = `${sentences.slice(0, 6).join(' ')} `;
    const other: SourceDocument = { ...document, file: 'b.txt', paragraphs: [{ number: 1, text: prefix + paragraph, language: 'en' }] };
    const middle = chunks[Math.floor(chunks.length / 2)]!;
    const moved = { ...middle, id: `b.txt#1:${middle.start + prefix.length}`, file: 'b.txt', start: middle.start + prefix.length, end: middle.end + prefix.length };
    const both = (file: string, number: number) => (file === 'b.txt' ? other.paragraphs[number - 1] : paragraphOf(file, number));
    const [here] = widenHits([{ chunk: middle, score: 1 }], both, 300);
    const [there] = widenHits([{ chunk: moved, score: 1 }], both, 300);
    expect(here!.chunk.start).toBeLessThan(middle.start);
    expect(there!.chunk).toMatchObject({ file: 'b.txt', text: here!.chunk.text, start: here!.chunk.start + prefix.length, end: here!.chunk.end + prefix.length });
  });

  it('quotes one paragraph once, at its best rank', () => {
    const widened = widenHits([hitOf(1), hitOf(0), hitOf(3)], paragraphOf, 5000);
    expect(widened).toHaveLength(1);
    expect(widened[0]!.score).toBe(hitOf(1).score);
  });

  it('keeps a hit as it is when its paragraph is unknown or no longer holds the chunk', () => {
    const stale: SearchHit = { chunk: { ...chunks[0]!, text: 'Changed since.' }, score: 1 };
    const elsewhere: SearchHit = { chunk: { ...chunks[0]!, file: 'b.txt' }, score: 1 };
    expect(widenHits([stale, elsewhere], paragraphOf, 5000)).toEqual([stale, elsewhere]);
  });
});

describe('the extractive answerer with paragraphOf', () => {
  it('quotes the sentence that answers from outside the retrieved window, citing it in its paragraph', async () => {
    const text = [...sentences.slice(0, 6), 'The capital Astana was founded as a fortress in 1830.', ...sentences.slice(6)].join(' ');
    const doc: SourceDocument = { file: 'b.txt', sha256: 'y', language: 'en', paragraphs: [{ number: 1, text, language: 'en' }] };
    const [first] = chunkDocument(doc, { maxChars: 150, overlapChars: 0, shortParagraphChars: 40 });
    expect(first!.text).not.toContain('Astana');
    const input = { question: 'When was the fortress of Astana founded?', language: 'en' as const, hits: [{ chunk: first!, score: 1 }] };
    const without = await createExtractiveAnswerer().answer(input);
    const withParagraph = await createExtractiveAnswerer({ paragraphOf: () => doc.paragraphs[0] }).answer(input);
    expect(without.answer).not.toContain('1830');
    expect(withParagraph.answer).toContain('The capital Astana was founded as a fortress in 1830. [1]');
    const [citation] = withParagraph.citations;
    expect(text.slice(citation!.start, citation!.end)).toBe(citation!.text);
  });
});
