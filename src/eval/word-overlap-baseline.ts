/** The reference ranking every evaluation report shows: paragraphs ranked by how many words they share with the question. */
import type { SourceDocument } from '../corpus/types.js';
import { paragraphKey } from './metrics.js';

const segmenter = new Intl.Segmenter('und', { granularity: 'word' });

/**
 * The distinct lower-cased words of a text, as Intl.Segmenter finds them (no stemming, no stop words).
 * @example wordsOf('Il Paese, il paese!') // Set { 'il', 'paese' }
 */
export function wordsOf(text: string): Set<string> {
  const words = new Set<string>();
  for (const segment of segmenter.segment(text)) {
    if (segment.isWordLike) words.add(segment.segment.toLowerCase());
  }
  return words;
}

/** Ranks paragraph keys for a question, best first, at most `k`. */
export type ParagraphRanker = (question: string, k: number) => string[];

/**
 * A ranker over every paragraph of `documents`: score = number of distinct question words the paragraph contains.
 * Paragraphs sharing no word are never returned; ties keep corpus order (file order, then paragraph number).
 * @example createWordOverlapBaseline(documents)('Chi è Mamay?', 10) // ['001_….txt#8', …]
 */
export function createWordOverlapBaseline(documents: readonly SourceDocument[]): ParagraphRanker {
  const paragraphs = documents.flatMap((doc) =>
    doc.paragraphs.map((p) => ({ key: paragraphKey(doc.file, p.number), words: wordsOf(p.text) })),
  );
  return (question, k) => {
    const questionWords = [...wordsOf(question)];
    return paragraphs
      .map((p, order) => ({ key: p.key, order, shared: questionWords.filter((w) => p.words.has(w)).length }))
      .filter((p) => p.shared > 0)
      .sort((a, b) => b.shared - a.shared || a.order - b.order)
      .slice(0, k)
      .map((p) => p.key);
  };
}
