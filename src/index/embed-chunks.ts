/** Embeds chunks in batches, reusing vectors of unchanged texts from the previous index (the embedding cache). */
import { createHash } from 'node:crypto';
import type { Chunk } from '../chunking/types.js';
import type { Manifest } from './types.js';

/** What the build needs from an embedding model. */
export interface PassageEmbedder {
  /** Model id, part of the cache key. */
  model: string;
  dimensions: number;
  /** The weight format in use (`int8`, `q4`, …): vectors of another format are not reused. */
  dtype?: string;
  /** Embeds passages (the embedder applies the model's passage prefix). */
  embedDocuments(texts: string[]): Promise<number[][]>;
}

/** Vectors from an earlier build, keyed by `cacheKey(model, embedText)`. */
export type EmbeddingCache = Map<string, Float32Array>;

/** Model batches per embedDocuments call: enough for the worker pool to regroup by tokens and share among threads. */
const BATCHES_PER_CALL = 8;

export function cacheKey(model: string, text: string): string {
  return createHash('sha256').update(model).update('\0').update(text).digest('hex');
}

export interface EmbedProgress {
  done: number;
  total: number;
  /** Chunks whose vector came from the cache. */
  reused: number;
}

/**
 * Returns one unit vector per chunk, in order. Texts found in `cache` are not embedded again.
 * @throws the embedder's error, or an AbortError when `signal` fires between batches.
 */
export async function embedChunks(
  chunks: Chunk[],
  embedder: PassageEmbedder,
  options: { batchSize: number; cache: EmbeddingCache; signal?: AbortSignal; onProgress?: (p: EmbedProgress) => void },
): Promise<{ vectors: Float32Array[]; embedded: number; reused: number }> {
  const { batchSize, cache, signal, onProgress } = options;
  const keys = chunks.map((c) => cacheKey(embedder.model, c.embedText));
  const vectors: (Float32Array | undefined)[] = keys.map((k) => cache.get(k));
  // Similar lengths travel together: each call's texts are batched by token count inside the embedder, so a
  // length-sorted stream pads ~3% where chunk order padded ~28% (measured on the real model, issue 17).
  const missing = vectors.flatMap((v, i) => (v ? [] : [i])).sort((a, b) => chunks[a]!.embedText.length - chunks[b]!.embedText.length || a - b);
  const callSize = batchSize * BATCHES_PER_CALL;
  const reused = chunks.length - missing.length;
  onProgress?.({ done: reused, total: chunks.length, reused });

  for (let from = 0; from < missing.length; from += callSize) {
    signal?.throwIfAborted();
    const batch = missing.slice(from, from + callSize);
    const embedded = await embedder.embedDocuments(batch.map((i) => chunks[i]!.embedText));
    batch.forEach((chunkIndex, j) => {
      const vector = Float32Array.from(embedded[j]!);
      if (vector.length !== embedder.dimensions) {
        throw new Error(`Embedding model ${embedder.model} returned ${vector.length} dimensions, expected ${embedder.dimensions}.`);
      }
      vectors[chunkIndex] = vector;
    });
    onProgress?.({ done: reused + from + batch.length, total: chunks.length, reused });
  }
  return { vectors: vectors as Float32Array[], embedded: missing.length, reused };
}

/** Packs vectors into one little-endian float32 buffer (row-major), the layout of `vectors.f32`. */
export function packVectors(vectors: Float32Array[], dimensions: number): Buffer {
  const packed = new Float32Array(vectors.length * dimensions);
  vectors.forEach((v, i) => packed.set(v, i * dimensions));
  return Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength);
}

/** Splits a `vectors.f32` buffer back into rows. */
export function unpackVectors(buffer: Buffer, dimensions: number): Float32Array[] {
  const all = new Float32Array(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength));
  const rows: Float32Array[] = [];
  for (let offset = 0; offset < all.length; offset += dimensions) rows.push(all.subarray(offset, offset + dimensions));
  return rows;
}

/** Whether an index's vectors came from `embedder` as it is now: same model, size and weight format. */
export function sameEmbedding(manifest: Pick<Manifest, 'model' | 'dimensions' | 'weights'>, embedder: PassageEmbedder): boolean {
  return manifest.model === embedder.model && manifest.dimensions === embedder.dimensions && manifest.weights === embedder.dtype;
}
