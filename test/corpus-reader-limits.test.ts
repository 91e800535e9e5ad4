import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hostileDocuments, ISSUE_SIZES, type HostileDocument } from '../src/bench/hostile-documents.js';
import { readDocument } from '../src/corpus/document-readers.js';
import { createIsolatedReader } from '../src/corpus/isolated-reader.js';
import { readCorpus } from '../src/corpus/read-corpus.js';
import { DEFAULT_READER_LIMITS, type ReaderLimits } from '../src/corpus/reader-limits.js';
import { tempDir } from './helpers/temp-dir.js';
import { REPO_ROOT } from './helpers/temp-project.js';

// Small versions of the issue's hostile files; the limits below are scaled down with them.
let docs: Map<string, HostileDocument>;
let dir: string;
beforeAll(async () => {
  docs = new Map(
    (await hostileDocuments({ ...ISSUE_SIZES, formDepth: 40, lines: 20_000, textOperators: 50_000, docxParagraphs: 300_000, bombBytes: 64 << 20, unclosedTags: 200_000 })).map(
      (d) => [d.file, d],
    ),
  );
  dir = await tempDir('reader-limits-');
}, 60_000);

const limits = (changes: Partial<ReaderLimits>): ReaderLimits => ({ ...DEFAULT_READER_LIMITS, ...changes });
const read = (file: string, changes: Partial<ReaderLimits> = {}) => {
  const format = file.endsWith('.pdf') ? 'pdf' : file.endsWith('.docx') ? 'docx' : 'html';
  return readDocument(file, docs.get(file)!.bytes, format, limits(changes));
};
const reasonOf = (parsed: Awaited<ReturnType<typeof readDocument>>) => ('skipped' in parsed ? parsed.skipped.reason : undefined);

describe('reader limits', () => {
  it('reads a PDF page of 20,000 lines (line grouping is linear) and gives one paragraph per pitch run', async () => {
    const parsed = await read('many-lines.pdf');
    expect('document' in parsed && parsed.document.paragraphs.length).toBeGreaterThan(0);
    expect(reasonOf(await read('many-lines.pdf', { operatorsPerPage: 10_000 }))).toMatch(/READER_MAX_OPERATORS_PER_PAGE=10000 \(\d+ operators on page 1\)/);
  }, 30_000);

  it('skips a PDF whose forms nest past READER_MAX_FORM_DEPTH, or draw each other past READER_MAX_OPERATORS_PER_PAGE, before pdf.js expands them', async () => {
    const started = performance.now();
    expect(reasonOf(await read('nested-forms.pdf'))).toMatch(/READER_MAX_FORM_DEPTH=12 \(form XObjects nested deeper\)/);
    expect(reasonOf(await read('nested-forms.pdf', { formDepth: 100 }))).toMatch(/READER_MAX_OPERATORS_PER_PAGE=500000 \(form XObjects drawing each other \d+\+ times\)/);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('skips a PDF deflate bomb while inflating it, before pdf.js inflates it whole', async () => {
    expect(reasonOf(await read('deflate-bomb.pdf', { decompressedBytes: 8 << 20 }))).toMatch(/READER_MAX_DECOMPRESSED_BYTES=8388608 \(bytes of PDF streams once inflated\)/);
    expect(reasonOf(await read('deflate-bomb.pdf'))).toBeUndefined(); // 64 MB inflated is within the default 256 MB
  }, 30_000);

  it('reads ordinary PDFs with forms and compressed streams as before', async () => {
    const forms = await hostileDocuments({ ...ISSUE_SIZES, formDepth: 4, lines: 10, textOperators: 10, docxParagraphs: 1, bombBytes: 1, unclosedTags: 1 });
    const nested = forms.find((d) => d.file === 'nested-forms.pdf')!;
    const parsed = await readDocument('nested-forms.pdf', nested.bytes, 'pdf', limits({}));
    expect('document' in parsed && parsed.document.paragraphs.map((p) => p.text).join(' ')).toMatch(/d.*e.*e.*p|deep/);
  });

  it('skips a DOCX of 300,000 paragraphs before mammoth, and a deflate bomb while inflating, naming the setting', async () => {
    expect(reasonOf(await read('many-paragraphs.docx', { paragraphs: 100_000 }))).toMatch(/READER_MAX_PARAGRAPHS=100000 \(Word paragraphs\)/);
    expect(reasonOf(await read('deflate-bomb.docx', { decompressedBytes: 8 << 20 }))).toMatch(/READER_MAX_DECOMPRESSED_BYTES=8388608/);
  }, 30_000);

  it('skips HTML nested past READER_MAX_DOM_DEPTH quickly (htmlparser2 alone is quadratic in open tags)', async () => {
    expect(reasonOf(await read('unclosed-tags.html'))).toMatch(/READER_MAX_DOM_DEPTH=1000 \(nested elements\)/);
    expect(reasonOf(await read('unclosed-tags.html', { domDepth: 1_000_000, domElements: 50_000 }))).toMatch(/READER_MAX_DOM_ELEMENTS=50000/);
  }, 30_000);

  it('skips text past READER_MAX_PARAGRAPHS, READER_MAX_TEXT_CHARS and READER_MAX_FILE_BYTES', async () => {
    const text = new TextEncoder().encode('Uno.\n\nDue.\n\nTre.\n');
    expect(reasonOf(await readDocument('a.txt', text, 'txt', limits({ paragraphs: 2 })))).toMatch(/READER_MAX_PARAGRAPHS=2 \(3 paragraphs\)/);
    expect(reasonOf(await readDocument('a.txt', text, 'txt', limits({ textChars: 10 })))).toMatch(/READER_MAX_TEXT_CHARS=10/);
    expect(reasonOf(await readDocument('a.txt', text, 'txt', limits({ fileBytes: 5 })))).toMatch(/READER_MAX_FILE_BYTES=5/);
  });
});

describe('isolated reader', () => {
  it('stops a PDF whose forms expand without end at READER_TIMEOUT_MS, names it, and reads the next file in a fresh process', async () => {
    const corpus = path.join(dir, 'timeout');
    await import('node:fs/promises').then((fs) => fs.mkdir(corpus, { recursive: true }));
    await writeFile(path.join(corpus, 'nested-forms.pdf'), docs.get('nested-forms.pdf')!.bytes);
    await writeFile(path.join(corpus, 'page.html'), '<html><title>T</title><body><p>Ciao a tutti, questo è un paragrafo.</p></body></html>');
    await writeFile(path.join(corpus, 'unclosed-tags.html'), docs.get('unclosed-tags.html')!.bytes);
    const warnings: string[] = [];
    // Past what the prescan follows (formDepth, operatorsPerPage raised), so pdf.js expands the forms until the time budget.
    const reader = createIsolatedReader(limits({ timeoutMs: 4_000, formDepth: 100, operatorsPerPage: 2 ** 50 }));
    const started = performance.now();
    const { documents, skipped } = await readCorpus(corpus, { reader, onWarning: (m) => warnings.push(m) }).finally(() => reader.close());
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(documents.map((d) => d.file)).toEqual(['page.html']);
    expect(skipped.map((s) => s.file)).toEqual(['nested-forms.pdf', 'unclosed-tags.html']);
    expect(warnings[0]).toMatch(/nested-forms\.pdf: exceeds the reader limit READER_TIMEOUT_MS=4000/);
    expect(warnings[1]).toMatch(/unclosed-tags\.html: exceeds the reader limit READER_MAX_DOM_DEPTH/);
  }, 40_000);

  it('reads an ordinary PDF within READER_MEMORY_MB, and stops a PDF deflate bomb at it', async () => {
    const file = path.join(dir, 'bomb.pdf');
    const [bomb] = (await hostileDocuments({ ...ISSUE_SIZES, bombBytes: 640 << 20 })).filter((d) => d.file === 'deflate-bomb.pdf');
    await writeFile(file, bomb!.bytes);
    // Past what the prescan inflates (decompressedBytes raised), so pdf.js inflates the bomb until the memory budget.
    const reader = createIsolatedReader(limits({ memoryMb: 700, decompressedBytes: 2 ** 40 }));
    try {
      // The budget is above what reading a real PDF takes (pdf.js and its fonts), so the bomb is what passes it.
      const ordinary = await reader.read('doc.pdf', path.join(REPO_ROOT, 'test/fixtures/documents/000_68c45a22bf89f6e7.pdf'), 'pdf');
      expect(reasonOf(ordinary)).toBeUndefined();
      expect(reasonOf(await reader.read('bomb.pdf', file, 'pdf'))).toMatch(/READER_MEMORY_MB=700 \(\d+ MB resident\)/);
    } finally {
      await reader.close();
    }
  }, 120_000);
});
