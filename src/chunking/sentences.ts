/** Sentence spans and word-boundary cuts within a paragraph, as offsets into its text. */

/** A half-open range `[start, end)` of UTF-16 offsets into a text. */
export interface TextSpan {
  start: number;
  end: number;
}

// The root locale keeps segmentation independent of the machine's default locale.
const sentenceSegmenter = new Intl.Segmenter('und', { granularity: 'sentence' });
const wordSegmenter = new Intl.Segmenter('und', { granularity: 'word' });
const graphemeSegmenter = new Intl.Segmenter('und', { granularity: 'grapheme' });

const isSpace = (char: string | undefined): boolean => char !== undefined && /\s/.test(char);

/** `span` with whitespace moved out of both edges, or `undefined` if it holds only whitespace. */
export function trimSpan(text: string, span: TextSpan): TextSpan | undefined {
  let { start, end } = span;
  while (start < end && isSpace(text[start])) start += 1;
  while (end > start && isSpace(text[end - 1])) end -= 1;
  return start < end ? { start, end } : undefined;
}

/**
 * The sentences of `text` (Unicode sentence boundaries, via `Intl.Segmenter`), trimmed of
 * edge whitespace; whitespace-only segments are dropped. Together they cover every non-space character.
 * @example sentenceSpans('One. Two!') // [{ start: 0, end: 4 }, { start: 5, end: 9 }]
 */
export function sentenceSpans(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  for (const { segment, index } of sentenceSegmenter.segment(text)) {
    const span = trimSpan(text, { start: index, end: index + segment.length });
    if (span) spans.push(span);
  }
  return spans;
}

/**
 * Cuts a trimmed span into trimmed pieces of at most `maxChars` each, preferring (in order) a cut before
 * whitespace, at a word boundary, then between grapheme clusters. A piece is longer than `maxChars`
 * only when it is a single grapheme cluster longer than that (an emoji sequence with a tiny limit).
 * @example splitAtWordBoundaries('aaa bbb ccc', { start: 0, end: 11 }, 7) // [{ start: 0, end: 7 }, { start: 8, end: 11 }]
 */
export function splitAtWordBoundaries(text: string, span: TextSpan, maxChars: number): TextSpan[] {
  const pieces: TextSpan[] = [];
  const wordBoundaries = boundaries(wordSegmenter, text, span);
  const graphemeBoundaries = boundaries(graphemeSegmenter, text, span);
  let start = span.start;
  while (span.end - start > maxChars) {
    const limit = start + maxChars;
    const cut =
      lastSpaceBefore(text, start, limit) ??
      lastBetween(wordBoundaries, start, limit) ??
      lastBetween(graphemeBoundaries, start, limit) ??
      graphemeBoundaries.find((b) => b > start) ??
      span.end;
    const piece = trimSpan(text, { start, end: cut });
    if (piece) pieces.push(piece);
    start = cut;
    while (start < span.end && isSpace(text[start])) start += 1;
  }
  if (start < span.end) pieces.push({ start, end: span.end });
  return pieces;
}

/** Largest `c` in `(start, limit]` with whitespace at `c`, so the piece `[start, c)` ends before a space. */
function lastSpaceBefore(text: string, start: number, limit: number): number | undefined {
  for (let c = limit; c > start; c -= 1) {
    if (isSpace(text[c])) return c;
  }
  return undefined;
}

function lastBetween(sortedBoundaries: number[], start: number, limit: number): number | undefined {
  for (let i = sortedBoundaries.length - 1; i >= 0; i -= 1) {
    const b = sortedBoundaries[i];
    if (b <= limit) return b > start ? b : undefined;
  }
  return undefined;
}

/** Segment boundaries strictly inside `span`, as offsets into `text`, ascending. */
function boundaries(segmenter: Intl.Segmenter, text: string, span: TextSpan): number[] {
  const result: number[] = [];
  for (const { index } of segmenter.segment(text.slice(span.start, span.end))) {
    if (index > 0) result.push(span.start + index);
  }
  return result;
}
