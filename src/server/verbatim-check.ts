/** The last check before citations leave the server: each one must quote its stored paragraph exactly. */
import { checkCitation } from '../answer/citations.js';
import type { Citation } from '../answer/types.js';
import { findParagraph } from '../corpus/find-paragraph.js';
import type { SourceDocument } from '../corpus/types.js';
import { apiError } from './errors.js';

type Quoted = Pick<Citation, 'file' | 'paragraph' | 'text' | 'start' | 'end'>;

/**
 * Throws a 500 (nothing is served) when a citation's text does not stand at `[start, end)` of its paragraph in the
 * loaded documents, which only a damaged index can cause; `onMismatch` gets the details for the log.
 * @example assertVerbatim(result.citations, deps.index.documents, (m) => deps.log({ level: 'error', ...m }));
 */
export function assertVerbatim(
  citations: readonly Quoted[],
  documents: ReadonlyMap<string, SourceDocument>,
  onMismatch: (details: Record<string, unknown>) => void,
): void {
  for (const citation of citations) {
    const paragraph = findParagraph(documents, citation.file, citation.paragraph);
    if (paragraph && citation.text.length > 0 && checkCitation(citation as Citation, paragraph.text)) continue;
    onMismatch({ msg: 'citation does not match its source paragraph', file: citation.file, paragraph: citation.paragraph, start: citation.start, end: citation.end });
    throw apiError(500, 'internal_error', 'A passage did not match its source text, so nothing was served. The index may be damaged: run `npm run index` to rebuild it.');
  }
}
