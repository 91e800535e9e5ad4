import { describe, expect, it } from 'vitest';
import type { Chunk } from '../src/chunking/types.js';
import { composeExtractiveAnswer, defaultExtractiveOptions } from '../src/answer/extractive.js';
import { createListItemLookup, isListItem } from '../src/answer/list-items.js';
import type { SearchHit } from '../src/retrieval/types.js';
import { createTestRuntime } from './helpers/test-runtime.js';

function chunk(file: string, paragraph: number, text: string, start = 0): Chunk {
  return { id: `${file}#${paragraph}:${start}`, file, paragraph, start, end: start + text.length, language: 'en', text, embedText: text };
}

describe('a sentence ending in ":" brings the list items after it', () => {
  const doc = [
    chunk('a.txt', 1, 'The permit has three conditions:'),
    chunk('a.txt', 2, '1. a registered office;'),
    chunk('a.txt', 3, '2) two founders;'),
    chunk('a.txt', 4, '- a yearly report.'),
    chunk('a.txt', 5, 'The ministry decides within a month.'),
    chunk('a.txt', 6, '3. not part of the list above'),
  ];

  it('finds the consecutive list paragraphs, whatever the marker, and stops at the first paragraph that is not one', () => {
    const after = createListItemLookup(doc);
    expect(after(doc[0]!).map((c) => c.paragraph)).toEqual([2, 3, 4]);
    expect(after(doc[4]!)).toEqual([]); // no colon
    expect(['١. بند', '• item', 'a) item', '12. item'].every(isListItem)).toBe(true);
    expect(['1997 was the year', 'Plain text', '-5 degrees'].some(isListItem)).toBe(false);
  });

  it('brings nothing when the colon ends a chunk that is not the last of its paragraph', () => {
    const first = chunk('b.txt', 1, 'Windows overlap:');
    const rest = chunk('b.txt', 1, ' and the paragraph goes on.', first.end);
    const items = chunk('b.txt', 2, '1. an item');
    expect(createListItemLookup([first, rest, items])(first)).toEqual([]);
  });

  it('quotes the items after the sentence, each cited as its own paragraph', () => {
    const hits: SearchHit[] = [{ chunk: doc[0]!, score: 1 }];
    const listItems = new Map([[doc[0]!.id, createListItemLookup(doc)(doc[0]!)]]);
    const { result } = composeExtractiveAnswer({ question: 'What conditions does the permit have?', language: 'en', hits }, defaultExtractiveOptions, { listItems });
    expect(result.support).toBe('answered');
    expect(result.answer).toBe('From the documents: The permit has three conditions: [1] 1. a registered office; [2] 2) two founders; [3] - a yearly report. [4]');
    expect(result.citations.map((c) => c.paragraph)).toEqual([1, 2, 3, 4]);
    expect(result.citations.every((c) => c.quotes.length > 0)).toBe(true);
  });

  it('on the corpus: the Italian question on the observers\' new criteria gets all four of them', async () => {
    const { searcher, answerer } = await createTestRuntime();
    const question = 'Quali sono i quattro nuovi criteri per osservare le elezioni?';
    const hits = await searcher.search(question, { topK: 5, language: 'it' });
    const result = await answerer.answer({ question, language: 'it', hits });
    const cited = result.citations.filter((c) => c.file === '002_23fe508d9d363cf9.txt').map((c) => c.paragraph);
    expect(result.grounded).toBe(true);
    expect(cited).toEqual(expect.arrayContaining([5, 6, 7, 8, 9]));
    const titles = new Set(result.citations.filter((c) => c.file === '002_23fe508d9d363cf9.txt').map((c) => c.title));
    expect(titles.size).toBe(1); // the list items carry their document's title too
    expect([...titles][0]).not.toBe('002_23fe508d9d363cf9.txt');
    expect(result.answer).toContain('quattro nuovi criteri:');
    expect(result.answer).toContain('4. astenersi da qualsiasi attività di streaming');
  });
});

describe('near-duplicate sentences', () => {
  it('are quoted once: a second document repeating the news with a word changed adds nothing', () => {
    const a = chunk('a.txt', 1, 'The court sentenced the journalist Zhanbolat Mamay to six years of probation on Friday.');
    const b = chunk('b.txt', 4, 'The court sentenced the journalist Zhanbolat Mamay to six years of probation last Friday.');
    const c = chunk('c.txt', 2, 'The weather in Almaty was cold all week.');
    const hits: SearchHit[] = [a, b, c].map((x, i) => ({ chunk: x, score: 1 / (i + 1) }));
    const { result } = composeExtractiveAnswer({ question: 'Which journalist did the court sentence to probation?', language: 'en', hits }, defaultExtractiveOptions);
    expect(result.support).toBe('answered');
    expect(result.answer).toBe('From the documents: The court sentenced the journalist Zhanbolat Mamay to six years of probation on Friday. [1]');
  });
});
