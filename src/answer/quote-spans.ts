/** Where an answer quoted its passages: the spans of the quoted sentences, as offsets within each cited paragraph. */
import { splitSentences } from './sentences.js';
import type { Citation, QuoteSpan } from './types.js';

/** A sentence the answer quoted: its offsets within the chunk text of hit `hitIndex` (0-based). */
export interface QuotedSentence {
  hitIndex: number;
  start: number;
  end: number;
}

/**
 * The citations with `quotes` set from the quoted sentences: each span moved from chunk to paragraph offsets,
 * sorted, duplicates left out. Citations nothing was quoted from get `[]`. Pure.
 * @example withQuotes(citations, [{ hitIndex: 0, start: 0, end: 12 }])[0].quotes // [{ start: citation.start, end: citation.start + 12 }]
 */
export function withQuotes(citations: readonly Citation[], quoted: readonly QuotedSentence[]): Citation[] {
  return citations.map((citation, position) => {
    const spans = quoted
      .filter((q) => q.hitIndex === position)
      .map((q) => ({ start: citation.start + q.start, end: citation.start + q.end }))
      .sort((a, b) => a.start - b.start || a.end - b.end)
      .filter((span, i, all) => i === 0 || span.start !== all[i - 1].start || span.end !== all[i - 1].end);
    return { ...citation, quotes: spans };
  });
}

/**
 * The sentences of each cited passage that stand verbatim in a free-form answer (a language model's): a model
 * that paraphrases quotes nothing, so its citations get no spans rather than a guess.
 * @example verbatimSentences('It was founded in 1997 [1].', citations) // [{ hitIndex: 0, start: 0, end: 22 }] when passage 1 says so
 */
export function verbatimSentences(answer: string, citations: readonly Citation[]): QuotedSentence[] {
  return citations.flatMap((citation, hitIndex) =>
    splitSentences(citation.text)
      .filter((sentence) => answer.includes(sentence.text))
      .map(({ start, end }) => ({ hitIndex, start, end })),
  );
}

/** True when every span lies inside the paragraph text (UTF-16 offsets) and holds something. */
export function spansFit(quotes: readonly QuoteSpan[], paragraphLength: number): boolean {
  return quotes.every((q) => Number.isInteger(q.start) && Number.isInteger(q.end) && q.start >= 0 && q.start < q.end && q.end <= paragraphLength);
}
