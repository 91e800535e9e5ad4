/**
 * Paragraph agreement of the PDF, DOCX and HTML fixtures with the corpus .txt files they were made from (per
 * language and format, character error rate, every mismatch), the PDFs made from the .txt files as they are
 * (plain-text/, no space between paragraphs) among them, and the 300-page PDF's reading speed.
 * Run: npx tsx scripts/extraction-report.ts
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { documentFormatOf, readDocument } from '../src/corpus/document-readers.js';
import { parseDocument } from '../src/corpus/parse-document.js';
import { compareParagraphs } from '../src/eval/extraction-agreement.js';

const root = path.resolve(import.meta.dirname, '..');
const fixtures = path.join(root, 'test/fixtures/documents');
const totals = new Map<string, { matched: number; paragraphs: number; errors: number; chars: number }>();

for (const name of readdirSync(path.join(root, 'corpus')).filter((f) => f.endsWith('.txt')).sort()) {
  const source = parseDocument(name, readFileSync(path.join(root, 'corpus', name)), 'txt');
  if (!('document' in source)) continue;
  const language = source.document.language;
  const made = (folder: string) => readdirSync(path.join(fixtures, folder)).filter((f) => f.startsWith(name.replace(/\.txt$/, '.'))).sort().map((f) => path.join(folder, f));
  for (const file of [...made('.'), ...made('plain-text')]) {
    const parsed = await readDocument(file, readFileSync(path.join(fixtures, file)), documentFormatOf(file)!);
    if (!('document' in parsed)) {
      console.log(`${file}: skipped (${parsed.skipped.reason})`);
      continue;
    }
    const format = documentFormatOf(file)!;
    const agreement = compareParagraphs(source.document.paragraphs.map((p) => p.text), parsed.document.paragraphs.map((p) => p.text));
    const key = `${language} ${format}${file.startsWith('plain-text') ? ' (plain text)' : ''}`;
    const total = totals.get(key) ?? { matched: 0, paragraphs: 0, errors: 0, chars: 0 };
    const chars = source.document.paragraphs.reduce((n, p) => n + p.text.length + 1, 0);
    totals.set(key, { matched: total.matched + agreement.matched, paragraphs: total.paragraphs + agreement.sourceParagraphs, errors: total.errors + agreement.cer * chars, chars: total.chars + chars });
    console.log(`${file}: ${agreement.matched}/${agreement.sourceParagraphs} paragraphs equal (${agreement.extractedParagraphs} extracted), CER ${(agreement.cer * 100).toFixed(2)}%`);
    for (const { source: want, closest } of agreement.mismatches) {
      let at = 0;
      while (at < want.length && want[at] === closest[at]) at += 1;
      const from = Math.max(0, at - 30);
      console.log(`  source:    …${want.slice(from, at + 40)}…\n  extracted: …${closest.slice(from, at + 40)}…`);
    }
  }
}
console.log('\nlanguage format           paragraphs equal  CER');
for (const [key, t] of [...totals].sort()) {
  console.log(`${key.padEnd(24)}  ${t.matched}/${t.paragraphs} (${((100 * t.matched) / t.paragraphs).toFixed(1)}%)  ${((100 * t.errors) / t.chars).toFixed(2)}%`);
}

const long = readFileSync(path.join(fixtures, 'long-300-pages.pdf'));
const started = performance.now();
const parsed = await readDocument('long-300-pages.pdf', long, 'pdf');
const seconds = (performance.now() - started) / 1000;
const pages = 'document' in parsed ? Math.max(...parsed.document.paragraphs.map((p) => p.page ?? 0)) : 0;
console.log(`\nlong-300-pages.pdf: ${pages} pages read in ${seconds.toFixed(1)} s (${(pages / seconds).toFixed(1)} pages/s), peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
