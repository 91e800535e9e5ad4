import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { detectLanguage, MIN_DETECTABLE_LETTERS } from '../src/corpus/language.js';
import { readCorpus } from '../src/corpus/read-corpus.js';
import type { SourceDocument } from '../src/corpus/types.js';

const corpusDir = fileURLToPath(new URL('../corpus', import.meta.url));
const expected: Record<string, { paragraphs: number; language: string }> = {
  '000_68c45a22bf89f6e7.txt': { paragraphs: 17, language: 'ar' },
  '001_ab2ed0b91d19d8aa.txt': { paragraphs: 13, language: 'ar' },
  '002_23fe508d9d363cf9.txt': { paragraphs: 11, language: 'it' },
  '003_5696f5a8dd52dece.txt': { paragraphs: 13, language: 'kk' },
  '004_e58b63fe8df93c8c.txt': { paragraphs: 15, language: 'ar' },
};
const isTitle = (text: string) => (text.match(/\p{L}/gu)?.length ?? 0) < MIN_DETECTABLE_LETTERS;

describe('the default corpus', () => {
  let documents: SourceDocument[];
  beforeAll(async () => {
    const warnings: string[] = [];
    const result = await readCorpus(corpusDir, { onWarning: (m) => warnings.push(m) });
    documents = result.documents;
    expect(result.skipped).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('reads all five documents in file order', () => {
    expect(documents.map((d) => d.file)).toEqual(Object.keys(expected));
  });

  it('numbers paragraphs as the non-blank lines of each file (13 in 003, 17 in 000)', () => {
    for (const doc of documents) {
      const raw = readFileSync(`${corpusDir}/${doc.file}`, 'utf8');
      const nonBlankLines = raw.split(/\r?\n/).filter((line) => /\S/.test(line));
      expect(doc.paragraphs.length, doc.file).toBe(nonBlankLines.length);
      expect(doc.paragraphs.length, doc.file).toBe(expected[doc.file].paragraphs);
      expect(doc.paragraphs.map((p) => p.number)).toEqual(nonBlankLines.map((_, i) => i + 1));
      for (const p of doc.paragraphs) expect(raw).toContain(p.text);
    }
  });

  it('gives every document and every paragraph its file language', () => {
    for (const doc of documents) {
      const language = expected[doc.file].language;
      expect(doc.language, doc.file).toBe(language);
      for (const p of doc.paragraphs) expect(p.language, `${doc.file}#${p.number}`).toBe(language);
    }
  });

  it('detects each non-title paragraph on its own, and never reads Kazakh as other/Russian', () => {
    for (const doc of documents) {
      for (const p of doc.paragraphs.filter((p) => !isTitle(p.text))) {
        expect(detectLanguage(p.text), `${doc.file}#${p.number}`).toBe(expected[doc.file].language);
      }
    }
    const kazakh = documents.find((d) => d.file.startsWith('003_'))!;
    for (const p of kazakh.paragraphs) expect(detectLanguage(p.text)).toBe('kk');
  });

  it('lets a short line take its document language (an English title in an Arabic file)', () => {
    const arabic = documents.find((d) => d.file.startsWith('000_'))!;
    const title = arabic.paragraphs.find((p) => p.text === 'The Unfreedom Monitor')!;
    expect(detectLanguage(title.text)).toBe('en');
    expect(title.language).toBe('ar');
  });
});
