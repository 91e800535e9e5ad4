/** Splits a document's paragraphs into citable chunks: sentence windows that never cross a paragraph. */
import type { Paragraph, SourceDocument } from '../corpus/types.js';
import { sentenceSpans, splitAtWordBoundaries, trimSpan, type TextSpan } from './sentences.js';
import type { Chunk, ChunkingOptions } from './types.js';

/**
 * Chunks every paragraph of `doc`, in paragraph order.
 *
 * - A paragraph of at most `maxChars` (after trimming edge whitespace) is one chunk.
 * - A longer one becomes windows of whole sentences, each at most `maxChars`; the next window starts
 *   with the trailing sentences of the previous one that fit in `overlapChars`. A sentence longer
 *   than `maxChars` is first cut at word boundaries, and its pieces count as sentences.
 * - A chunk is longer than `maxChars` only when it is one grapheme cluster longer than that.
 * - `text` is exactly `paragraph.text.slice(start, end)` and never starts or ends with whitespace.
 * - A paragraph shorter than `shortParagraphChars` (a heading) is embedded with the document's opening
 *   (the first chunk of paragraph 1) before it, so `embedText` = `${opening}\n${text}`; every other
 *   chunk has `embedText === text`.
 * @throws RangeError when an option is not a usable number.
 * @example chunkDocument(doc, { maxChars: 700, overlapChars: 120, shortParagraphChars: 40 })
 */
export function chunkDocument(doc: SourceDocument, options: ChunkingOptions): Chunk[] {
  checkOptions(options);
  const spansByParagraph = doc.paragraphs.map((p) => chunkSpans(p.text, options));
  const first = doc.paragraphs[0];
  const firstSpan = spansByParagraph[0]?.[0];
  const opening = first && firstSpan ? first.text.slice(firstSpan.start, firstSpan.end) : '';
  return doc.paragraphs.flatMap((paragraph, i) => {
    const isHeading = paragraph !== first && paragraph.text.trim().length < options.shortParagraphChars;
    return spansByParagraph[i].map((span) => toChunk(doc.file, paragraph, span, isHeading ? opening : ''));
  });
}

/**
 * The chunk spans of one paragraph's text, in order (see `chunkDocument` for the rules).
 * @example chunkSpans('One. Two. Three.', { maxChars: 11, overlapChars: 4, shortParagraphChars: 0 })
 *   // [{ start: 0, end: 9 }, { start: 5, end: 16 }]
 */
export function chunkSpans(text: string, options: ChunkingOptions): TextSpan[] {
  const whole = trimSpan(text, { start: 0, end: text.length });
  if (!whole) return [];
  if (whole.end - whole.start <= options.maxChars) return [whole];
  const units = sentenceSpans(text).flatMap((sentence) =>
    sentence.end - sentence.start > options.maxChars ? splitAtWordBoundaries(text, sentence, options.maxChars) : [sentence],
  );
  return packWindows(units, options.maxChars, options.overlapChars);
}

/** Greedy windows over consecutive units; each next window restarts at the trailing units that fit the overlap. */
function packWindows(units: TextSpan[], maxChars: number, overlapChars: number): TextSpan[] {
  const windows: TextSpan[] = [];
  let first = 0;
  while (first < units.length) {
    let last = first;
    while (last + 1 < units.length && units[last + 1].end - units[first].start <= maxChars) last += 1;
    windows.push({ start: units[first].start, end: units[last].end });
    if (last === units.length - 1) break;
    // The earliest unit of this window such that the carried-over text fits the overlap and the next
    // window still has room for a new unit (else no overlap), so every window makes progress.
    let next = last + 1;
    for (let k = last; k > first; k -= 1) {
      if (units[last].end - units[k].start > overlapChars || units[last + 1].end - units[k].start > maxChars) break;
      next = k;
    }
    first = next;
  }
  return windows;
}

function toChunk(file: string, paragraph: Paragraph, span: TextSpan, context: string): Chunk {
  const text = paragraph.text.slice(span.start, span.end);
  return {
    id: `${file}#${paragraph.number}:${span.start}`,
    file,
    paragraph: paragraph.number,
    start: span.start,
    end: span.end,
    language: paragraph.language,
    ...(paragraph.page !== undefined && { page: paragraph.page }),
    text,
    embedText: context ? `${context}\n${text}` : text,
  };
}

function checkOptions(options: ChunkingOptions): void {
  const rules: [keyof ChunkingOptions, number][] = [['maxChars', 1], ['overlapChars', 0], ['shortParagraphChars', 0]];
  for (const [name, min] of rules) {
    const value = options[name];
    if (!Number.isInteger(value) || value < min) {
      throw new RangeError(`chunkDocument: ${name} must be an integer ≥ ${min}, got ${value}.`);
    }
  }
}
