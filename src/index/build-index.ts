/** The index build: corpus → paragraphs → chunks → (vectors → HNSW) + BM25, written atomically into INDEX_DIR. */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Chunk } from '../chunking/types.js';
import { chunkDocument } from '../chunking/chunk-document.js';
import type { Config } from '../config.js';
import { createIsolatedReader } from '../corpus/isolated-reader.js';
import { readCorpus } from '../corpus/read-corpus.js';
import type { SkippedFile, SourceDocument } from '../corpus/types.js';
import { createBuildDir, recoverIndexDir, swapIntoPlace } from './atomic-dir.js';
import { cacheKey, embedChunks, packVectors, unpackVectors, type EmbedProgress, type EmbeddingCache, type PassageEmbedder } from './embed-chunks.js';
import { withBuildLock } from './build-lock.js';
import { indexChecksums, verifyIndexChecksums, type ChecksummedFile } from './checksums.js';
import { HnswIndex } from './hnsw-index.js';
import { readIndexChunks, toStoredChunk } from './chunk-store.js';
import { INDEX_README, indexPath } from './index-files.js';
import { LexicalIndex } from './lexical-index.js';
import { readManifest, serializeManifest } from './manifest.js';
import { MANIFEST_VERSION, type Manifest } from './types.js';

/** What a build reports as it goes; a command-line front end turns these into a progress bar. */
export type BuildEvent =
  | { type: 'warning'; message: string }
  | { type: 'stage'; stage: 'read' | 'chunk' | 'model' | 'embed' | 'index' | 'write'; detail?: string }
  | { type: 'files'; files: number; paragraphs: number; chunks: number }
  | { type: 'mode'; retrieval: Manifest['retrieval']; reason?: string }
  | ({ type: 'embed' } & EmbedProgress);

export interface BuildDeps {
  /** Opens the configured embedding model, or throws saying why it cannot. Omitted: lexical only. */
  loadEmbedder?: () => Promise<PassageEmbedder>;
  onEvent?: (event: BuildEvent) => void;
  /** Aborting stops the build between steps; the previous index stays as it was. */
  signal?: AbortSignal;
  /** Clock, for reproducible manifests in tests. */
  now?: () => Date;
}

export interface BuildReport {
  manifest: Manifest;
  skipped: SkippedFile[];
  /** Chunks embedded by this run, and chunks whose vectors came from the previous index. */
  embedded: number;
  reused: number;
  durationMs: number;
}

/** The configured model is required (RETRIEVAL=hybrid) but could not be loaded. */
export class ModelRequiredError extends Error {
  override name = 'ModelRequiredError';
}

/**
 * Builds the index for `config.corpusDir` into `config.indexDir`. The previous index is replaced only when the
 * new one is complete. One build at a time per index folder: a second one fails with BuildLockedError naming the first.
 * @example await buildIndex(loadConfig(), { loadEmbedder: () => openEmbedder(config) });
 */
export async function buildIndex(config: Config, deps: BuildDeps = {}): Promise<BuildReport> {
  await mkdir(path.dirname(config.indexDir), { recursive: true });
  return withBuildLock(config.indexDir, () => buildUnlocked(config, deps));
}

async function buildUnlocked(config: Config, deps: BuildDeps): Promise<BuildReport> {
  const started = performance.now();
  const emit = deps.onEvent ?? (() => {});
  const { signal } = deps;
  await recoverIndexDir(config.indexDir);

  emit({ type: 'stage', stage: 'read', detail: config.corpusDir });
  const reader = createIsolatedReader(config.readerLimits);
  const corpus = await readCorpus(config.corpusDir, { onWarning: (message) => emit({ type: 'warning', message }), limits: config.readerLimits, reader, signal }).finally(() =>
    reader.close(),
  );
  if (corpus.documents.length === 0) {
    throw new Error(`No readable .txt or .md files in ${config.corpusDir}. Set CORPUS_DIR to a folder of documents.`);
  }
  signal?.throwIfAborted();

  emit({ type: 'stage', stage: 'chunk' });
  const chunksByFile = new Map(corpus.documents.map((d) => [d.file, chunkDocument(d, config.chunking)]));
  const chunks = [...chunksByFile.values()].flat();
  const paragraphs = corpus.documents.reduce((n, d) => n + d.paragraphs.length, 0);
  emit({ type: 'files', files: corpus.documents.length, paragraphs, chunks: chunks.length });

  const { embedder, reason } = await openEmbedder(config, deps, emit);
  emit({ type: 'mode', retrieval: embedder ? 'hybrid' : 'lexical', reason });

  await mkdir(path.dirname(config.indexDir), { recursive: true });
  const buildDir = await createBuildDir(config.indexDir);
  let embedded = 0;
  let reused = 0;
  let dense: { dimensions: number } | null = null;
  if (embedder) {
    emit({ type: 'stage', stage: 'embed', detail: embedder.model });
    const cache = await readEmbeddingCache(config.indexDir, embedder);
    const result = await embedChunks(chunks, embedder, {
      batchSize: config.embedding.batchSize,
      cache,
      signal,
      onProgress: (p) => emit({ type: 'embed', ...p }),
    });
    ({ embedded, reused } = result);
    signal?.throwIfAborted();
    emit({ type: 'stage', stage: 'index', detail: 'HNSW' });
    const hnsw = HnswIndex.build(result.vectors, embedder.dimensions, config.hnsw);
    try {
      hnsw.save(indexPath(buildDir, 'hnsw'));
    } catch (error) {
      throw new IndexWriteError(`Could not write the index file ${indexPath(buildDir, 'hnsw')}: ${(error as Error)?.message ?? String(error)}. The previous index was left in place.`);
    }
    await writeNamed(indexPath(buildDir, 'vectors'), packVectors(result.vectors, embedder.dimensions));
    dense = { dimensions: embedder.dimensions };
  }

  emit({ type: 'stage', stage: 'index', detail: 'BM25' });
  const lexical = LexicalIndex.build(chunks);
  signal?.throwIfAborted();

  const manifest: Omit<Manifest, 'checksums'> = {
    version: MANIFEST_VERSION,
    builtAt: (deps.now ?? (() => new Date()))().toISOString(),
    corpusDir: config.corpusDir,
    model: embedder ? embedder.model : null,
    dimensions: dense ? dense.dimensions : null,
    retrieval: embedder ? 'hybrid' : 'lexical',
    ...(reason ? { reason } : {}),
    chunking: config.chunking,
    hnsw: embedder ? { m: config.hnsw.m, efConstruction: config.hnsw.efConstruction } : null,
    files: corpus.documents.map((d) => ({
      file: d.file,
      sha256: d.sha256,
      paragraphs: d.paragraphs.length,
      chunks: chunksByFile.get(d.file)!.length,
      language: d.language,
    })),
    chunks: chunks.length,
  };

  emit({ type: 'stage', stage: 'write', detail: config.indexDir });
  const written = await writeIndexFiles(buildDir, { manifest, chunks, documents: corpus.documents, lexical, dense: Boolean(dense) });
  signal?.throwIfAborted();
  await swapIntoPlace(buildDir, config.indexDir);

  return { manifest: written, skipped: corpus.skipped, embedded, reused, durationMs: performance.now() - started };
}

async function openEmbedder(
  config: Config,
  deps: BuildDeps,
  emit: (e: BuildEvent) => void,
): Promise<{ embedder?: PassageEmbedder; reason?: string }> {
  if (config.retrieval === 'lexical') return { reason: 'RETRIEVAL=lexical: no embedding model is used.' };
  if (!deps.loadEmbedder) return { reason: 'No embedding model was provided to the build.' };
  emit({ type: 'stage', stage: 'model', detail: config.embedding.model });
  try {
    return { embedder: await deps.loadEmbedder() };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (config.retrieval === 'hybrid') {
      throw new ModelRequiredError(`RETRIEVAL=hybrid, but the embedding model could not be loaded. ${message}`);
    }
    return { reason: message };
  }
}

/** Vectors of the previous index, when it was built with the same model. */
async function readEmbeddingCache(indexDir: string, embedder: PassageEmbedder): Promise<EmbeddingCache> {
  const cache: EmbeddingCache = new Map();
  const previous = await readManifest(indexDir).catch(() => null);
  if (!previous || previous.model !== embedder.model || previous.dimensions !== embedder.dimensions) return cache;
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

async function writeIndexFiles(
  dir: string,
  parts: { manifest: Omit<Manifest, 'checksums'>; chunks: Chunk[]; documents: SourceDocument[]; lexical: LexicalIndex; dense: boolean },
): Promise<Manifest> {
  await writeNamed(indexPath(dir, 'chunks'), JSON.stringify(parts.chunks.map(toStoredChunk)));
  await writeNamed(indexPath(dir, 'documents'), JSON.stringify(parts.documents));
  await writeNamed(indexPath(dir, 'lexical'), parts.lexical.toBuffer());
  await writeNamed(indexPath(dir, 'readme'), INDEX_README);
  const files: ChecksummedFile[] = parts.dense ? ['chunks', 'documents', 'lexical', 'vectors', 'hnsw'] : ['chunks', 'documents', 'lexical'];
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
