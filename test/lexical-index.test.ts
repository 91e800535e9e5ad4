import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Chunk } from '../src/chunking/types.js';
import type { DetectedLanguage } from '../src/corpus/types.js';
import { analyzeText } from '../src/index/analyzer.js';
import { LexicalIndex, LexicalIndexError } from '../src/index/lexical-index.js';

/** One chunk per non-blank line of a corpus file, paragraphs numbered from 1. */
function chunksOfFile(file: string, language: DetectedLanguage): Chunk[] {
  const lines = readFileSync(new URL(`../corpus/${file}`, import.meta.url), 'utf8').split(/\r?\n/).filter((line) => line.trim());
  return lines.map((text, i) => ({
    id: `${file}#${i + 1}:0`, file, paragraph: i + 1, start: 0, end: text.length, language, text, embedText: text,
  }));
}

const italian = chunksOfFile('002_23fe508d9d363cf9.txt', 'it');
const kazakh = chunksOfFile('003_5696f5a8dd52dece.txt', 'kk');
const arabic = chunksOfFile('004_e58b63fe8df93c8c.txt', 'ar');
const chunks = [...italian, ...kazakh, ...arabic];
const index = LexicalIndex.build(chunks);
const top = (query: string, language?: DetectedLanguage) => chunks[index.search(query, 1, language)[0]?.index ?? -1];

describe('LexicalIndex', () => {
  it('finds the Italian paragraph for an Italian query with other inflections', () => {
    expect(top('Quanti prigioniero politico ci sono?', 'it')?.paragraph).toBe(2);
    expect(top('Quanti prigioniero politico ci sono?', 'it')?.file).toBe(italian[0].file);
    expect(top('esercitazione Cyber Security Nur-Sultan', 'it')).toBe(italian[3]);
  });

  it('matches Arabic spelled with other hamza, alef, teh marbuta and ya forms, diacritics and tatweel', () => {
    const paragraph = arabic.find((c) => c.text.includes('أعلن الرئيس الكازاخستاني'));
    expect(paragraph).toBeDefined();
    expect(top('اعلَنَ الرئيـــس الكازاخستانى استخدام الاسلحه', 'ar')).toBe(paragraph);
    expect(top('الفِتْنَـه المُسـال', 'ar')).toBe(paragraph);
  });

  it('matches Kazakh words carrying other case suffixes than the text', () => {
    const query = 'сайттарға бұғаулаудың';
    const paragraph = kazakh[2];
    const paragraphTerms = new Set(analyzeText(paragraph.text, 'kk'));
    expect(query.split(' ').some((word) => paragraphTerms.has(word))).toBe(false);
    expect(top(query, 'kk')).toBe(paragraph);
  });

  it('ranks best first, honours k, and returns nothing for a query of stopwords or punctuation', () => {
    const hits = index.search('elezioni parlamentari Kazakistan', 4, 'it');
    expect(hits).toHaveLength(4);
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
    expect(index.search('il la di e?', 5, 'it')).toEqual([]);
    expect(index.search('   ', 5)).toEqual([]);
    expect(index.search('elezioni', 0, 'it')).toEqual([]);
  });

  it('gives identical results after a save and load round trip', () => {
    const saved = index.toBuffer();
    const unaligned = Buffer.concat([Buffer.alloc(1), saved]).subarray(1);
    for (const restored of [LexicalIndex.fromBuffer(saved, chunks), LexicalIndex.fromBuffer(unaligned, chunks)]) {
      for (const [query, language] of [['elezioni Majilis', 'it'], ['әлеуметтік желілер', 'kk'], ['الرئيس توكاييف', 'ar'], ['Amnesty', undefined]] as const) {
        expect(restored.search(query, 10, language)).toEqual(index.search(query, 10, language));
      }
    }
  });

  it('refuses a saved index of another version, another chunk list, or a damaged file, saying to rebuild', () => {
    const saved = index.toBuffer();
    expect(() => LexicalIndex.fromBuffer(Buffer.from(saved.toString('latin1').replace('"formatVersion":3', '"formatVersion":9'), 'latin1'))).toThrow(LexicalIndexError);
    expect(() => LexicalIndex.fromBuffer(saved, italian)).toThrow(/chunks/);
    expect(() => LexicalIndex.fromBuffer(saved.subarray(0, saved.length - 8))).toThrow(/rebuild/);
    expect(() => LexicalIndex.fromBuffer(Buffer.from('not an index'))).toThrow(LexicalIndexError);
  });

  it('also searches document context from embedText, below the chunk text', () => {
    const withContext: Chunk[] = [
      { ...italian[5], embedText: `Restrizioni agli osservatori\n${italian[5].text}` },
      { ...italian[6] },
    ];
    const small = LexicalIndex.build(withContext);
    expect(small.search('osservatori restrizioni', 2, 'it').map((h) => h.index)).toEqual([0]);
  });
});
