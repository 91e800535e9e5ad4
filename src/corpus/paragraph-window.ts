/** A bounded run of a document's paragraphs, so no response carries a whole huge document. */
import type { Paragraph, SourceDocument } from './types.js';

/** Most text one window holds (UTF-16 units), and most paragraphs. A longer single paragraph is a window by itself. */
export const WINDOW_MAX_CHARS = 256 * 1024;
export const WINDOW_MAX_PARAGRAPHS = 500;

export interface ParagraphWindow {
  paragraphs: Paragraph[];
  /** Paragraph number the previous window starts at, when there is one. */
  previous?: number;
  /** Paragraph number the next window starts at, when there is one. */
  next?: number;
}

/**
 * The paragraphs from number `from` on, as many as fit the limits (at least one); `from` past the end gives none.
 * @example paragraphWindow(doc, 1).next // 812 for a document whose first 811 paragraphs fill 256 KB
 */
export function paragraphWindow(document: SourceDocument, from: number, maxChars = WINDOW_MAX_CHARS, maxParagraphs = WINDOW_MAX_PARAGRAPHS): ParagraphWindow {
  const all = document.paragraphs;
  const first = all.findIndex((p) => p.number >= from);
  if (first < 0) return { paragraphs: [], previous: all.length ? windowStartBefore(all, all.length, maxChars, maxParagraphs) : undefined };
  let end = first;
  let chars = 0;
  while (end < all.length && end - first < maxParagraphs && (end === first || chars + all[end].text.length <= maxChars)) {
    chars += all[end].text.length;
    end += 1;
  }
  return {
    paragraphs: all.slice(first, end),
    ...(first > 0 && { previous: windowStartBefore(all, first, maxChars, maxParagraphs) }),
    ...(end < all.length && { next: all[end].number }),
  };
}

/** Number of the first paragraph of the window that ends just before index `end`. */
function windowStartBefore(all: readonly Paragraph[], end: number, maxChars: number, maxParagraphs: number): number {
  let start = end - 1;
  let chars = all[start].text.length;
  while (start > 0 && end - start < maxParagraphs && chars + all[start - 1].text.length <= maxChars) {
    start -= 1;
    chars += all[start].text.length;
  }
  return all[start].number;
}
