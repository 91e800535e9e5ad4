/** Test helper: SearchHits built by hand from real corpus lines (one chunk per non-blank line, as `txt` paragraphs). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DetectedLanguage } from '../../src/corpus/types.js';
import type { SearchHit } from '../../src/retrieval/types.js';

const CORPUS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../corpus');

/** Paragraph texts of a corpus file: its non-blank lines, trimmed; paragraph N is element N - 1. */
export function corpusParagraphs(file: string): string[] {
  return readFileSync(path.join(CORPUS_DIR, file), 'utf8')
    .split('\n')
    .map((line) => line.replace(/\r$/, '').trim())
    .filter(Boolean);
}

/**
 * One hit per requested paragraph number, in the order given, each chunk the whole paragraph.
 * `scores` are the hits' scores (default: decreasing from 1), `extra` is spread into every hit (e.g. denseScore).
 */
export function hitsFromCorpus(
  file: string,
  language: DetectedLanguage,
  paragraphNumbers: number[],
  extra: Partial<SearchHit> = {},
): SearchHit[] {
  const paragraphs = corpusParagraphs(file);
  return paragraphNumbers.map((number, position) => {
    const text = paragraphs[number - 1];
    if (text === undefined) throw new Error(`${file} has no paragraph ${number}.`);
    return {
      chunk: { id: `${file}#${number}:0`, file, paragraph: number, start: 0, end: text.length, language, text, embedText: text },
      score: 1 / (position + 1),
      ...extra,
    };
  });
}
