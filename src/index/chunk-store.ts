/**
 * The saved form of chunks: offsets without the text, which is restored from the document's paragraph, so the
 * loaded index holds each paragraph's text once (slices share it) instead of two more copies per chunk.
 */
import { readFile } from 'node:fs/promises';
import type { Chunk } from '../chunking/types.js';
import { documentTitle } from '../corpus/document-title.js';
import type { SourceDocument } from '../corpus/types.js';
import { indexPath } from './index-files.js';

/** A chunk as saved in chunks.json: `embedText` only when it differs from the chunk's text. */
export type StoredChunk = Omit<Chunk, 'text' | 'embedText'> & { embedText?: string };

export function toStoredChunk({ text, embedText, ...rest }: Chunk): StoredChunk {
  return embedText === text ? rest : { ...rest, embedText };
}

/** A saved chunk names a paragraph that the saved documents do not have. */
export class ChunkRestoreError extends Error {
  override name = 'ChunkRestoreError';
}

/**
 * Reads an index folder's documents.json and chunks.json and restores the full chunks. A document saved without a
 * title (by a build older than titles) gets it derived from its paragraphs, as a build now does.
 * @throws ChunkRestoreError when they do not belong together; file and JSON errors as they come.
 */
export async function readIndexChunks(dir: string): Promise<{ documents: Map<string, SourceDocument>; chunks: Chunk[] }> {
  const documentList = JSON.parse(await readFile(indexPath(dir, 'documents'), 'utf8')) as SourceDocument[];
  const documents = new Map(documentList.map((d) => [d.file, { ...d, title: documentTitle(d) }]));
  const stored = JSON.parse(await readFile(indexPath(dir, 'chunks'), 'utf8')) as StoredChunk[];
  return { documents, chunks: restoreChunks(stored, documents) };
}

/**
 * Rebuilds full chunks from their saved form and the documents they came from.
 * @throws ChunkRestoreError when a chunk names a paragraph the documents do not have (an inconsistent index).
 */
export function restoreChunks(stored: readonly StoredChunk[], documents: ReadonlyMap<string, SourceDocument>): Chunk[] {
  return stored.map((chunk) => {
    const paragraph = documents.get(chunk.file)?.paragraphs[chunk.paragraph - 1];
    if (!paragraph) throw new ChunkRestoreError(`chunk ${chunk.id} names a paragraph that is not in documents.json`);
    const text = paragraph.text.slice(chunk.start, chunk.end);
    return { ...chunk, text, embedText: chunk.embedText ?? text };
  });
}
