/** Citations from retrieved passages, and the check that a citation quotes its paragraph exactly. */
import type { SearchHit } from '../retrieval/types.js';
import { textDirection } from './text-direction.js';
import type { Citation } from './types.js';

/**
 * One citation per hit, in order; a citation's id is its hit's 1-based position. Nothing is quoted yet (`quotes: []`).
 * `dir` follows the passage's language, so it can be laid out as a block of its own.
 * The title is the hit's document title, or the file name when the hit has none.
 * @example buildCitations(hits)[0].id // 1
 */
export function buildCitations(hits: readonly SearchHit[]): Citation[] {
  return hits.map(({ chunk, title, score }, position) => ({
    id: position + 1,
    file: chunk.file,
    title: title ?? chunk.file,
    paragraph: chunk.paragraph,
    ...(chunk.page !== undefined && { page: chunk.page }),
    text: chunk.text,
    start: chunk.start,
    end: chunk.end,
    language: chunk.language,
    dir: textDirection(chunk.language, chunk.text),
    score,
    quotes: [],
  }));
}

/**
 * True when the citation's text stands verbatim at `[start, end)` of its paragraph's text.
 * @example checkCitation({ ...citation, text: 'b', start: 1, end: 2 }, 'abc') // true
 */
export function checkCitation(citation: Citation, paragraphText: string): boolean {
  const { start, end, text } = citation;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > paragraphText.length) {
    return false;
  }
  return paragraphText.slice(start, end) === text;
}
