/** PDF, DOCX and HTML readers against the LibreOffice-made fixtures and the corpus .txt files they came from. */
import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentFormatOf, readDocument } from '../src/corpus/document-readers.js';
import { parseDocument } from '../src/corpus/parse-document.js';
import { readCorpus } from '../src/corpus/read-corpus.js';
import type { SourceDocument } from '../src/corpus/types.js';
import { compareParagraphs } from '../src/eval/extraction-agreement.js';
import { tempDir } from './helpers/temp-dir.js';
import { CORPUS_DIR, REPO_ROOT } from './helpers/temp-project.js';

const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/documents');
const SOURCES = ['000_68c45a22bf89f6e7', '001_ab2ed0b91d19d8aa', '002_23fe508d9d363cf9', '003_5696f5a8dd52dece', '004_e58b63fe8df93c8c'];

async function read(file: string): Promise<SourceDocument> {
  const parsed = await readDocument(file, await readFile(path.join(FIXTURES, file)), documentFormatOf(file)!);
  if (!('document' in parsed)) throw new Error(`${file} skipped: ${parsed.skipped.reason}`);
  return parsed.document;
}

async function source(name: string): Promise<SourceDocument> {
  const parsed = parseDocument(`${name}.txt`, await readFile(path.join(CORPUS_DIR, `${name}.txt`)), 'txt');
  if (!('document' in parsed)) throw new Error(`${name}.txt skipped`);
  return parsed.document;
}

/** Paragraphs equal to the source's, and characters wrong, summed over the documents of one language. */
async function agreement(format: 'pdf' | 'docx', language: string) {
  let matched = 0;
  let total = 0;
  let errors = 0;
  let chars = 0;
  for (const name of SOURCES) {
    const original = await source(name);
    if (original.language !== language) continue;
    const result = compareParagraphs(original.paragraphs.map((p) => p.text), (await read(`${name}.${format}`)).paragraphs.map((p) => p.text));
    const length = original.paragraphs.reduce((n, p) => n + p.text.length + 1, 0);
    matched += result.matched;
    total += result.sourceParagraphs;
    errors += result.cer * length;
    chars += length;
  }
  return { share: matched / total, cer: errors / chars };
}

describe('DOCX', () => {
  it('gives every Word paragraph of the source, in order, for all three languages', async () => {
    for (const name of SOURCES) {
      const expected = (await source(name)).paragraphs.map((p) => p.text);
      const document = await read(`${name}.docx`);
      expect(document.paragraphs.map((p) => p.text)).toEqual(expected);
      expect(document.paragraphs.every((p) => p.page === undefined)).toBe(true);
    }
  });
});

describe('PDF', () => {
  it('agrees with the source paragraphs: all Italian and Kazakh ones, most Arabic ones, Arabic characters within 0.2%', async () => {
    expect((await agreement('pdf', 'it')).share).toBe(1);
    expect((await agreement('pdf', 'kk')).share).toBe(1);
    const arabic = await agreement('pdf', 'ar');
    expect(arabic.share).toBeGreaterThanOrEqual(42 / 45);
    expect(arabic.cer).toBeLessThanOrEqual(0.002);
  });

  it('repairs lam-alef ligatures and reading order of right-to-left lines', async () => {
    const text = (await read('000_68c45a22bf89f6e7.pdf')).paragraphs.map((p) => p.text).join('\n');
    expect(text).toContain('تقرير مرصد لا- حرية: كازاخستان');
    expect(text).toContain('الإعلام والاتصالات');
    expect(text).not.toContain('الإعالم');
  });

  it('records the page each paragraph starts on and drops the running header and page numbers', async () => {
    const document = await read('002_23fe508d9d363cf9.pdf');
    const pages = document.paragraphs.map((p) => p.page);
    expect(pages[0]).toBe(1);
    expect(pages.at(-1)).toBe(2);
    expect([...pages].sort()).toEqual(pages);
    expect(document.paragraphs.some((p) => p.text.includes('Global Voices · Kazakhstan'))).toBe(false);
    expect(document.paragraphs.some((p) => /^\d+$/.test(p.text))).toBe(false);
  });

  it('reads a 300-page PDF page by page in bounded memory', { timeout: 240_000 }, async () => {
    const before = process.memoryUsage().rss;
    const document = await read('long-300-pages.pdf');
    expect(document.paragraphs.at(-1)?.page).toBeGreaterThanOrEqual(300);
    expect(document.paragraphs.length).toBeGreaterThan(1600);
    expect(process.memoryUsage().rss - before).toBeLessThan(1024 ** 3);
  });
});

describe('HTML', () => {
  it('reads the main content blocks, drops navigation, scripts and footer, and takes the <title>', async () => {
    const document = await read('002_23fe508d9d363cf9.html');
    const texts = document.paragraphs.map((p) => p.text);
    expect(document.title).toBe('Kazakistan: elezioni e diritti · Global Voices');
    for (const paragraph of (await source('002_23fe508d9d363cf9')).paragraphs) expect(texts).toContain(paragraph.text);
    expect(texts).toContain('Elezioni del Majilis');
    expect(texts).toContain('Prigionieri politici');
    expect(texts.join(' ')).not.toMatch(/Chi siamo|gtag|dataLayer|Tutti i diritti riservati|font-family/);
  });
});

describe('files that cannot be read', () => {
  it('skips a scanned PDF (needs OCR), an encrypted one and a fake one, each named in a warning', async () => {
    const dir = await tempDir('rag-docs-');
    for (const file of ['scanned.pdf', 'encrypted.pdf', 'not-really.pdf', '003_5696f5a8dd52dece.docx']) {
      await copyFile(path.join(FIXTURES, file), path.join(dir, file));
    }
    const warnings: string[] = [];
    const { documents, skipped } = await readCorpus(dir, { onWarning: (m) => warnings.push(m) });
    expect(documents.map((d) => d.file)).toEqual(['003_5696f5a8dd52dece.docx']);
    const reasons = Object.fromEntries(skipped.map((s) => [s.file, s.reason]));
    expect(reasons['scanned.pdf']).toMatch(/no text layer.*OCR/);
    expect(reasons['encrypted.pdf']).toMatch(/encrypted/);
    expect(reasons['not-really.pdf']).toMatch(/not a PDF/);
    expect(warnings.some((w) => w.includes('scanned.pdf') && w.includes('OCR'))).toBe(true);
  });

  it('skips a .docx that is not a ZIP package and an .html with no markup', async () => {
    const docx = await readDocument('a.docx', new TextEncoder().encode('plain text'), 'docx');
    const html = await readDocument('a.html', new TextEncoder().encode('just words'), 'html');
    expect('skipped' in docx && docx.skipped.reason).toMatch(/not a DOCX/);
    expect('skipped' in html && html.skipped.reason).toMatch(/not HTML/);
  });
});
