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

/**
 * A lone letter and a full stop at a sentence's end is an initial or an abbreviation ("James E. Webb",
 * "S. W. A. T.", "ط. و. 99"), not the sentence's end: Unicode's rules break before the capital after it.
 */
const ENDS_WITH_INITIAL = /(?:^|[^\p{L}\p{M}\p{N}])\p{L}\.$/u;

/** `span` with whitespace moved out of both edges, or `undefined` if it holds only whitespace. */
export function trimSpan(text: string, span: TextSpan): TextSpan | undefined {
  let { start, end } = span;
  while (start < end && isSpace(text[start])) start += 1;
  while (end > start && isSpace(text[end - 1])) end -= 1;
  return start < end ? { start, end } : undefined;
}

/**
 * Longest text handed to a segmenter at once. V8's Intl.Segmenter gets slower per segment as its input grows, so a
 * whole 5 MB paragraph would take minutes; windows keep the work linear in the text's length.
 */
const SENTENCE_WINDOW = 4096;
/** How far back from a cut word and grapheme boundaries are looked for, and how far ahead for context. */
const WORD_LOOKBACK = 128;
const GRAPHEME_LOOKBACK = 16;
const LOOKAHEAD = 16;

/**
 * The sentences of `text` (Unicode sentence boundaries, via `Intl.Segmenter`), trimmed of
 * edge whitespace; whitespace-only segments are dropped. Together they cover every non-space character.
 * A sentence ending in an initial ("James E.") goes on into the next.
 * Text is segmented in windows of 4096 characters: each window's last sentence is segmented again in the next
 * window, so only a sentence longer than a window is cut at the window's last space (or, without one, at its end).
 * @example sentenceSpans('One. Two!') // [{ start: 0, end: 4 }, { start: 5, end: 9 }]
 */
export function sentenceSpans(text: string): TextSpan[] {
  return joinedAtInitials(text, segmentedSentences(text));
}

/** The spans with each one ending in an initial joined to the next. */
function joinedAtInitials(text: string, spans: readonly TextSpan[]): TextSpan[] {
  const joined: TextSpan[] = [];
  for (const span of spans) {
    const last = joined.at(-1);
    if (last && ENDS_WITH_INITIAL.test(text.slice(Math.max(last.start, last.end - 3), last.end))) last.end = span.end;
    else joined.push({ ...span });
  }
  return joined;
}

function segmentedSentences(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  const push = (start: number, end: number) => {
    const span = trimSpan(text, { start, end });
    if (span) spans.push(span);
  };
  let from = 0;
  while (from < text.length) {
    const to = Math.min(text.length, from + SENTENCE_WINDOW);
    const segments = [...sentenceSegmenter.segment(text.slice(from, to))].map((s) => ({ start: from + s.index, end: from + s.index + s.segment.length }));
    if (to === text.length) {
      for (const segment of segments) push(segment.start, segment.end);
      break;
    }
    if (segments.length > 1) {
      const last = segments.pop()!;
      for (const segment of segments) push(segment.start, segment.end);
      from = last.start; // the last sentence may go on past the window: read it again from its start
    } else {
      const cut = softCut(text, from, to);
      push(from, cut);
      from = cut;
    }
  }
  return spans;
}

/** Where to cut a sentence longer than a window: at the window's last whitespace, else at its end (not inside a surrogate pair or before a combining mark). */
function softCut(text: string, from: number, to: number): number {
  const space = lastSpaceBefore(text, from, to - 1);
  if (space !== undefined) return space;
  let cut = to;
  while (cut > from + 1 && /[\uDC00-\uDFFF\p{M}\u200D]/u.test(text[cut]!)) cut -= 1;
  return cut;
}

/**
 * Cuts a trimmed span into trimmed pieces of at most `maxChars` each, preferring (in order) a cut before
 * whitespace, at a word boundary, then between grapheme clusters. A piece is longer than `maxChars`
 * only when it is a single grapheme cluster longer than that (an emoji sequence with a tiny limit).
 * Boundaries are looked for only near each cut (word boundaries in the last 128 characters, grapheme boundaries in
 * the last 16), so the work per piece is bounded and a span of any length is cut in linear time.
 * @example splitAtWordBoundaries('aaa bbb ccc', { start: 0, end: 11 }, 7) // [{ start: 0, end: 7 }, { start: 8, end: 11 }]
 */
export function splitAtWordBoundaries(text: string, span: TextSpan, maxChars: number): TextSpan[] {
  const pieces: TextSpan[] = [];
  let start = span.start;
  while (span.end - start > maxChars) {
    const limit = start + maxChars;
    const cut =
      lastSpaceBefore(text, start, limit) ??
      lastBoundaryNear(wordSegmenter, text, start, limit, WORD_LOOKBACK, span.end) ??
      lastBoundaryNear(graphemeSegmenter, text, start, limit, GRAPHEME_LOOKBACK, span.end) ??
      firstGraphemeEnd(text, start, span.end);
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

/**
 * The last segment boundary in `(start, limit]`, looking back at most `lookback` characters from `limit` (with a
 * little text after `limit` for context). A window's own edges are not boundaries.
 */
function lastBoundaryNear(segmenter: Intl.Segmenter, text: string, start: number, limit: number, lookback: number, end: number): number | undefined {
  const from = Math.max(start, limit - lookback);
  const to = Math.min(end, limit + LOOKAHEAD);
  let found: number | undefined;
  for (const { index } of segmenter.segment(text.slice(from, to))) {
    const boundary = from + index;
    if (boundary > limit) break;
    if (index > 0 && boundary > start) found = boundary;
  }
  return found;
}

/** The end of the grapheme cluster starting at `start` (a cluster longer than any limit), or `end`. */
function firstGraphemeEnd(text: string, start: number, end: number): number {
  for (let window = 64; ; window *= 4) {
    const to = Math.min(end, start + window);
    const segments = graphemeSegmenter.segment(text.slice(start, to))[Symbol.iterator]();
    segments.next();
    const second = segments.next();
    if (!second.done) return start + second.value.index;
    if (to === end) return end;
  }
}
