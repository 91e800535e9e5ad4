import type { Chunk } from '../chunking/types.js';
import type { DetectedLanguage } from '../corpus/types.js';

export type RetrievalMode = 'hybrid' | 'lexical' | 'dense';

/** A ranked chunk. `score` is mode-specific (RRF score in hybrid, BM25 in lexical, cosine similarity in dense). */
export interface SearchHit {
  chunk: Chunk;
  /** Title of the chunk's document (see documentTitle); citations fall back to the file name without it. */
  title?: string;
  score: number;
  /** BM25 score, when the lexical index ranked this chunk. */
  lexicalScore?: number;
  /** Cosine similarity to the query, when the dense index ranked this chunk. */
  denseScore?: number;
}

export interface SearchOptions {
  topK: number;
  /** Defaults to the index's own mode. */
  mode?: RetrievalMode;
  /** Language of the query, when known (used for stemming the query). */
  language?: DetectedLanguage;
}

/** Ranks chunks for a query; at most one hit per paragraph. */
export interface Searcher {
  search(query: string, options: SearchOptions): Promise<SearchHit[]>;
}
