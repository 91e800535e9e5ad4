/** The composition root: config → index (built if missing) → embedder → searcher → answerer → Hono app. */
import type { Hono } from 'hono';
import { createAnswerer, type ExtractiveDeps } from './answer/create-answerer.js';
import { createChatModel } from './answer/generative.js';
import { createQuestionRewriter } from './answer/rewrite-question.js';
import type { Answerer } from './answer/types.js';
import type { Config } from './config.js';
import { detectLanguage } from './corpus/language.js';
import { openEmbedder, type OpenedEmbedder } from './embedding/open-embedder.js';
import { cachedQueryEmbedder, type CachedEmbedQuery } from './embedding/query-cache.js';
import { openTokenSimilarities } from './embedding/runtime/token-similarity.js';
import { intraOpThreadsFor } from './embedding/transformers-embeddings.js';
import { buildIfNone, buildIndex, type BuildEvent } from './index/build-index.js';
import { corpusChanges, describeCorpusChanges } from './index/corpus-changes.js';
import { IndexCorruptError, IndexMissingError, loadIndex } from './index/load-index.js';
import { LexicalIndexError } from './index/lexical-index.js';
import { IndexMismatchError, assertSameModel, readManifest } from './index/manifest.js';
import type { LoadedIndex } from './index/types.js';
import { createListItemLookup, type ListItemsAfter } from './answer/list-items.js';
import type { Chunk } from './chunking/types.js';
import { createSentenceAligner, type SentenceAligner } from './answer/sentence-aligner.js';
import { findParagraph } from './corpus/find-paragraph.js';
import { documentAbbreviations } from './answer/abbreviations.js';
import { createSentenceSimilarity } from './answer/sentence-similarity.js';
import { isQuestionContentWord } from './answer/question-content-words.js';
import { createSearcher } from './retrieval/create-searcher.js';
import { followIndex } from './retrieval/follow-index.js';
import { openOrBuildLiveIndex } from './index/postgres/first-generation.js';
import type { LiveIndex } from './index/postgres/live-index.js';
import type { RetrievalMode, SearchOptions, Searcher } from './retrieval/types.js';
import { createIndexJob, type IndexJob } from './index/index-job.js';
import { adminApp } from './server/admin-app.js';
import { createApp } from './server/app.js';
import { limitHeapGrowth } from './server/heap-growth.js';
import { jsonLineLog } from './server/log.js';
import { widgetRoutes } from './widget/routes.js';

export interface Runtime {
  config: Config;
  /** The index as served: in lexical fallback its manifest says so, with the reason. */
  index: LoadedIndex;
  searcher: Searcher;
  mode: RetrievalMode;
  answerer: Answerer;
  /** What the extractive answerer reads besides the hits, over the current index: `npm run eval:gate` composes with it. */
  extractiveDeps: ExtractiveDeps;
  embedder?: OpenedEmbedder;
  /** The searcher's query vectors, when a model is loaded. */
  queryCache?: CachedEmbedQuery;
  /** What to serve: the app over the current index, behind the admin routes when ADMIN_API_KEY is set. */
  app: Hono;
  /** The app over the current index alone. */
  servedApp: Hono;
  /** The background index build behind the admin API (with ADMIN_API_KEY). */
  indexJob?: IndexJob;
  /** With DATABASE_URL: the generation watcher (its `current()` is the raw generation serving now). */
  live?: LiveIndex;
  /** Stops watching the database and closes its connections (nothing to do for a file index). */
  close(): Promise<void>;
}

/** Distinct recent questions whose vectors are kept (384 floats each: ~3 KB, so ~6 MB at most). */
const QUERY_CACHE_ENTRIES = 2000;

/** Longest wait for an LLM's rewrite of a follow-up before the rule is used instead. */
const REWRITE_TIMEOUT_MS = 5000;

/** Distinct sentences whose vectors are kept for answer sentence choice (1.5 KB each: ~30 MB at most). */
const SENTENCE_CACHE_ENTRIES = 20_000;
/** Question–sentence alignments kept (a few KB each: ~40 questions' worth, ~10 MB at most). */
const ALIGNMENT_ENTRIES = 2_000;

export interface RuntimeOptions {
  /** Build the index when INDEX_DIR (or, with DATABASE_URL, the database) has none (default true). */
  buildIfMissing?: boolean;
  onBuildEvent?: (event: BuildEvent) => void;
  /** Aborting stops a build the runtime started (npm start interrupted, or its npm launcher killed); the previous index stays. */
  signal?: AbortSignal;
  log?: (entry: Record<string, unknown>) => void;
  /** Distinct recent questions whose vectors are kept (default 2000). */
  queryCacheEntries?: number;
  /** Opens the embedding model (default: `openEmbedder(config)`); tests pass an edge fake. */
  openEmbedder?: (config: Config) => Promise<OpenedEmbedder>;
}

/**
 * Loads (or first builds) the index and assembles everything the server needs. With ADMIN_API_KEY the fields
 * `index`, `searcher`, `mode`, `answerer`, `extractiveDeps` and `servedApp` follow the index swapped in by the last admin build.
 * @example const { app, mode } = await createRuntime(loadConfig());
 */
export async function createRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  limitHeapGrowth(config.memory.heapGrowthPercent);
  // One model load serves both the build (when the index is missing) and query embedding.
  let opening: Promise<OpenedEmbedder> | undefined;
  const openOnce = () => (opening ??= (options.openEmbedder ?? openEmbedder)(servingConfig(config)));
  const log = options.log ?? jsonLineLog;
  let index: LoadedIndex;
  let builtNow = false;
  // With DATABASE_URL the index is a PostgreSQL generation: built by `npm run index`, or here when there is none yet.
  const buildFirst = (isBuilt: () => Promise<boolean>) => buildIfNone(config, { loadEmbedder: openOnce, onEvent: options.onBuildEvent, signal: options.signal }, isBuilt);
  const live = config.database
    ? await openOrBuildLiveIndex(config, { build: options.buildIfMissing === false ? undefined : buildFirst, log, signal: options.signal })
    : undefined;
  if (live) index = live.current();
  else ({ index, builtNow } = await loadOrBuildFileIndex(config, options, openOnce, log));

  let embedder: OpenedEmbedder | undefined;
  let lexicalReason: string | undefined;
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
      lexicalReason = reason;
    }
  }
  // Without a fitting query model every index is served lexically, saying why.
  const adapt = (ix: LoadedIndex): LoadedIndex =>
    lexicalReason ? { ...ix, dense: undefined, manifest: { ...ix.manifest, retrieval: 'lexical', reason: lexicalReason } } : ix;

  const deps = await servingDeps(embedder, { queryEntries: options.queryCacheEntries ?? QUERY_CACHE_ENTRIES, tokenStateBytes: config.memory.tokenStateBytes }, log);
  const { embedQuery } = deps;
  const close = async () => {
    await live?.close();
  };
  if (live) {
    if (embedder) {
      const { dimensions } = embedder;
      live.onChange((next) => next.dense && config.retrieval !== 'lexical' && assertSameModel(next.manifest, config.embedding.model, dimensions));
    }
    const serving = followingParts(config, adaptedOnce(() => live.current(), adapt), deps);
    // A build (npm run index, or the admin job) writes a new generation; every server follows it (NOTIFY, then polling).
    return withAdmin({ config, ...serving, embedder, queryCache: embedQuery, app: serving.servedApp, live, close }, embedder, log, async () => {});
  }
  index = adapt(index);
  // An index built a moment ago matches the corpus; one loaded from disk may not.
  const stale = builtNow ? undefined : describeCorpusChanges(await corpusChanges(index.manifest, config.corpusDir));
  if (stale) log({ level: 'warn', msg: stale });
  const serving = servingParts(config, index, deps);
  const runtime: Runtime = { config, ...serving, embedder, queryCache: embedQuery, app: serving.servedApp, close };
  const loadOptions = { indexDir: config.indexDir, model: config.embedding.model, retrieval: config.retrieval, efSearch: config.hnsw.efSearch };
  return withAdmin(runtime, embedder, log, async () => {
    const next = adapt(await loadIndex(loadOptions));
    Object.assign(runtime, servingParts(config, next.dense && !embedder ? { ...next, dense: undefined, manifest: { ...next.manifest, retrieval: 'lexical', reason: runtime.index.manifest.reason } } : next, deps), { app: runtime.app });
  });
}

/** With ADMIN_API_KEY: changes made through the admin API are built in the background, then `apply` swaps them in. */
function withAdmin(runtime: Runtime, embedder: OpenedEmbedder | undefined, log: (entry: Record<string, unknown>) => void, apply: () => Promise<void>): Runtime {
  const { config } = runtime;
  if (!config.admin) return runtime;
  const job = createIndexJob({
    build: (onEvent) => buildIndex(config, { loadEmbedder: embedder ? async () => embedder : undefined, onEvent }),
    apply,
    log,
  });
  runtime.indexJob = job;
  runtime.app = adminApp({ config: { ...config, admin: config.admin }, job, currentIndex: () => runtime.index, currentApp: () => runtime.servedApp, log });
  return runtime;
}

/**
 * Searcher, answerer and app over an index that changes under a running server (a new PostgreSQL generation): every
 * read goes to the generation serving now, and per-generation values are rebuilt once when it changes.
 */
function followingParts(
  config: Config,
  current: () => LoadedIndex,
  parts: ServingDeps,
): Pick<Runtime, 'index' | 'searcher' | 'mode' | 'answerer' | 'extractiveDeps' | 'servedApp'> {
  const followed = followIndex(current);
  const searcherNow = followed.per((ix) => createSearcher({ index: ix, embedQuery: parts.embedQuery, fusion: config.fusion, maxEmbedChars: config.questions.embedMaxChars, headingChars: config.chunking.shortParagraphChars }));
  const first = searcherNow();
  const searcher = { defaultMode: first.defaultMode, search: (query: string, o: SearchOptions) => searcherNow().search(query, o) };
  const listItemsNow = followed.per((ix) => createListItemLookup(ix.chunks));
  return assemble(config, followed.view, searcher, (chunk: Chunk) => listItemsNow()(chunk), parts);
}

/** Searcher, answerer and app over one index: rebuilt whole when a new index is swapped in. */
function servingParts(
  config: Config,
  index: LoadedIndex,
  parts: ServingDeps,
): Pick<Runtime, 'index' | 'searcher' | 'mode' | 'answerer' | 'extractiveDeps' | 'servedApp'> {
  const searcher = createSearcher({ index, embedQuery: parts.embedQuery, fusion: config.fusion, maxEmbedChars: config.questions.embedMaxChars, headingChars: config.chunking.shortParagraphChars });
  return assemble(config, index, searcher, createListItemLookup(index.chunks), parts);
}

function assemble(
  config: Config,
  index: LoadedIndex,
  searcher: Searcher & { defaultMode: RetrievalMode },
  listItemsAfter: ListItemsAfter,
  parts: ServingDeps,
): Pick<Runtime, 'index' | 'searcher' | 'mode' | 'answerer' | 'extractiveDeps' | 'servedApp'> {
  const { scoreSentences, alignSentences, log } = parts;
  const extractiveDeps: ExtractiveDeps = {
    alignSentences,
    scoreSentences,
    listItemsAfter,
    paragraphOf: (file, number) => findParagraph(index.documents, file, number),
    abbreviationsOf: (file) => documentAbbreviations(index.documents.get(file)),
  };
  const answerer = createAnswerer(config, {
    ...extractiveDeps,
    onLlmError: (error) => log({ level: 'warn', msg: 'LLM call failed; answered extractively', error: error instanceof Error ? error.message : String(error) }),
  });
  const servedApp = createApp({
    config,
    index,
    searcher,
    answerer,
    detectLanguage,
    log,
    rewriteQuestion: config.llm ? createQuestionRewriter(createChatModel(config.llm), Math.min(config.llm.timeoutMs, REWRITE_TIMEOUT_MS)) : undefined,
    extraRoutes: widgetRoutes({ index, publicUrl: config.server.publicUrl }),
  });
  return { index, searcher, mode: searcher.defaultMode, answerer, extractiveDeps, servedApp };
}

/** What serving needs besides the index: the query embedder and the model's sentence caches, kept across index swaps. */
interface ServingDeps {
  embedQuery?: CachedEmbedQuery;
  scoreSentences?: ReturnType<typeof createSentenceSimilarity>;
  alignSentences?: SentenceAligner;
  log: (entry: Record<string, unknown>) => void;
}

/** The config with the model's threads for a server (EMBEDDING_INTRA_OP_THREADS, when set, wins). */
function servingConfig(config: Config): Config {
  const { threads, intraOpThreads } = config.embedding;
  return { ...config, embedding: { ...config.embedding, intraOpThreads: intraOpThreads ?? intraOpThreadsFor('serve', threads) } };
}

/** The model's sentence vectors and token states depend on the text alone, so one cache of each serves every index. */
async function servingDeps(
  embedder: OpenedEmbedder | undefined,
  bounds: { queryEntries: number; tokenStateBytes: number },
  log: ServingDeps['log'],
): Promise<ServingDeps> {
  if (!embedder) return { log };
  const { tokenStates, encodeQuery } = embedder;
  const alignSentences = tokenStates
    ? createSentenceAligner({
        tokenStates,
        isContent: isQuestionContentWord,
        maxStateBytes: bounds.tokenStateBytes,
        maxAlignments: ALIGNMENT_ENTRIES,
        similarities: await openTokenSimilarities(),
      })
    : undefined;
  // A question's vector and its token states come from one model pass; the aligner keeps the states for the answer.
  const embedQuery = cachedQueryEmbedder(
    alignSentences && encodeQuery
      ? async (q) => {
          const { vector, states } = await encodeQuery(q);
          alignSentences.rememberQuestion(q, states);
          return vector;
        }
      : (q) => embedder.embedQuery(q),
    bounds.queryEntries,
  );
  const scoreSentences = createSentenceSimilarity({ embedQuery, embedPassages: (texts) => embedder.embedDocuments(texts), maxEntries: SENTENCE_CACHE_ENTRIES });
  return { embedQuery, scoreSentences, alignSentences, log };
}

/** `adapt` applied once per index object, so per-index values are not rebuilt on every read. */
function adaptedOnce(current: () => LoadedIndex, adapt: (ix: LoadedIndex) => LoadedIndex): () => LoadedIndex {
  let source: LoadedIndex | undefined;
  let adapted: LoadedIndex | undefined;
  return () => {
    const now = current();
    if (now !== source) {
      source = now;
      adapted = adapt(now);
    }
    return adapted!;
  };
}

/** The file index in INDEX_DIR: built first when missing, damaged, or lexical-only while the model now loads. */
async function loadOrBuildFileIndex(
  config: Config,
  options: RuntimeOptions,
  openOnce: () => Promise<OpenedEmbedder>,
  log: (entry: Record<string, unknown>) => void,
): Promise<{ index: LoadedIndex; builtNow: boolean }> {
  const loadOptions = { indexDir: config.indexDir, model: config.embedding.model, retrieval: config.retrieval, efSearch: config.hnsw.efSearch };
  let index: LoadedIndex;
  let builtNow = false;
  const rebuild = async () =>
    (await modelChanged(config, openOnce, log)) || (await weightsChanged(config, openOnce, log)) || (await modelArrivedLater(config, openOnce, log));
  if (options.buildIfMissing !== false && (await rebuild())) {
    try {
      await buildIndex(config, { loadEmbedder: openOnce, onEvent: options.onBuildEvent, signal: options.signal });
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
    if (!(missing || error instanceof IndexCorruptError || error instanceof LexicalIndexError) || options.buildIfMissing === false) throw error;
    // A damaged index, or one an older analyzer wrote, is rebuilt from the corpus rather than served or refused (the
    // build replaces it only when complete).
    if (!missing) {
      const reason = (error as Error).message.replace(/(?: Run `npm run index`|: rebuild the index \(npm run index\)).*$/, '').replace(/\.?$/, '.');
      log({ level: 'warn', msg: `${reason} Rebuilding it.` });
    }
    await buildIndex(config, { loadEmbedder: openOnce, onEvent: options.onBuildEvent, signal: options.signal });
    index = await loadIndex(loadOptions);
    builtNow = true;
  }

  return { index, builtNow };
}

/**
 * Whether INDEX_DIR holds vectors of another model than the one in use (an explicit EMBEDDING_MODEL, or the
 * index's model gone from disk): then the index is rebuilt with the model in use when it loads; when it does not,
 * start-up is refused with both names, rather than answering lexically without saying so.
 */
async function modelChanged(config: Config, openOnce: () => Promise<OpenedEmbedder>, log: (entry: Record<string, unknown>) => void): Promise<boolean> {
  if (config.retrieval === 'lexical') return false;
  const manifest = await readManifest(config.indexDir).catch(() => null);
  if (manifest?.retrieval !== 'hybrid' || manifest.model === config.embedding.model) return false;
  const failure = await openOnce().then(
    () => undefined,
    (error: unknown) => error as Error,
  );
  if (failure) {
    throw new IndexMismatchError(
      `The index in ${config.indexDir} was built with ${manifest.model}, and the model in use is ${config.embedding.model}` +
        `${config.embedding.explicit ? ' (EMBEDDING_MODEL)' : ''}, which cannot be loaded:\n${failure.message}\n` +
        `Fix: ${config.embedding.explicit ? `unset EMBEDDING_MODEL to keep using ${manifest.model}, or ` : ''}make ${config.embedding.model} loadable and start again.`,
    );
  }
  log({
    level: 'info',
    msg: `The index in ${config.indexDir} was built with ${manifest.model}; the model in use is ${config.embedding.model}, so the index is rebuilt with it before serving. The current index stays in place until the new one is complete.`,
  });
  return true;
}

/**
 * Whether INDEX_DIR holds the same model's vectors computed with another weight format (EMBEDDING_DTYPE, or `auto`
 * choosing another file): then the index is re-embedded before serving, so queries and passages come from one format.
 */
async function weightsChanged(config: Config, openOnce: () => Promise<OpenedEmbedder>, log: (entry: Record<string, unknown>) => void): Promise<boolean> {
  if (config.retrieval === 'lexical') return false;
  const manifest = await readManifest(config.indexDir).catch(() => null);
  if (manifest?.retrieval !== 'hybrid' || manifest.model !== config.embedding.model) return false;
  const embedder = await openOnce().catch(() => undefined);
  if (!embedder || manifest.weights === embedder.dtype) return false;
  log({
    level: 'info',
    msg: `The index in ${config.indexDir} holds vectors of the ${manifest.weights ?? 'unrecorded'} weight format and the model runs ${embedder.dtype} weights, so the index is re-embedded before serving. The current index stays in place until the new one is complete.`,
  });
  return true;
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
