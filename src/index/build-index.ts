/** The index build: corpus → paragraphs → chunks → (vectors) + BM25, handed to a target that makes it current atomically. */
import type { Config } from '../config.js';
import { createIsolatedReader } from '../corpus/isolated-reader.js';
import { chunkDocument } from '../chunking/chunk-document.js';
import { readCorpus } from '../corpus/read-corpus.js';
import type { SkippedFile } from '../corpus/types.js';
import type { BuildTarget, IndexParts } from './build-target.js';
import { embedChunks, type EmbedProgress, type PassageEmbedder } from './embed-chunks.js';
import { fileTarget } from './file-target.js';
import { LexicalIndex } from './lexical-index.js';
import { postgresTarget } from './postgres/postgres-target.js';
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
 * Builds the index for `config.corpusDir` into `config.indexDir`, or into PostgreSQL when DATABASE_URL is set. The
 * previous index is replaced only when the new one is complete. One build at a time per index folder or database:
 * a second one fails with BuildLockedError.
 * @example await buildIndex(loadConfig(), { loadEmbedder: () => openEmbedder(config) });
 */
export async function buildIndex(config: Config, deps: BuildDeps = {}): Promise<BuildReport> {
  return withTarget(config, (target) => target.withLock(() => buildUnlocked(config, deps, target)));
}

/**
 * Builds only when `isBuilt`, asked while holding the build lock, says there is no index yet: processes that start
 * together on one empty database build it once. Undefined when another process built it first.
 * @example await buildIfNone(config, { loadEmbedder }, () => hasGeneration(config.database));
 */
export async function buildIfNone(config: Config, deps: BuildDeps, isBuilt: () => Promise<boolean>): Promise<BuildReport | undefined> {
  return withTarget(config, (target) => target.withLock(async () => ((await isBuilt()) ? undefined : buildUnlocked(config, deps, target))));
}

async function withTarget<T>(config: Config, work: (target: BuildTarget) => Promise<T>): Promise<T> {
  const target = config.database ? await postgresTarget(config.database, config.hnsw) : fileTarget(config.indexDir, config.hnsw);
  try {
    return await work(target);
  } finally {
    await target.close();
  }
}

async function buildUnlocked(config: Config, deps: BuildDeps, target: BuildTarget): Promise<BuildReport> {
  const started = performance.now();
  const emit = deps.onEvent ?? (() => {});
  const { signal } = deps;
  await target.recover();

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

  let embedded = 0;
  let reused = 0;
  let vectors: IndexParts['vectors'];
  if (embedder) {
    emit({ type: 'stage', stage: 'embed', detail: embedder.model });
    const cache = await target.embeddingCache(embedder);
    const result = await embedChunks(chunks, embedder, {
      batchSize: config.embedding.batchSize,
      cache,
      signal,
      onProgress: (p) => emit({ type: 'embed', ...p }),
    });
    ({ embedded, reused } = result);
    signal?.throwIfAborted();
    vectors = { vectors: result.vectors, dimensions: embedder.dimensions };
  }

  emit({ type: 'stage', stage: 'index', detail: 'BM25' });
  const lexical = LexicalIndex.build(chunks);
  signal?.throwIfAborted();

  const manifest: Omit<Manifest, 'checksums'> = {
    version: MANIFEST_VERSION,
    builtAt: (deps.now ?? (() => new Date()))().toISOString(),
    corpusDir: config.corpusDir,
    model: embedder ? embedder.model : null,
    dimensions: vectors ? vectors.dimensions : null,
    ...(embedder?.dtype ? { weights: embedder.dtype } : {}),
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

  emit({ type: 'stage', stage: 'write', detail: target.describe });
  const written = await target.write(
    { manifest, chunks, documents: corpus.documents, lexical, vectors },
    { signal, onStage: (detail) => emit({ type: 'stage', stage: 'index', detail }) },
  );

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
