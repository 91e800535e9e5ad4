import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { chunkSpans } from '../src/chunking/chunk-document.js';
import { sentenceSpans } from '../src/chunking/sentences.js';
import { buildIndex } from '../src/index/build-index.js';
import { createTempProject } from './helpers/temp-project.js';

const OPTIONS = { maxChars: 700, overlapChars: 120, shortParagraphChars: 40 };
const MB = 1024 * 1024;

/** A text of `length` characters made of words (and sentences when `punctuate`), deterministic. */
function wordyText(length: number, punctuate: boolean): string {
  const words = ['Астана', 'elezioni', 'الانتخابات', 'prigionieri', 'сайлау', 'report', 'Kazakhstan', 'diritti'];
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < length; i++) {
    const word = words[(i * 7 + (i >> 3)) % words.length] + (punctuate && i % 11 === 10 ? '.' : '');
    parts.push(word);
    size += word.length + 1;
  }
  return parts.join(' ').slice(0, length);
}

describe('chunking time is linear in paragraph length', () => {
  test('a 5 MB line and a 5 MB run without spaces index in seconds, not minutes', async () => {
    const project = await createTempProject({ RETRIEVAL: 'lexical' });
    await writeFile(path.join(project.corpusDir, 'one-line.txt'), wordyText(5 * MB, true));
    await writeFile(path.join(project.corpusDir, 'no-spaces.txt'), 'x'.repeat(5 * MB));
    const started = performance.now();
    const report = await buildIndex(project.config);
    const seconds = (performance.now() - started) / 1000;
    const files = new Map(report.manifest.files.map((f) => [f.file, f]));
    expect(files.get('one-line.txt')!.chunks).toBeGreaterThan(5 * MB / OPTIONS.maxChars);
    expect(files.get('no-spaces.txt')!.chunks).toBeGreaterThan(5 * MB / OPTIONS.maxChars);
    // Before the windows, 200 KB without punctuation took 72 s and 5 MB without spaces did not finish in 300 s.
    expect(seconds).toBeLessThan(60);
  }, 120_000);

  test('a long paragraph without punctuation is cut into pieces that cover it, in time proportional to its length', () => {
    const text = wordyText(400_000, false);
    const spans = chunkSpans(text, OPTIONS);
    expect(spans.every((s) => s.end - s.start <= OPTIONS.maxChars)).toBe(true);
    const covered = spans.reduce((end, s) => {
      expect(text.slice(end, s.start).trim()).toBe(''); // nothing but spaces between chunks
      return Math.max(end, s.end);
    }, 0);
    expect(text.slice(covered).trim()).toBe('');
  });

  test('segmenting in windows finds the same sentences as segmenting the whole text', () => {
    const text = wordyText(20_000, true);
    const whole = [...new Intl.Segmenter('und', { granularity: 'sentence' }).segment(text)].map((s) => s.segment.trim()).filter(Boolean);
    expect(sentenceSpans(text).map((s) => text.slice(s.start, s.end))).toEqual(whole);
  });
});
