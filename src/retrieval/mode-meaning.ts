/** What a retrieval mode means for a user who asks in one language about documents in another. */
import type { RetrievalMode } from './types.js';

/**
 * One sentence per live mode, shown by /health and the demo page.
 * @example crossLingualMeaning('lexical') // 'By shared words and names only: …'
 */
export function crossLingualMeaning(mode: RetrievalMode): string {
  return mode === 'lexical'
    ? 'By shared words and names only: a question finds passages in its own language, and passages in another language only through names written alike across scripts. Load the embedding model for questions across languages.'
    : 'By meaning: a question in Arabic, Italian, Kazakh or English finds passages in any of these languages.';
}
