/** The composition root: config → index (built if missing) → embedder → searcher → answerer → Hono app. */
import type { Hono } from 'hono';
import { createAnswerer } from './answer/create-answerer.js';
import type { Answerer } from './answer/types.js';
import type { Config } from './config.js';
import { detectLanguage } from './corpus/language.js';
import { openEmbedder, type OpenedEmbedder } from './embedding/open-embedder.js';
import { cachedQueryEmbedder, type CachedEmbedQuery } from './embedding/query-cache.js';
import { buildIndex, type BuildEvent } from './index/build-index.js';
import { corpusChanges, describeCorpusChanges } from './index/corpus-changes.js';
import { IndexCorruptError, IndexMissingError, loadIndex } from './index/load-index.js';
import { IndexMismatchError, assertSameModel, readManifest } from './index/manifest.js';
import type { LoadedIndex } from './index/types.js';
import { createListItemLookup } from './answer/list-items.js';
import { createSentenceAligner } from './answer/sentence-aligner.js';
import { createSentenceSimilarity } from './answer/sentence-similarity.js';
import { analyzeText } from './index/analyzer.js';
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
  /** The searcher's query vectors, when a model is loaded. */
  queryCache?: CachedEmbedQuery;
  app: Hono;
}

/** Distinct recent questions whose vectors are kept (384 floats each: ~3 KB, so ~6 MB at most). */
const QUERY_CACHE_ENTRIES = 2000;

/** Distinct sentences whose vectors are kept for answer sentence choice (1.5 KB each: ~30 MB at most). */
const SENTENCE_CACHE_ENTRIES = 20_000;
/** Sentences whose token states are kept for word alignment (~60 KB each: 2,000 hold ~120 MB at most). */
const ALIGNMENT_CACHE_ENTRIES = 2_000;

export interface RuntimeOptions {
  /** Build the index when INDEX_DIR has none (default true). */
  buildIfMissing?: boolean;
  onBuildEvent?: (event: BuildEvent) => void;
  log?: (entry: Record<string, unknown>) => void;
  /** Distinct recent questions whose vectors are kept (default 2000). */
  queryCacheEntries?: number;
  /** Opens the embedding model (default: `openEmbedder(config)`); tests pass an edge fake. */
  openEmbedder?: (config: Config) => Promise<OpenedEmbedder>;
}

/**
 * Loads (or first builds) the index and assembles everything the server needs.
 * @example const { app, mode } = await createRuntime(loadConfig());
 */
export async function createRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  const loadOptions = { indexDir: config.indexDir, model: config.embedding.model, retrieval: config.retrieval, efSearch: config.hnsw.efSearch };
  // One model load serves both the build (when the index is missing) and query embedding.
  let opening: Promise<OpenedEmbedder> | undefined;
  const openOnce = () => (opening ??= (options.openEmbedder ?? openEmbedder)(config));
  const log = options.log ?? jsonLineLog;
  let index: LoadedIndex;
  let builtNow = false;
  if (options.buildIfMissing !== false && (await modelArrivedLater(config, openOnce, log))) {
    try {
      await buildIndex(config, { loadEmbedder: openOnce, onEvent: options.onBuildEvent });
      builtNow = true;
    } catch (error) {
      if (config.retrieval === 'hybrid') throw error;
      log({ level: 'warn', msg: `Rebuilding the index with the embedding model failed (${(error as Error).message}); serving the lexical index as it was.` });
    }
  }
  try {
    index = await loadIndex(loadOptions);
  } catch (error) {
    const missing = error instanceof IndexMissingError;
    if (!(missing || error instanceof IndexCorruptError) || options.buildIfMissing === false) throw error;
    // A damaged index is rebuilt from the corpus rather than served (the build replaces it only when complete).
    if (!missing) log({ level: 'warn', msg: `${(error as Error).message.replace(/ Run `npm run index`.*$/, '')} Rebuilding it.` });
    await buildIndex(config, { loadEmbedder: openOnce, onEvent: options.onBuildEvent });
    index = await loadIndex(loadOptions);
    builtNow = true;
  }

  let embedder: OpenedEmbedder | undefined;
  if (index.dense) {
    try {
      embedder = await openOnce();
      // The model at the configured place may have changed since the build: its vectors must fit the index.
      assertSameModel(index.manifest, config.embedding.model, embedder.dimensions);
    } catch (error) {
      if (config.retrieval === 'hybrid') throw error;
      const reason =
        error instanceof IndexMismatchError
          ? `The index has vectors, but the query model does not fit them: ${error.message}`
          : `The index has vectors, but the query model could not be loaded: ${(error as Error).message}`;
      await embedder?.dispose().catch(() => {});
      embedder = undefined;
      log({ level: 'warn', msg: `${reason} Answering with lexical retrieval.` });
      index = { ...index, dense: undefined, manifest: { ...index.manifest, retrieval: 'lexical', reason } };
    }
  }

  const embedQuery = embedder ? cachedQueryEmbedder((q) => embedder!.embedQuery(q), options.queryCacheEntries ?? QUERY_CACHE_ENTRIES) : undefined;
  const searcher = createSearcher({ index, embedQuery, fusion: { k: config.fusion.k, weights: [config.fusion.lexicalWeight, 1] } });
  // An index built a moment ago matches the corpus; one loaded from disk may not.
  const stale = builtNow ? undefined : describeCorpusChanges(await corpusChanges(index.manifest, config.corpusDir));
  if (stale) log({ level: 'warn', msg: stale });
  const scoreSentences =
    embedder && embedQuery ? createSentenceSimilarity({ embedQuery, embedPassages: (texts) => embedder!.embedDocuments(texts), maxEntries: SENTENCE_CACHE_ENTRIES }) : undefined;
  const tokenStates = embedder?.tokenStates;
  const alignSentences = tokenStates
    ? createSentenceAligner({ tokenStates, isContent: (word, language) => analyzeText(word, language).length > 0, maxEntries: ALIGNMENT_CACHE_ENTRIES })
    : undefined;
  const answerer = createAnswerer(config, {
    alignSentences,
    onLlmError: (error) => log({ level: 'warn', msg: 'LLM call failed; answered extractively', error: error instanceof Error ? error.message : String(error) }),
    scoreSentences,
    listItemsAfter: createListItemLookup(index.chunks),
  });
  const app = createApp({
    config,
    index,
    searcher,
    answerer,
    detectLanguage,
    log,
    extraRoutes: widgetRoutes({ index, publicUrl: config.server.publicUrl }),
  });
  return { config, index, searcher, mode: searcher.defaultMode, answerer, embedder, queryCache: embedQuery, app };
}

/**
 * Whether INDEX_DIR holds a lexical-only index although the configured model loads now (it was missing at build
 * time): then the index is rebuilt with vectors before serving, instead of serving lexically for ever.
 * With RETRIEVAL=lexical nothing is tried; a model that still cannot load costs one failed attempt.
 */
async function modelArrivedLater(config: Config, openOnce: () => Promise<OpenedEmbedder>, log: (entry: Record<string, unknown>) => void): Promise<boolean> {
  if (config.retrieval === 'lexical') return false;
  const manifest = await readManifest(config.indexDir).catch(() => null);
  if (manifest?.retrieval !== 'lexical') return false;
  const loaded = await openOnce().then(
    () => true,
    () => false,
  );
  if (loaded) {
    const why = manifest.reason ? ` (${manifest.reason.split('\n')[0]})` : '';
    log({
      level: 'info',
      msg: `The index in ${config.indexDir} was built lexical-only${why}; the embedding model ${config.embedding.model} loads now, so the index is rebuilt with vectors before serving hybrid retrieval. The current index stays in place until the new one is complete.`,
    });
  }
  return loaded;
}
