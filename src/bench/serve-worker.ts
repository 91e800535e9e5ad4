/**
 * Benchmark worker: serves the API on 127.0.0.1 (free port) and answers memory questions from the parent.
 * Argument `runtime`: the real composition root (createRuntime) for the settings in the environment; `runtime-today`:
 * the same with today's embedding path (transformers.js v2 on the event loop), for comparisons in one run.
 * Argument `synthetic`: a benchmark index built with random vectors, queries embedded as seeded random vectors.
 * Message `embed-timing` (runtime only): times the server's query model behind a fresh query cache.
 */
import type { Hono } from 'hono';
import { createAnswerer } from '../answer/create-answerer.js';
import { createListItemLookup } from '../answer/list-items.js';
import { loadConfig } from '../config.js';
import { detectLanguage } from '../corpus/language.js';
import { loadIndex } from '../index/load-index.js';
import { createSearcher } from '../retrieval/create-searcher.js';
import type { OpenedEmbedder } from '../embedding/open-embedder.js';
import { createRuntime } from '../runtime.js';
import { createApp } from '../server/app.js';
import { startServer } from '../server/serve.js';
import { timeQueryEmbedding } from './query-embedding-timing.js';
import { createRandomTextEmbedder, RANDOM_MODEL_ID } from './random-text-embedder.js';
import { processMemory, sendToParent, type WorkerMessage } from './worker-process.js';

const config = loadConfig();

interface BenchApp {
  app: Hono;
  mode: string;
  chunks: number;
  embedder?: OpenedEmbedder;
}

async function syntheticApp(): Promise<BenchApp> {
  // With DATABASE_URL the synthetic index is a PostgreSQL generation (the store comparison of bench:postgres).
  const index = config.database
    ? (await (await import('../index/postgres/live-index.js')).openLiveIndex(config, () => {})).current()
    : await loadIndex({ indexDir: config.indexDir, model: RANDOM_MODEL_ID, retrieval: 'hybrid', efSearch: config.hnsw.efSearch });
  const embedder = createRandomTextEmbedder(index.manifest.dimensions ?? 384);
  const searcher = createSearcher({ index, embedQuery: embedder.embedQuery, fusion: config.fusion });
  const app = createApp({ config, index, searcher, answerer: createAnswerer(config, { listItemsAfter: createListItemLookup(index.chunks) }), detectLanguage, log: () => {} });
  return { app, mode: searcher.defaultMode, chunks: index.chunks.length };
}

async function runtimeApp(embedding: 'current' | 'today'): Promise<BenchApp> {
  // Imported only for today's path: transformers.js v2 brings its own onnxruntime, which would weigh on the others' RSS.
  const openEmbedder = embedding === 'today' ? (await import('./legacy/open-legacy-embedder.js')).openLegacyEmbedder : undefined;
  const runtime = await createRuntime(config, { buildIfMissing: false, log: () => {}, openEmbedder });
  return { app: runtime.app, mode: runtime.mode, chunks: runtime.index.chunks.length, embedder: runtime.embedder };
}

try {
  const { app, mode, chunks, embedder } = process.argv[2] === 'synthetic'
    ? await syntheticApp()
    : await runtimeApp(process.argv[2] === 'runtime-today' ? 'today' : 'current');
  const handle = await startServer(app, { host: '127.0.0.1', port: 0, handleSignals: false });
  process.on('message', async (raw) => {
    const message = raw as WorkerMessage;
    if (message.type === 'memory') await sendToParent({ type: 'memory', ...processMemory() });
    if (message.type === 'embed-timing') {
      const questions = message.questions as string[];
      const timing = embedder ? await timeQueryEmbedding((q) => embedder.embedQuery(q), questions, Number(message.rounds)) : undefined;
      await sendToParent({ type: 'embed-timing', ok: Boolean(timing), timing, error: timing ? undefined : 'the server has no query model (lexical index)' });
    }
    if (message.type === 'stop') {
      await handle.close();
      process.exit(0);
    }
  });
  process.on('disconnect', () => process.exit(0));
  await sendToParent({ type: 'ready', ok: true, url: handle.url, mode, chunks, ...processMemory() });
} catch (error) {
  await sendToParent({ type: 'ready', ok: false, error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
}
