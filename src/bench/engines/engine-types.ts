/** Shapes shared by the embedding-engine comparison and its child processes. */
import type { LatencySummary } from '../stats.js';

/** `today`: transformers.js v2 with onnxruntime 1.14 on the calling thread (the path before issue 17); the others: EMBEDDING_DTYPE on the worker-pool runtime. */
export type EngineName = 'today' | 'int8' | 'q4' | 'quantized' | 'fp32';

export interface EngineProbeInput {
  engine: EngineName;
  model: string;
  batchSize: number;
  /** Texts per embedDocuments call, as a build sends them. */
  callSize: number;
  passages: string[];
  questions: string[];
}

export interface EngineRun {
  engine: EngineName;
  loadMs: number;
  passagesPerSec: number;
  query: LatencySummary;
  /** Worst delay of a 10 ms timer in the same process while passages were embedded. */
  eventLoopMaxLagMs: number;
  steadyRssMB: number;
  peakRssMB: number;
}

export interface EngineComparison {
  model: string;
  passages: number;
  meanPassageTokens: number;
  questions: number;
  rounds: number;
  /** Every run, in the order measured (engines interleaved round by round). */
  runs: EngineRun[];
  /** float32 GFLOP/s of a MatMul probe of the encoder's shapes on this machine, and the passages/s it allows. */
  ceiling: { gflops: number; gflopPerPassage: number; passagesPerSec: number };
  loadAverage: { start: number[]; end: number[] };
}
