/**
 * A hit is a chunk: one window of a paragraph. In a long paragraph the sentence that answers often stands in another
 * window than the one retrieval ranked first (an English question meets an Arabic paragraph as a whole, not sentence
 * by sentence), so the answerer reads each hit's paragraph around its chunk: the whole paragraph when it is short
 * enough, else the neighbouring sentences that fit. The widened hit is still an exact slice of its paragraph.
 */
import type { Chunk } from '../chunking/types.js';
import { sentenceSpans, type TextSpan } from '../chunking/sentences.js';
import type { Paragraph } from '../corpus/types.js';
import { boundedTextMemo } from '../index/bounded-memo.js';
import type { SearchHit } from '../retrieval/types.js';

/**
 * The sentences of a paragraph's text within reach of a chunk (the chunk and `maxChars` either side, ~3,100
 * characters at the defaults), remembered: the same chunks are retrieved for many questions. Their spans take well
 * under 1 byte a character of reach.
 */
const spansInReach = boundedTextMemo((text) => sentenceSpans(text), { maxChars: 1_000_000, maxLength: 4_096 });

/** The paragraph a chunk belongs to, from the loaded index's documents. */
export type ParagraphOf = (file: string, number: number) => Paragraph | undefined;

/**
 * Each hit widened to its paragraph (at most `maxChars`, around its chunk); a hit whose chunk lies inside an earlier
 * hit's widened text is dropped, so one paragraph is quoted under one citation, at its best rank.
 * @example widenHits(hits, paragraphOf, 1200)[0].chunk.text // the chunk's whole paragraph, when it fits
 */
export function widenHits(hits: readonly SearchHit[], paragraphOf: ParagraphOf, maxChars: number): SearchHit[] {
  const widened: SearchHit[] = [];
  for (const hit of hits) {
    const { chunk } = hit;
    const covered = widened.some((w) => w.chunk.file === chunk.file && w.chunk.paragraph === chunk.paragraph && w.chunk.start <= chunk.start && chunk.end <= w.chunk.end);
    if (covered) continue;
    const paragraph = paragraphOf(chunk.file, chunk.paragraph);
    widened.push(paragraph && paragraph.text.slice(chunk.start, chunk.end) === chunk.text ? { ...hit, chunk: widenChunk(chunk, paragraph.text, maxChars) } : hit);
  }
  return widened;
}

/** The chunk grown by whole sentences, one after and one before in turn, while it fits in `maxChars`. */
function widenChunk(chunk: Chunk, paragraph: string, maxChars: number): Chunk {
  if (chunk.end - chunk.start >= maxChars) return chunk;
  // Only the text within reach is segmented: a paragraph may be far longer than any answer.
  const from = Math.max(0, chunk.start - maxChars);
  const to = Math.min(paragraph.length, chunk.end + maxChars);
  const spans = spansInReach(paragraph.slice(from, to)).map((s) => ({ start: s.start + from, end: s.end + from }));
  // A sentence cut by the reach's edges is not whole: it is never added.
  const before = spans.filter((s) => s.end <= chunk.start && (from === 0 || s !== spans[0])).reverse();
  const after = spans.filter((s) => s.start >= chunk.end && (to === paragraph.length || s !== spans.at(-1)));
  let span: TextSpan = { start: chunk.start, end: chunk.end };
  for (let i = 0; i < Math.max(before.length, after.length); i += 1) {
    const next = after[i];
    if (next && next.end - span.start <= maxChars) span = { ...span, end: next.end };
    const previous = before[i];
    if (previous && span.end - previous.start <= maxChars) span = { ...span, start: previous.start };
    if ((!next || span.end < next.end) && (!previous || span.start > previous.start)) break;
  }
  if (span.start === chunk.start && span.end === chunk.end) return chunk;
  const text = paragraph.slice(span.start, span.end);
  return { ...chunk, id: `${chunk.file}#${chunk.paragraph}:${span.start}`, start: span.start, end: span.end, text, embedText: text };
}
