/** Where a build writes: the index folder (the default) or a PostgreSQL generation. The build itself does not care. */
import type { Chunk } from '../chunking/types.js';
import type { SourceDocument } from '../corpus/types.js';
import type { EmbeddingCache, PassageEmbedder } from './embed-chunks.js';
import type { LexicalIndex } from './lexical-index.js';
import type { Manifest } from './types.js';

/** Everything a finished build hands to its target. */
export interface IndexParts {
  manifest: Omit<Manifest, 'checksums'>;
  chunks: Chunk[];
  documents: SourceDocument[];
  lexical: LexicalIndex;
  /** One vector per chunk, in chunk order, when the build is hybrid. */
  vectors?: { vectors: Float32Array[]; dimensions: number };
}

export interface BuildTarget {
  /** For progress lines: the folder, or the database's host and name. */
  describe: string;
  /** Runs `work` while holding the target's build lock; a second builder fails with BuildLockedError. */
  withLock<T>(work: () => Promise<T>): Promise<T>;
  /** Clears what an interrupted build left behind (never the current index). */
  recover(): Promise<void>;
  /** Vectors of the current index, keyed as `embedChunks` looks them up, when built with the same model. */
  embeddingCache(embedder: PassageEmbedder): Promise<EmbeddingCache>;
  /** Writes the parts and makes them current in one step; the previous index serves until then. */
  write(parts: IndexParts, hooks: { signal?: AbortSignal; onStage: (detail: string) => void }): Promise<Manifest>;
  /** Releases connections; the folder target has none. */
  close(): Promise<void>;
}
