/** The settings of a benchmark run: the configured HNSW and chunking settings, and the benchmark's own for full or quick runs. */
import path from 'node:path';
import type { Config } from '../config.js';
import type { BenchSettings } from './bench-report.js';
import { DEFAULT_VECTOR_SHAPE } from './random-text-embedder.js';

/** Every setting of a run: the configured HNSW and chunking settings, and the benchmark's own for full or quick runs. */
export function benchSettings(config: Config, quick: boolean, repoRoot: string): BenchSettings {
  return {
    quick,
    budgetSec: quick ? 60 : 600,
    seed: 20240601,
    dimensions: 384,
    hnsw: config.hnsw,
    chunking: config.chunking,
    synthetic: {
      sizes: quick ? [1_000, 10_000] : [1_000, 10_000, 100_000],
      paragraphsPerFile: 100,
      maxParagraphChars: Math.min(600, config.chunking.maxChars - 50),
      vectors: `seeded random unit vectors of low intrinsic dimension (${DEFAULT_VECTOR_SHAPE.latentDims}-dim Gaussian projected into 384, plus ${DEFAULT_VECTOR_SHAPE.noise * 100}% noise), one per chunk; no model`,
      queryVectors: 'drawn from the same distribution, seeded by the query text; no model',
    },
    serving: {
      host: '127.0.0.1',
      connections: [1, 8, 64],
      durationSec: quick ? 1 : 5,
      endpoints: ['POST /api/ask', 'GET /api/search', 'GET /health'],
      rateLimitPerMinute: 0,
      answers: 'extractive (no LLM configured in the server process)',
      queries: 'question texts of src/eval/questions.jsonl, cycled per connection',
    },
    scaling: { connections: quick ? [8] : [1, 8], targetConnections: 8, durationSec: quick ? 1 : 5 },
    hnswRecall: {
      sizes: quick ? [10_000] : [10_000, 100_000],
      queries: quick ? 50 : 200,
      k: 10,
      efValues: [10, 20, 40, 80, 160, 320],
      uniformSize: quick ? 2_000 : 10_000,
    },
    langchain: { size: quick ? 1_000 : 10_000, queries: quick ? 100 : 500, buildRepeats: 2 },
    models: { fixture: path.join(repoRoot, 'test/fixtures/tiny-model'), configured: config.embedding.model },
    // The real model embeds ~6 passages/s on 2 cores: quick runs build a tenth of the synthetic corpus.
    // Quick runs (CI) only show that the PostgreSQL path works end to end: 100k chunks take minutes per store.
    postgres: { size: quick ? 1_000 : 100_000 },
    realModel: { budgetSec: quick ? 90 : 900, syntheticChunks: quick ? 100 : 1_000, connections: [1, 8], durationSec: quick ? 2 : 10, cachedRounds: quick ? 3 : 10 },
  };
}
