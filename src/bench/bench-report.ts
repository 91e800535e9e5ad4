/** The benchmark report as data (bench.json) and the targets it is judged against. */
import type { HnswRecallResult } from './hnsw-recall.js';
import type { LangChainComparison } from './langchain-compare.js';
import type { LoadResult } from './load-test.js';
import type { MachineInfo } from './machine.js';
import type { PostgresComparison } from './postgres-step.js';
import type { QueryEmbeddingTiming } from './query-embedding-timing.js';
import type { LatencySummary } from './stats.js';

/** One index build in a child process. */
export interface BuildRun {
  label: string;
  model: string;
  status: 'ok' | 'unavailable' | 'failed' | 'skipped';
  reason?: string;
  chunks?: number;
  files?: number;
  retrieval?: string;
  durationMs?: number;
  chunksPerSec?: number;
  /** Chunks per second counting everything but the embedding stage. */
  chunksPerSecWithoutEmbedding?: number;
  peakRssMB?: number;
  stagesMs?: Record<string, number>;
  /** How far the embedding of a build stopped by the time budget got. */
  partial?: { embeddedChunks: number; totalChunks: number; embedMs: number; embedChunksPerSec: number };
}

export interface ServingRun extends LoadResult {
  endpoint: string;
}

export interface ServingResult {
  index: { chunks: number; mode: string; model: string };
  runs: ServingRun[];
  serverRssMB: number;
  serverPeakRssMB: number;
}

/** Step f: the real multilingual model end to end, or why it was not measured. */
export interface RealModelResult {
  status: 'ok' | 'skipped' | 'failed';
  reason?: string;
  /** The model folder, and which setting pointed at it. */
  model?: string;
  source?: string;
  quantized?: boolean;
  /** corpus/ and the synthetic corpus, embedded by the real model. */
  builds: BuildRun[];
  queryEmbedding?: QueryEmbeddingTiming;
  /** POST /api/ask sent once per distinct question, one at a time: every query embedding a cache miss. */
  firstAsk?: LatencySummary;
  serving?: ServingResult;
}

export interface ScalingRow {
  requestedChunks: number;
  status: 'ok' | 'skipped' | 'failed';
  reason?: string;
  build?: BuildRun;
  indexBytes?: number;
  /** Server memory after loading the index, after the load runs, and its peak. */
  serverRssLoadedMB?: number;
  serverRssAfterMB?: number;
  serverPeakRssMB?: number;
  /** GET /api/search and POST /api/ask at each scaling concurrency. */
  runs?: ServingRun[];
}

/** The run of `endpoint` at `connections` in a scaling row, if it was measured. */
export function scalingRun(row: ScalingRow | undefined, endpoint: 'GET /api/search' | 'POST /api/ask', connections: number): ServingRun | undefined {
  return row?.runs?.find((r) => r.endpoint === endpoint && r.connections === connections);
}

export interface HnswRun extends HnswRecallResult {
  label: string;
  /** A synthetic index's vectors (low-rank random), or uniform random vectors indexed in process (worst case). */
  dataset: 'uniform' | 'low-rank';
  /** The synthetic corpus size whose index was measured, or the number of uniform vectors. */
  requestedChunks: number;
  /** In-process build time of the uniform set (the synthetic indexes' builds are in section c). */
  buildMs?: number;
}

export interface TargetResult {
  name: string;
  /** e.g. "≤ 15 ms". */
  target: string;
  measured: number | null;
  unit: string;
  pass: boolean | null;
  /** By how much it passed or missed, or why it was not measured. */
  margin: string;
}

export interface BenchSettings {
  quick: boolean;
  budgetSec: number;
  seed: number;
  dimensions: number;
  hnsw: { m: number; efConstruction: number; efSearch: number };
  chunking: { maxChars: number; overlapChars: number; shortParagraphChars: number };
  synthetic: { sizes: number[]; paragraphsPerFile: number; maxParagraphChars: number; vectors: string; queryVectors: string };
  serving: { host: string; connections: number[]; durationSec: number; endpoints: string[]; rateLimitPerMinute: 0; answers: string; queries: string };
  /** Concurrencies of the scaling runs; targets are read at `targetConnections`. */
  scaling: { connections: number[]; targetConnections: number; durationSec: number };
  /** d: synthetic indexes measured (low-rank vectors), and the size of the uniform worst-case set. */
  hnswRecall: { sizes: number[]; queries: number; k: number; efValues: number[]; uniformSize: number };
  langchain: { size: number; queries: number; buildRepeats: number };
  models: { fixture: string; configured: string };
  /** Step f, with the real model: its own time budget, synthetic corpus size and load runs. */
  realModel: { budgetSec: number; syntheticChunks: number; connections: number[]; durationSec: number; cachedRounds: number };
  /** Step g: the file index and PostgreSQL side by side on one synthetic corpus of this many chunks. */
  postgres: { size: number };
}

export interface BenchReport {
  createdAt: string;
  elapsedSec: number;
  command: string;
  machine: MachineInfo;
  settings: BenchSettings;
  build: BuildRun[];
  serving?: ServingResult;
  scaling: ScalingRow[];
  hnsw: HnswRun[];
  langchain?: LangChainComparison;
  realModel: RealModelResult;
  /** Step g; absent when it was skipped (the notes say why). */
  postgres?: PostgresComparison;
  targets: TargetResult[];
  notes: string[];
}

/** How a measured value compares with a limit: `max` targets must stay at or below, `min` targets at or above. */
export function judge(name: string, kind: 'max' | 'min', limit: number, measured: number | undefined | null, unit: string, missingWhy: string): TargetResult {
  const target = `${kind === 'max' ? '≤' : '≥'} ${limit} ${unit}`.trim();
  if (measured === undefined || measured === null || Number.isNaN(measured)) return { name, target, measured: null, unit, pass: null, margin: missingWhy };
  const pass = kind === 'max' ? measured <= limit : measured >= limit;
  const difference = Math.abs(measured - limit);
  const percent = limit === 0 ? '' : ` (${((difference / limit) * 100).toFixed(0)}%)`;
  const direction = kind === 'max' ? (pass ? 'under' : 'over') : pass ? 'above' : 'below';
  return { name, target, measured, unit, pass, margin: `${Number(difference.toPrecision(3))} ${unit} ${direction}${percent}`.replace(/ {2}/g, ' ') };
}

/** Every target of the brief, judged against what this run measured. */
export function evaluateTargets(report: Omit<BenchReport, 'targets'>): TargetResult[] {
  const row = (n: number) => report.scaling.find((r) => r.requestedChunks === n && r.status === 'ok');
  const p95 = (r: ScalingRow | undefined, endpoint: 'GET /api/search' | 'POST /api/ask') => scalingRun(r, endpoint, 8)?.latencyMs.p95;
  const notRun = (n: number) => {
    const r = report.scaling.find((s) => s.requestedChunks === n);
    return r ? `not measured: ${r.reason ?? r.status}` : `not measured: ${formatSize(n)} chunks not in this run${report.settings.quick ? ' (--quick)' : ''}`;
  };
  const targets: TargetResult[] = [
    judge('10k chunks, concurrency 8: GET /api/search p95', 'max', 15, p95(row(10_000), 'GET /api/search'), 'ms', notRun(10_000)),
    judge('10k chunks, concurrency 8: POST /api/ask (extractive) p95', 'max', 25, p95(row(10_000), 'POST /api/ask'), 'ms', notRun(10_000)),
    judge('100k chunks, concurrency 8: GET /api/search p95', 'max', 50, p95(row(100_000), 'GET /api/search'), 'ms', notRun(100_000)),
    judge('100k chunks, concurrency 8: POST /api/ask p95', 'max', 50, p95(row(100_000), 'POST /api/ask'), 'ms', notRun(100_000)),
    judge('100k chunks: server peak RSS', 'max', 600, row(100_000)?.serverPeakRssMB, 'MB', notRun(100_000)),
  ];
  for (const h of report.hnsw) {
    targets.push(judge(`HNSW recall@${h.k} at efSearch ${h.configuredEfSearch} (${h.label})`, 'min', 0.98, h.recallAtK, '', 'not measured'));
  }
  for (const r of report.scaling.filter((s) => s.requestedChunks >= 10_000 && s.build?.status === 'ok')) {
    targets.push(judge(`build speed, ${formatSize(r.requestedChunks)} chunks, random vectors (embedder not the bottleneck)`, 'min', 2000, r.build!.chunksPerSec, 'chunks/s', 'not measured'));
  }
  if (report.langchain) {
    for (const s of report.langchain.search) targets.push(judge(`search vs LangChain HNSWLib, ${s.name}: ours ÷ theirs`, 'max', 1, s.ratio, '×', 'not measured'));
  } else {
    targets.push(judge('search vs LangChain HNSWLib, ours ÷ theirs', 'max', 1, null, '×', 'not measured: skipped'));
  }
  return targets;
}

export function formatSize(n: number): string {
  return n >= 1000 ? `${n / 1000}k` : String(n);
}
