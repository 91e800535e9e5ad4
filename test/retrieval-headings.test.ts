/** Headings are no answers: a short paragraph heading a longer one is a hit only when nothing else is found. */
import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../src/chunking/chunk-document.js';
import type { SourceDocument } from '../src/corpus/types.js';
import { LexicalIndex } from '../src/index/lexical-index.js';
import type { LoadedIndex } from '../src/index/types.js';
import { createSearcher } from '../src/retrieval/create-searcher.js';
import { headingChunks } from '../src/retrieval/heading-chunks.js';

const options = { maxChars: 700, overlapChars: 120, shortParagraphChars: 40 };

function documentOf(file: string, texts: string[]): SourceDocument {
  return { file, sha256: file, language: 'en', paragraphs: texts.map((text, i) => ({ number: i + 1, text, language: 'en' })) };
}

function indexOf(documents: SourceDocument[]): LoadedIndex {
  const chunks = documents.flatMap((d) => chunkDocument(d, options));
  return {
    manifest: {} as LoadedIndex['manifest'],
    chunks,
    documents: new Map(documents.map((d) => [d.file, d])),
    lexical: LexicalIndex.build(chunks),
  };
}

// Two articles of one series share their title line; only the second says who won.
const series = [
  documentOf('a.txt', ['Super Bowl 50', 'The halftime show was headlined by a British rock group, with guests from pop music.']),
  documentOf('b.txt', ['Super Bowl 50', 'The Denver Broncos won the game, beating the Carolina Panthers 24 to 10.']),
];

describe('headingChunks', () => {
  it('finds a short paragraph directly followed by a longer one', () => {
    const index = indexOf(series);
    expect([...headingChunks(index.chunks, 40)].map((i) => index.chunks[i]!.id)).toEqual(['a.txt#1:0', 'b.txt#1:0']);
  });

  it('leaves a short paragraph followed by another short one, or by nothing, a passage of its own', () => {
    const index = indexOf([documentOf('c.txt', ['Contents', 'Astana', 'The capital moved north in 1997 to a city on the steppe.', 'The end'])]);
    expect([...headingChunks(index.chunks, 40)].map((i) => index.chunks[i]!.paragraph)).toEqual([2]);
  });
});

describe('createSearcher with headings', () => {
  it('ranks the paragraphs under a matching heading, not the heading', async () => {
    const hits = await createSearcher({ index: indexOf(series) }).search('Who won Super Bowl 50?', { topK: 3, mode: 'lexical', language: 'en' });
    // Both headings match more of the question's words than the answer does; they only fill the places after it.
    expect(hits.map((h) => `${h.chunk.file}#${h.chunk.paragraph}`).sort()).toEqual(['a.txt#1', 'b.txt#1', 'b.txt#2']);
    expect(hits[0]!.chunk.id).toBe('b.txt#2:0');
  });

  it('still returns a heading when too few other passages match', async () => {
    const hits = await createSearcher({ index: indexOf(series) }).search('Super Bowl', { topK: 5, mode: 'lexical', language: 'en' });
    expect(hits.map((h) => `${h.chunk.file}#${h.chunk.paragraph}`).sort()).toEqual(['a.txt#1', 'b.txt#1']);
  });
});
