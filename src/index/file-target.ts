/** The default build target: an index folder, written beside the old one and swapped into place when complete. */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createBuildDir, recoverIndexDir, swapIntoPlace } from './atomic-dir.js';
import type { BuildTarget, IndexParts } from './build-target.js';
import { withBuildLock } from './build-lock.js';
import { indexChecksums, verifyIndexChecksums, type ChecksummedFile } from './checksums.js';
import { readIndexChunks, toStoredChunk } from './chunk-store.js';
import { cacheKey, packVectors, sameEmbedding, unpackVectors, type EmbeddingCache, type PassageEmbedder } from './embed-chunks.js';
import { HnswIndex, type HnswParams } from './hnsw-index.js';
import { INDEX_README, indexPath } from './index-files.js';
import { readManifest, serializeManifest } from './manifest.js';
import type { Manifest } from './types.js';

/**
 * @example const target = fileTarget(config.indexDir, config.hnsw);
 */
export function fileTarget(indexDir: string, hnsw: HnswParams): BuildTarget {
  return {
    describe: indexDir,
    async withLock(work) {
      await mkdir(path.dirname(indexDir), { recursive: true });
      return withBuildLock(indexDir, work);
    },
    recover: () => recoverIndexDir(indexDir),
    embeddingCache: (embedder) => readEmbeddingCache(indexDir, embedder),
    async write(parts, { signal, onStage }) {
      const buildDir = await createBuildDir(indexDir);
      if (parts.vectors) {
        onStage('HNSW');
        const built = HnswIndex.build(parts.vectors.vectors, parts.vectors.dimensions, hnsw);
        try {
          await built.save(indexPath(buildDir, 'hnsw'));
        } catch (error) {
          throw new IndexWriteError(`Could not write the index file ${indexPath(buildDir, 'hnsw')}: ${(error as Error)?.message ?? String(error)}. The previous index was left in place.`);
        }
        await writeNamed(indexPath(buildDir, 'vectors'), packVectors(parts.vectors.vectors, parts.vectors.dimensions));
      }
      signal?.throwIfAborted();
      const manifest = await writeIndexFiles(buildDir, parts);
      signal?.throwIfAborted();
      await swapIntoPlace(buildDir, indexDir);
      return manifest;
    },
    close: async () => {},
  };
}

/** Vectors of the previous index, when it was built with the same model and weight format. */
async function readEmbeddingCache(indexDir: string, embedder: PassageEmbedder): Promise<EmbeddingCache> {
  const cache: EmbeddingCache = new Map();
  const previous = await readManifest(indexDir).catch(() => null);
  if (!previous || !sameEmbedding(previous, embedder)) return cache;
  try {
    await verifyIndexChecksums(indexDir, previous, ['chunks', 'documents', 'vectors']);
    const { chunks } = await readIndexChunks(indexDir);
    const vectors = unpackVectors(await readFile(indexPath(indexDir, 'vectors')), embedder.dimensions);
    if (vectors.length !== chunks.length) return cache;
    chunks.forEach((c, i) => cache.set(cacheKey(embedder.model, c.embedText), vectors[i]!));
  } catch {
    // An unreadable previous index only means nothing is reused.
  }
  return cache;
}

async function writeIndexFiles(dir: string, parts: IndexParts): Promise<Manifest> {
  await writeNamed(indexPath(dir, 'chunks'), JSON.stringify(parts.chunks.map(toStoredChunk)));
  await writeNamed(indexPath(dir, 'documents'), JSON.stringify(parts.documents));
  await writeNamed(indexPath(dir, 'lexical'), parts.lexical.toBuffer());
  await writeNamed(indexPath(dir, 'readme'), INDEX_README);
  const files: ChecksummedFile[] = parts.vectors ? ['chunks', 'documents', 'lexical', 'vectors', 'hnsw'] : ['chunks', 'documents', 'lexical'];
  const manifest: Manifest = { ...parts.manifest, checksums: await indexChecksums(dir, files) };
  // The manifest goes last: an index folder without one is never mistaken for a finished build.
  await writeNamed(indexPath(dir, 'manifest'), serializeManifest(manifest));
  return manifest;
}

/** Thrown when an index file cannot be written (a full disk, no permission); the message names the file. */
export class IndexWriteError extends Error {
  override name = 'IndexWriteError';
}

/** writeFile, with a failure (ENOSPC above all) turned into a message naming the file; the previous index stays. */
async function writeNamed(file: string, data: string | Uint8Array): Promise<void> {
  try {
    await writeFile(file, data);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOSPC' ? 'the disk is full' : code === 'EDQUOT' ? 'the disk quota is used up' : ((error as Error).message ?? String(error));
    throw new IndexWriteError(`Could not write the index file ${file}: ${why} (${code ?? 'error'}). The previous index was left in place.`);
  }
}
