/** Deterministic synthetic corpora of any size, made by recombining the sentences of a real corpus. */
import type { SourceDocument } from '../corpus/types.js';
import { seededRandom } from './seeded-random.js';

export interface SyntheticCorpusOptions {
  /** Paragraphs to write in total (each short enough to be one chunk). */
  paragraphs: number;
  paragraphsPerFile: number;
  seed: number;
  /** No paragraph is longer than this (keep it under CHUNK_MAX_CHARS so a paragraph is one chunk). */
  maxParagraphChars: number;
}

export interface SyntheticFile {
  file: string;
  text: string;
}

const sentenceSegmenter = new Intl.Segmenter('und', { granularity: 'sentence' });

/** Sentences of the corpus, grouped by their paragraph's language; fragments and over-long sentences are left out. */
export function sentencePools(documents: readonly SourceDocument[], maxChars: number): Map<string, string[]> {
  const pools = new Map<string, string[]>();
  for (const doc of documents) {
    for (const paragraph of doc.paragraphs) {
      for (const { segment } of sentenceSegmenter.segment(paragraph.text)) {
        const sentence = segment.replace(/\s+/g, ' ').trim();
        if (sentence.length < 20 || sentence.length > maxChars || !/\p{L}{3}/u.test(sentence)) continue;
        const pool = pools.get(paragraph.language) ?? [];
        pool.push(sentence);
        pools.set(paragraph.language, pool);
      }
    }
  }
  return pools;
}

/**
 * Files of paragraphs separated by blank lines. Each file keeps to one language, chosen in proportion to that
 * language's share of sentences; each paragraph is 2–4 sentences (fewer when the length limit is reached) drawn (with replacement) from that language's pool.
 * The same options and corpus always give the same files.
 * @example makeSyntheticCorpus(documents, { paragraphs: 1000, paragraphsPerFile: 100, seed: 1, maxParagraphChars: 600 })
 */
export function makeSyntheticCorpus(documents: readonly SourceDocument[], options: SyntheticCorpusOptions): SyntheticFile[] {
  const pools = [...sentencePools(documents, options.maxParagraphChars)].sort(([a], [b]) => a.localeCompare(b));
  if (pools.length === 0) throw new Error('The corpus has no sentences to recombine: point the benchmark at a folder of documents.');
  const totalSentences = pools.reduce((n, [, pool]) => n + pool.length, 0);
  const random = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const choosePool = (): string[] => {
    let ticket = random() * totalSentences;
    for (const [, pool] of pools) {
      ticket -= pool.length;
      if (ticket < 0) return pool;
    }
    return pools[pools.length - 1]![1];
  };

  const files: SyntheticFile[] = [];
  const fileCount = Math.ceil(options.paragraphs / options.paragraphsPerFile);
  const digits = String(fileCount).length;
  for (let f = 0; f < fileCount; f++) {
    const pool = choosePool();
    const count = Math.min(options.paragraphsPerFile, options.paragraphs - f * options.paragraphsPerFile);
    const paragraphs: string[] = [];
    for (let p = 0; p < count; p++) {
      let paragraph = pick(pool);
      const extra = 1 + Math.floor(random() * 3);
      for (let s = 0; s < extra; s++) {
        const next = pick(pool);
        if (paragraph.length + 1 + next.length <= options.maxParagraphChars) paragraph += ` ${next}`;
      }
      paragraphs.push(paragraph);
    }
    files.push({ file: `synthetic-${String(f + 1).padStart(digits, '0')}.txt`, text: `${paragraphs.join('\n\n')}\n` });
  }
  return files;
}
