/**
 * PDFs without space between paragraphs: the corpus .txt files converted by `soffice --headless --convert-to pdf`
 * as they are (scripts/fixtures/make-soffice-pdfs.ts), read back and compared paragraph by paragraph with the .txt.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../src/corpus/document-readers.js';
import { parseDocument } from '../src/corpus/parse-document.js';
import type { SourceDocument } from '../src/corpus/types.js';
import { compareParagraphs } from '../src/eval/extraction-agreement.js';
import { CORPUS_DIR, REPO_ROOT } from './helpers/temp-project.js';

const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/documents/plain-text');
const SOURCES = ['000_68c45a22bf89f6e7', '001_ab2ed0b91d19d8aa', '002_23fe508d9d363cf9', '003_5696f5a8dd52dece', '004_e58b63fe8df93c8c'];

async function pdf(name: string): Promise<SourceDocument> {
  const parsed = await readDocument(`${name}.pdf`, await readFile(path.join(FIXTURES, `${name}.pdf`)), 'pdf');
  if (!('document' in parsed)) throw new Error(`${name}.pdf skipped: ${parsed.skipped.reason}`);
  return parsed.document;
}

async function txt(name: string): Promise<SourceDocument> {
  const parsed = parseDocument(`${name}.txt`, await readFile(path.join(CORPUS_DIR, `${name}.txt`)), 'txt');
  if (!('document' in parsed)) throw new Error(`${name}.txt skipped`);
  return parsed.document;
}

const texts = (document: SourceDocument) => document.paragraphs.map((p) => p.text.replace(/\s+/g, ' ').trim());

describe('a PDF made from a plain text file (no space between paragraphs)', () => {
  it('gives the .txt paragraphs: at least 95% of the Italian ones and 90% of the Arabic ones', async () => {
    const byLanguage = new Map<string, { equal: number; total: number }>();
    for (const name of SOURCES) {
      const source = await txt(name);
      const agreement = compareParagraphs(texts(source), texts(await pdf(name)));
      const figures = byLanguage.get(source.language) ?? { equal: 0, total: 0 };
      byLanguage.set(source.language, { equal: figures.equal + agreement.matched, total: figures.total + agreement.sourceParagraphs });
    }
    const share = (language: string) => byLanguage.get(language)!.equal / byLanguage.get(language)!.total;
    console.log([...byLanguage].map(([language, f]) => `${language}: ${f.equal}/${f.total} paragraphs equal (${(100 * share(language)).toFixed(1)}%)`).join('; '));
    expect(share('it')).toBeGreaterThanOrEqual(0.95);
    expect(share('ar')).toBeGreaterThanOrEqual(0.9);
    // One Kazakh paragraph ends in a line exactly as wide as the column, followed by a word too long for it: nothing
    // on the page tells that end from a wrap, so it is read together with the next one (11 of 13, not 13 of 13).
    expect(share('kk')).toBeGreaterThanOrEqual(11 / 13);
  });

  it('numbers paragraphs as the .txt does, so a citation of paragraph N points at the .txt paragraph N', async () => {
    for (const name of ['000_68c45a22bf89f6e7', '002_23fe508d9d363cf9']) {
      expect(texts(await pdf(name))).toEqual(texts(await txt(name)));
    }
    const pages = (await pdf('002_23fe508d9d363cf9')).paragraphs.map((p) => p.page);
    expect(pages[0]).toBe(1);
    expect(pages.at(-1)).toBe(2);
  });

  it('keeps the punctuation of Arabic set left to right in logical order: full stops, bullets and »', async () => {
    const report = texts(await pdf('000_68c45a22bf89f6e7'));
    expect(report).toContain('الرجاء تسجيل الدخول »');
    expect(report.filter((p) => p.startsWith('• '))).toHaveLength(2);
    expect(report.find((p) => p.startsWith('• جميع التعليقات'))).toMatch(/^• جميع التعليقات تخضع للتدقيق\. الرجاء/);
    const russia = texts(await pdf('004_e58b63fe8df93c8c'));
    expect(russia[0]).toMatch(/شوهدت في مكان آخر\.$/);
    expect(russia).toContain('إنهم "إرهابيون"');
    expect(russia.join('\n')).not.toMatch(/ \.\p{L}/u);
  });
});
