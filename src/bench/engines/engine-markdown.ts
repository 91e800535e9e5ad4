/** The engine comparison as a markdown table: medians over rounds and ratios to today's path measured in the same run. */
import { markdownTable } from '../real-model-markdown.js';
import type { AskUnderLoad } from './ask-under-load.js';
import type { EngineComparison, EngineName, EngineRun } from './engine-types.js';

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const fixed = (n: number, digits = 2) => Number(n.toFixed(digits));

export interface EngineSummary {
  engine: EngineName;
  passagesPerSec: number;
  queryP50Ms: number;
  queryP95Ms: number;
  loadMs: number;
  steadyRssMB: number;
  peakRssMB: number;
  eventLoopMaxLagMs: number;
  /** Spread of passages/s over rounds, (max − min) / median. */
  spread: number;
}

/** Median of each figure over the rounds, per engine in first-measured order. */
export function summarizeEngines(c: EngineComparison): EngineSummary[] {
  const engines = [...new Set(c.runs.map((r) => r.engine))];
  return engines.map((engine) => {
    const runs = c.runs.filter((r) => r.engine === engine);
    const m = (pick: (r: EngineRun) => number) => median(runs.map(pick));
    const rates = runs.map((r) => r.passagesPerSec);
    return {
      engine,
      passagesPerSec: fixed(m((r) => r.passagesPerSec)),
      queryP50Ms: fixed(m((r) => r.query.p50), 1),
      queryP95Ms: fixed(m((r) => r.query.p95), 1),
      loadMs: Math.round(m((r) => r.loadMs)),
      steadyRssMB: Math.round(m((r) => r.steadyRssMB)),
      peakRssMB: Math.round(m((r) => r.peakRssMB)),
      eventLoopMaxLagMs: Math.round(m((r) => r.eventLoopMaxLagMs)),
      spread: fixed((Math.max(...rates) - Math.min(...rates)) / m((r) => r.passagesPerSec)),
    };
  });
}

/** The section: table, ceiling and how noisy the run was. */
export function renderEngineComparison(c: EngineComparison): string {
  const rows = summarizeEngines(c);
  const today = rows.find((r) => r.engine === 'today');
  const ratio = (value: number, base: number | undefined) => (base ? `${fixed(value / base)}×` : '–');
  return [
    '### Embedding engines, same run (ratios to today’s path)',
    '',
    `${c.passages} corpus passages (mean ${c.meanPassageTokens} tokens with the prefix) and ${c.questions} questions, each engine in its own process, ` +
      `${c.rounds} rounds interleaved; medians over rounds. \`today\` is transformers.js v2 with onnxruntime 1.14 on the calling thread; ` +
      'the others are onnxruntime-node in the worker pool with that EMBEDDING_DTYPE.',
    '',
    markdownTable(
      ['engine', 'passages/s', '× today', '% of f32 ceiling', 'query p50 ms', '× today', 'query p95 ms', 'load ms', 'RSS steady / peak MB', 'event loop max lag ms', 'spread'],
      rows.map((r) => [
        r.engine,
        r.passagesPerSec,
        ratio(r.passagesPerSec, today?.passagesPerSec),
        `${Math.round((100 * r.passagesPerSec) / c.ceiling.passagesPerSec)}%`,
        r.queryP50Ms,
        ratio(r.queryP50Ms, today?.queryP50Ms),
        r.queryP95Ms,
        r.loadMs,
        `${r.steadyRssMB} / ${r.peakRssMB}`,
        r.eventLoopMaxLagMs,
        `${Math.round(r.spread * 100)}%`,
      ]),
    ),
    '',
    `float32 ceiling: a MatMul probe of the encoder's shapes reached ${c.ceiling.gflops} GFLOP/s; a passage costs ${c.ceiling.gflopPerPassage} GFLOP, ` +
      `so a float32 engine tops out at ${c.ceiling.passagesPerSec} passages/s here. Load average ${c.loadAverage.start.join(' / ')} at the start, ` +
      `${c.loadAverage.end.join(' / ')} at the end (1/5/15 min); "spread" is (max − min) / median of passages/s over the rounds.`,
    '',
  ].join('\n');
}

/** The server under uncached questions: asks/s and latency per engine and concurrency, /health meanwhile, memory. */
export function renderAskUnderLoad(a: AskUnderLoad): string {
  const todayAt = (connections: number) => a.runs.find((r) => r.engine === 'today' && r.connections === connections);
  const ratio = (value: number, base: number | undefined) => (base ? `${fixed(value / base)}×` : '–');
  const memory = new Map(a.memory.map((m) => [m.engine, m]));
  return [
    '### `POST /api/ask` with uncached questions (ratios to today’s path)',
    '',
    `Each engine serves the same hybrid index of corpus/ in its own server process on 127.0.0.1, warmed up by asking each question ` +
      `once (the candidate sentences' vectors and token states are then computed); every timed request asks a question text not ` +
      `asked before, for ${a.durationSec} s per concurrency, while /health is probed every 50 ms. \`today\` has no token states, ` +
      'so its answers skip word alignment (less work per question).',
    '',
    markdownTable(
      ['engine', 'concurrency', 'asks/s', '× today', 'p50 ms', 'p99 ms', 'non-2xx', '/health p99 ms', '/health max ms', 'server RSS after / peak MB'],
      a.runs.map((r) => [
        r.engine,
        r.connections,
        r.requestsPerSec,
        ratio(r.requestsPerSec, todayAt(r.connections)?.requestsPerSec),
        r.p50Ms,
        r.p99Ms,
        r.non2xx + r.errors,
        r.healthP99Ms,
        r.healthMaxMs,
        memory.has(r.engine) ? `${memory.get(r.engine)!.rssMB} / ${memory.get(r.engine)!.peakRssMB}` : '–',
      ]),
    ),
    '',
  ].join('\n');
}
