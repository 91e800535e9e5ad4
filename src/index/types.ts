import type { Chunk, ChunkingOptions } from '../chunking/types.js';
import type { DetectedLanguage, SourceDocument } from '../corpus/types.js';

/** 2: `checksums` of every index file. */
export const MANIFEST_VERSION = 2;

export interface ManifestFile {
  file: string;
  sha256: string;
  paragraphs: number;
  chunks: number;
  language: DetectedLanguage;
}

/** `index/manifest.json`: what was built, from what, and how. */
export interface Manifest {
  version: number;
  builtAt: string;
  corpusDir: string;
  /** Embedding model id, or null for a lexical-only index. */
  model: string | null;
  dimensions: number | null;
  /** The model's weight format the vectors were computed with (EMBEDDING_DTYPE resolved), when known. */
  weights?: string;
  retrieval: 'hybrid' | 'lexical';
  /** Why the index is lexical-only, when it is. */
  reason?: string;
  chunking: ChunkingOptions;
  hnsw: { m: number; efConstruction: number } | null;
  files: ManifestFile[];
  chunks: number;
  /** SHA-256 (hex) of every other index file, by file name; checked before the index is loaded. */
  checksums: IndexFileChecksums;
  /** SHA-256 of this manifest's own pretty JSON without this field (see serializeManifest); absent only before it is written. */
  manifestSha256?: string;
}

/** File name (e.g. `lexical.bin`) → hex SHA-256. */
export type IndexFileChecksums = Record<string, string>;

/** Ranked ids from one of the two indexes. */
export interface RankedId {
  /** Position of the chunk in the index's chunk array. */
  index: number;
  score: number;
  /** Lexical hits: the share (0–1) of the query's IDF weight the chunk matches, comparable across queries as BM25 is not. */
  coverage?: number;
}

/** Everything the server needs, loaded once. */
export interface LoadedIndex {
  manifest: Manifest;
  chunks: Chunk[];
  /** Source documents with their paragraphs, by relative file path. */
  documents: Map<string, SourceDocument>;
  lexical: { search(query: string, k: number, language?: DetectedLanguage): RankedId[] };
  /** Present in hybrid mode: in memory (HNSW file) or in a database (pgvector), hence possibly async. */
  dense?: { search(vector: Float32Array | number[], k: number): RankedId[] | Promise<RankedId[]> };
  /** With DATABASE_URL: the PostgreSQL generation served, and when a build made it current (ISO 8601). */
  servedGeneration?: { id: number; currentSince: string };
}
