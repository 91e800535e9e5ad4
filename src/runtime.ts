/** The composition root: config → index (built if missing) → embedder → searcher → answerer → Hono app. */
import type { Hono } from 'hono';
import { createAnswerer } from './answer/create-answerer.js';
import type { Answerer } from './answer/types.js';
import type { Config } from './config.js';
import { detectLanguage } from './corpus/language.js';
import { openEmbedder, type OpenedEmbedder } from './embedding/open-embedder.js';
import { cachedQueryEmbedder } from './embedding/query-cache.js';
import { buildIndex, type BuildEvent } from './index/build-index.js';
import { corpusChanges, describeCorpusChanges } from './index/corpus-changes.js';
import { IndexMissingError, loadIndex } from './index/load-index.js';
import type { LoadedIndex } from './index/types.js';
import { createSentenceSimilarity } from './answer/sentence-similarity.js';
import { createSearcher } from './retrieval/create-searcher.js';
import type { RetrievalMode, Searcher } from './retrieval/types.js';
import { createApp } from './server/app.js';
import { jsonLineLog } from './server/log.js';
import { widgetRoutes } from './widget/routes.js';

export interface Runtime {
  config: Config;
  /** The index as served: in lexical fallback its manifest says so, with the reason. */
  index: LoadedIndex;
  searcher: Searcher;
  mode: RetrievalMode;
  answerer: Answerer;
  embedder?: OpenedEmbedder;
  app: Hono;
}

/** Distinct recent questions whose vectors are kept (384 floats each: ~3 KB, so ~6 MB at most). */
const QUERY_CACHE_ENTRIES = 2000;

/** Distinct sentences whose vectors are kept for answer sentence choice (1.5 KB each: ~30 MB at most). */
const SENTENCE_CACHE_ENTRIES = 20_000;

export interface RuntimeOptions {
  /** Build the index when INDEX_DIR has none (default true). */
  buildIfMissing?: boolean;
  onBuildEvent?: (event: BuildEvent) => void;
  log?: (entry: Record<string, unknown>) => void;
}

/**
 * Loads (or first builds) the index and assembles everything the server needs.
 * @example const { app, mode } = await createRuntime(loadConfig());
 */
export async function createRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  const loadOptions = { indexDir: config.indexDir, model: config.embedding.model, retrieval: config.retrieval, efSearch: config.hnsw.efSearch };
  // One model load serves both the build (when the index is missing) and query embedding.
  let opening: Promise<OpenedEmbedder> | undefined;
  const openOnce = () => (opening ??= openEmbedder(config));
  let index: LoadedIndex;
  let builtNow = false;
  try {
    index = await loadIndex(loadOptions);
  } catch (error) {
    if (!(error instanceof IndexMissingError) || options.buildIfMissing === false) throw error;
    await buildIndex(config, { loadEmbedder: openOnce, onEvent: options.onBuildEvent });
    index = await loadIndex(loadOptions);
    builtNow = true;
  }

  let embedder: OpenedEmbedder | undefined;
  if (index.dense) {
    try {
      embedder = await openOnce();
    } catch (error) {
      if (config.retrieval === 'hybrid') throw error;
      const reason = `The index has vectors, but the query model could not be loaded: ${(error as Error).message}`;
      index = { ...index, dense: undefined, manifest: { ...index.manifest, retrieval: 'lexical', reason } };
    }
  }

  const embedQuery = embedder ? cachedQueryEmbedder((q) => embedder!.embedQuery(q), QUERY_CACHE_ENTRIES) : undefined;
  const searcher = createSearcher({ index, embedQuery, fusion: { k: config.fusion.k, weights: [config.fusion.lexicalWeight, 1] } });
  const log = options.log ?? jsonLineLog;
  // An index built a moment ago matches the corpus; one loaded from disk may not.
  const stale = builtNow ? undefined : describeCorpusChanges(await corpusChanges(index.manifest, config.corpusDir));
  if (stale) log({ level: 'warn', msg: stale });
  const scoreSentences =
    embedder && embedQuery ? createSentenceSimilarity({ embedQuery, embedPassages: (texts) => embedder!.embedDocuments(texts), maxEntries: SENTENCE_CACHE_ENTRIES }) : undefined;
  const answerer = createAnswerer(
    config,
    (error) => log({ level: 'warn', msg: 'LLM call failed; answered extractively', error: error instanceof Error ? error.message : String(error) }),
    scoreSentences,
  );
  const app = createApp({
    config,
    index,
    searcher,
    answerer,
    detectLanguage,
    log,
    extraRoutes: widgetRoutes({ index }),
  });
  return { config, index, searcher, mode: searcher.defaultMode, answerer, embedder, app };
}
