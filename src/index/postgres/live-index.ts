/**
 * The index a server reads from PostgreSQL, kept current: it loads the generation a build announces by NOTIFY (LISTEN
 * on the primary) and, every DATABASE_POLL_MS as a fallback, asks (a replica, or the primary) which generation is
 * current and loads it when it changed. Requests in flight finish on the generation they started with; a generation
 * that fails to load is logged and the previous one keeps serving.
 */
import type pg from 'pg';
import type { Config } from '../../config.js';
import { IndexMissingError } from '../load-index.js';
import { checkVectorExtension, describeUrl, openPrimary } from './connect.js';
import { loadGeneration, type GenerationIndex } from './load-generation.js';
import { createReadRouter, type ReadRouter } from './read-router.js';
import { listenForGenerations } from './generation-listener.js';
import { currentGeneration } from './schema.js';

export interface LiveIndex {
  /** The generation serving now. */
  current(): GenerationIndex;
  /** Called with each new generation before it serves; throwing refuses it (the previous one keeps serving). */
  onChange(listener: (next: GenerationIndex) => void): void;
  /** Looks for a new generation now (the poller does this every DATABASE_POLL_MS), or loads `id` when it is newer. */
  refresh(id?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Connects, checks the `vector` extension and loads the current generation.
 * @throws DatabaseStartError when the database cannot be used; IndexMissingError before the first build.
 * @example const live = await openLiveIndex(config, log); live.current().chunks.length;
 */
export async function openLiveIndex(config: Config, log: (entry: Record<string, unknown>) => void): Promise<LiveIndex> {
  const database = config.database!;
  const primary = await openPrimary(database, log, config.hnsw.efSearch);
  let router: ReadRouter | undefined;
  try {
    await checkVectorExtension(primary, database.url);
    router = createReadRouter(database, primary, log, { efSearch: config.hnsw.efSearch });
    const id = await router.run((db) => currentGeneration(db));
    if (id === null) {
      throw new IndexMissingError(`No index in the database at ${describeUrl(database.url)} yet. Run \`npm run index\` with the same DATABASE_URL to build it.`);
    }
    const first = await loadGeneration(router, id, { retrieval: config.retrieval });
    const live = liveIndex(first, router, primary, config, log);
    const listener = await listenForGenerations(database, (announced) => void live.refresh(announced).catch(() => {}), log);
    return { ...live, close: () => listener.close().then(live.close) };
  } catch (error) {
    await router?.close();
    await primary.end().catch(() => {});
    throw error;
  }
}

function liveIndex(first: GenerationIndex, router: ReadRouter, primary: pg.Pool, config: Config, log: (entry: Record<string, unknown>) => void): LiveIndex {
  let serving = first;
  const listeners: ((next: GenerationIndex) => void)[] = [];
  let refreshing: Promise<void> | undefined;
  let failedGeneration: number | undefined;

  // An announced id is loaded as it is: a replica may not show it as current yet, the primary does.
  async function refreshOnce(announced?: number): Promise<void> {
    if (announced !== undefined && announced <= serving.generation) return;
    const id = announced ?? (await router.run((db) => currentGeneration(db)));
    if (id === null || id === serving.generation || id === failedGeneration) return;
    const started = performance.now();
    try {
      const next = await loadGeneration(router, id, { retrieval: config.retrieval });
      for (const listener of listeners) listener(next);
      const previous = serving.generation;
      serving = next;
      log({ level: 'info', msg: `Serving index generation ${id} (was ${previous}): ${next.manifest.files.length} files, ${next.chunks.length} chunks, loaded in ${Math.round(performance.now() - started)} ms` });
    } catch (error) {
      failedGeneration = id;
      log({ level: 'error', msg: `Index generation ${id} could not be loaded; still serving generation ${serving.generation}`, error: (error as Error).message });
    }
  }

  // A poll joins a refresh under way; an announcement runs after it (the poll may have read the previous id).
  function refresh(announced?: number): Promise<void> {
    if (refreshing && announced === undefined) return refreshing;
    const next: Promise<void> = (refreshing ?? Promise.resolve()).catch(() => {}).then(() => refreshOnce(announced));
    const clear = () => {
      if (refreshing === next) refreshing = undefined;
    };
    next.then(clear, clear);
    refreshing = next;
    return next;
  }
  let pollFailing = false;
  const timer = setInterval(() => {
    refresh().then(
      () => {
        if (pollFailing) log({ level: 'info', msg: 'Looking for new index generations works again' });
        pollFailing = false;
      },
      (error: unknown) => {
        if (!pollFailing) log({ level: 'warn', msg: 'Could not look for a new index generation (will keep trying)', error: (error as Error).message });
        pollFailing = true;
      },
    );
  }, config.database!.pollMs);
  timer.unref();

  return {
    current: () => serving,
    onChange: (listener) => listeners.push(listener),
    refresh,
    async close() {
      clearInterval(timer);
      await refreshing?.catch(() => {});
      await router.close();
      await primary.end().catch(() => {});
    },
  };
}
