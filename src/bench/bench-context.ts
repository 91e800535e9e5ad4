/** What every benchmark step shares: settings, the scratch folder, the worker environment and the time budget. */
import type { BenchSettings } from './bench-report.js';

export interface BenchContext {
  settings: BenchSettings;
  /** Scratch folder for corpora and indexes, deleted at the end. */
  workDir: string;
  /** The project's own corpus folder. */
  corpusDir: string;
  /** Question texts used as queries (from src/eval/questions.jsonl). */
  queries: string[];
  /** Environment every worker gets, before step-specific settings (INDEX_DIR, EMBEDDING_MODEL, …). */
  baseEnv: Record<string, string>;
  /** performance.now() by which everything must be done. */
  deadline: number;
  log: (line: string) => void;
  notes: string[];
}

/** Milliseconds left in the budget. */
export function remainingMs(context: BenchContext): number {
  return context.deadline - performance.now();
}

/** The settings a worker sees: HNSW and chunking as configured, loopback, no request logs, rate limit and question caps off (the load comes from one client). */
export function workerEnv(settings: BenchSettings, modelsDir: string): Record<string, string> {
  return {
    MODELS_DIR: modelsDir,
    OFFLINE: '1',
    HNSW_M: String(settings.hnsw.m),
    HNSW_EF_CONSTRUCTION: String(settings.hnsw.efConstruction),
    HNSW_EF_SEARCH: String(settings.hnsw.efSearch),
    CHUNK_MAX_CHARS: String(settings.chunking.maxChars),
    CHUNK_OVERLAP_CHARS: String(settings.chunking.overlapChars),
    HOST: settings.serving.host,
    PORT: '0',
    LOG_REQUESTS: '0',
    RATE_LIMIT_PER_MINUTE: '0',
    QUESTIONS_PER_CLIENT: '0',
    QUESTIONS_IN_FLIGHT: '0',
    BENCH_DIMENSIONS: String(settings.dimensions),
  };
}
