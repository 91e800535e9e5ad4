/** A paragraph of a loaded document by its number. */
import type { Paragraph, SourceDocument } from './types.js';

/**
 * Paragraph `number` of `file`: found at its position when numbers run 1, 2, 3…, else searched for.
 * @example findParagraph(index.documents, 'a.txt', 2)?.text
 */
export function findParagraph(documents: ReadonlyMap<string, SourceDocument>, file: string, number: number): Paragraph | undefined {
  const paragraphs = documents.get(file)?.paragraphs;
  const atPosition = paragraphs?.[number - 1];
  return atPosition?.number === number ? atPosition : paragraphs?.find((p) => p.number === number);
}
