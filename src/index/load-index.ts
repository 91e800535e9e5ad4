/** Loading a built index from INDEX_DIR into memory, checking that it fits the configuration. */
import { readFile } from 'node:fs/promises';
import { recoverIndexDir } from './atomic-dir.js';
import { IndexCorruptError, verifyIndexChecksums } from './checksums.js';
import { ChunkRestoreError, readIndexChunks } from './chunk-store.js';
import { HnswIndex } from './hnsw-index.js';
import { indexPath } from './index-files.js';
import { LexicalIndex } from './lexical-index.js';
import { IndexMismatchError, assertSameModel, readManifest } from './manifest.js';
import type { LoadedIndex } from './types.js';

export interface LoadOptions {
  indexDir: string;
  /** The configured embedding model; a hybrid index built with another one is refused. */
  model: string;
  /** `lexical` skips the dense index even when the index has one. */
  retrieval: 'auto' | 'hybrid' | 'lexical';
  efSearch: number;
}

export { IndexCorruptError };

/** There is no index at all yet. */
export class IndexMissingError extends Error {
  override name = 'IndexMissingError';
}

/**
 * Loads manifest, chunks, documents, the BM25 index and (in hybrid mode) the HNSW index.
 * Every file is checked against the manifest's checksum first, so an edited or damaged file is refused by name.
 * @throws IndexMissingError when INDEX_DIR holds no index; IndexMismatchError when it was built differently;
 *   IndexCorruptError when a file does not match its checksum.
 */
export async function loadIndex(options: LoadOptions): Promise<LoadedIndex> {
  const { indexDir } = options;
  await recoverIndexDir(indexDir);
  const manifest = await readManifest(indexDir);
  if (!manifest) throw new IndexMissingError(`No index in ${indexDir}. Run \`npm run index\` to build it.`);
  if (options.retrieval === 'hybrid' && manifest.retrieval !== 'hybrid') {
    throw new IndexMismatchError(
      `RETRIEVAL=hybrid, but the index in ${indexDir} is lexical-only (${manifest.reason ?? 'no reason recorded'}). Rebuild it with the embedding model available.`,
    );
  }
  const useDense = manifest.retrieval === 'hybrid' && options.retrieval !== 'lexical';
  if (useDense) assertSameModel(manifest, options.model);
  await verifyIndexChecksums(indexDir, manifest, useDense ? ['documents', 'chunks', 'lexical', 'hnsw'] : ['documents', 'chunks', 'lexical']);

  const { documents, chunks } = await readIndexChunks(indexDir).catch((error: unknown) => {
    if (!(error instanceof ChunkRestoreError)) throw error;
    throw new IndexMismatchError(`The index in ${indexDir} is inconsistent (${error.message}). Run \`npm run index\` to rebuild it.`);
  });
  if (chunks.length !== manifest.chunks) {
    throw new IndexMismatchError(`The index in ${indexDir} is inconsistent (chunk count). Run \`npm run index\` to rebuild it.`);
  }
  const lexical = LexicalIndex.fromBuffer(await readFile(indexPath(indexDir, 'lexical')), chunks);
  const dense = useDense
    ? await HnswIndex.load(indexPath(indexDir, 'hnsw'), manifest.dimensions!, chunks.length, options.efSearch)
    : undefined;

  return {
    manifest,
    chunks,
    documents,
    lexical,
    dense,
  };
}
