/** Which title the widget shows beside a citation's file name. */
import type { Citation } from './api-types.js';

/**
 * The citation's document title, or undefined when there is nothing to show besides the file name: the title is the
 * file name itself, or the citation comes from a server (or a saved conversation) older than titles. Pure.
 * @example citationTitle({ file: 'a.txt', title: 'Elezioni in Kazakistan' }) // 'Elezioni in Kazakistan'
 */
export function citationTitle(citation: Pick<Citation, 'file'> & { title?: string }): string | undefined {
  const title = citation.title?.trim();
  return title && title !== citation.file ? title : undefined;
}
