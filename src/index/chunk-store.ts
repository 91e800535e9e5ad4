/**
 * The saved form of chunks: offsets without the text, which is restored from the document's paragraph, so the
 * loaded index holds each paragraph's text once (slices share it) instead of two more copies per chunk.
 */
import type { Chunk } from '../chunking/types.js';
import type { SourceDocument } from '../corpus/types.js';

/** A chunk as saved in chunks.json: `embedText` only when it differs from the chunk's text. */
export type StoredChunk = Omit<Chunk, 'text' | 'embedText'> & { embedText?: string };

export function toStoredChunk({ text, embedText, ...rest }: Chunk): StoredChunk {
  return embedText === text ? rest : { ...rest, embedText };
}

/**
 * Rebuilds full chunks from their saved form and the documents they came from.
 * @throws when a chunk names a paragraph the documents do not have (an inconsistent index).
 */
export function restoreChunks(stored: readonly StoredChunk[], documents: ReadonlyMap<string, SourceDocument>): Chunk[] {
  return stored.map((chunk) => {
    const paragraph = documents.get(chunk.file)?.paragraphs[chunk.paragraph - 1];
    if (!paragraph) throw new Error(`chunk ${chunk.id} names a paragraph that is not in documents.json`);
    const text = paragraph.text.slice(chunk.start, chunk.end);
    return { ...chunk, text, embedText: chunk.embedText ?? text };
  });
}
