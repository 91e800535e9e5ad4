/** bench.md and scaling.svg from a benchmark report: targets first, then every measurement with its settings. */
import { formatSize, scalingRun, type BenchReport, type BuildRun, type ScalingRow, type TargetResult } from './bench-report.js';
import type { LoadResult } from './load-test.js';
import { markdownTable as table, renderProvenance, renderRealModelSection } from './real-model-markdown.js';
import { renderPostgresMarkdown } from './postgres-markdown.js';
import { renderChart } from './svg-chart.js';

const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
const verdict = (t: TargetResult) => (t.pass === null ? 'not measured' : t.pass ? '**pass**' : '**miss**');
const latencyCells = (r: LoadResult) => [r.latencyMs.p50, r.latencyMs.p95, r.latencyMs.p99, r.requestsPerSec, r.responses, r.non2xx + r.errors];

function buildRows(runs: readonly BuildRun[]): (string | number)[][] {
  return runs.map((b) => [
    b.label,
    `\`${b.model}\``,
    b.status,
    b.chunks ?? '–',
    b.durationMs ?? '–',
    b.chunksPerSec ?? '–',
    b.chunksPerSecWithoutEmbedding ?? '–',
    b.peakRssMB ?? '–',
    b.stagesMs ? Object.entries(b.stagesMs).map(([k, v]) => `${k} ${Math.round(v)}`).join(', ') : (b.reason ?? ''),
  ]);
}

/** Renders the whole report; `chartFile` is linked from the scaling section. */
export function renderBenchMarkdown(report: BenchReport, chartFile: string): string {
  const { machine, settings } = report;
  const out: string[] = [
    `# Benchmark (${settings.quick ? 'quick' : 'full'} run)`,
    '',
    `Run ${report.createdAt} with \`${report.command}\`; took ${report.elapsedSec} s (budgets: ${settings.budgetSec} s for a–e, ${settings.realModel.budgetSec} s for the real model in f). Everything ran on loopback (${settings.serving.host}); servers and builds ran in child processes.`,
    '',
    '## Machine',
    '',
    table(['CPU', 'cores', 'memory', 'Node', 'platform', 'load average at start → end (1/5/15 min)'], [
      [machine.cpuModel, machine.cores, `${machine.memoryGiB} GiB`, machine.node, machine.platform, `${machine.loadAverageAtStart.join(' / ')} → ${machine.loadAverageAtEnd?.join(' / ') ?? '?'}`],
    ]),
    '',
    machine.loadAverageAtStart[0]! > machine.cores * 0.5 ? `> The machine was busy with other work when the run started (load ${machine.loadAverageAtStart[0]} on ${machine.cores} cores): timings are pessimistic and noisy.\n` : '',
    renderProvenance(report),
    '## Targets (random vectors)',
    '',
    table(['target', 'limit', 'measured', 'result', 'by how much'], report.targets.map((t) => [t.name, t.target, t.measured === null ? '–' : `${t.measured} ${t.unit}`.trim(), verdict(t), t.margin])),
    '',
    '## Settings',
    '',
    table(['setting', 'value'], [
      ['HNSW M / efConstruction / efSearch', `${settings.hnsw.m} / ${settings.hnsw.efConstruction} / ${settings.hnsw.efSearch}`],
      ['chunking maxChars / overlapChars / shortParagraphChars', `${settings.chunking.maxChars} / ${settings.chunking.overlapChars} / ${settings.chunking.shortParagraphChars}`],
      ['fixture model', `\`${settings.models.fixture}\``],
      ['configured model (EMBEDDING_MODEL)', `\`${settings.models.configured}\` (looked for offline only)`],
      ['synthetic sizes (paragraphs)', settings.synthetic.sizes.map(formatSize).join(', ')],
      ['synthetic paragraphs', `2–4 recombined sentences of corpus/, ≤ ${settings.synthetic.maxParagraphChars} chars, ${settings.synthetic.paragraphsPerFile} per file, seed ${settings.seed}`],
      ['synthetic vectors', `${settings.dimensions} dimensions, ${settings.synthetic.vectors}; queries: ${settings.synthetic.queryVectors}`],
      ['serving', `connections ${settings.serving.connections.join(', ')}; ${settings.serving.durationSec} s per run; rate limit off; ${settings.serving.answers}`],
      ['queries', settings.serving.queries],
      ['scaling load', `concurrency ${settings.scaling.connections.join(', ')}, ${settings.scaling.durationSec} s per endpoint and concurrency`],
      ['HNSW recall', `${settings.hnswRecall.queries} queries from each data set's distribution, k=${settings.hnswRecall.k}, efSearch ${settings.hnswRecall.efValues.join(', ')} and the configured one; the synthetic indexes of ${settings.hnswRecall.sizes.map(formatSize).join(', ')}, and ${formatSize(settings.hnswRecall.uniformSize)} uniform random vectors built in process`],
      ['LangChain comparison', `${formatSize(settings.langchain.size)} vectors, ${settings.langchain.queries} queries, ${settings.langchain.buildRepeats} build pairs`],
      ['PostgreSQL (g)', `${formatSize(settings.postgres.size)} synthetic chunks in the file index and in a throw-away local PostgreSQL; search and ask at concurrency 1 and 8, ${settings.scaling.durationSec} s each; 1 and 3 API processes on one database`],
      ['real model (f)', `budget ${settings.realModel.budgetSec} s; synthetic ${formatSize(settings.realModel.syntheticChunks)} chunks; load at concurrency ${settings.realModel.connections.join(', ')}, ${settings.realModel.durationSec} s each; cached query rounds ${settings.realModel.cachedRounds}`],
    ]),
    '',
    '## a. Index build (corpus/)',
    '',
    table(['build', 'model', 'status', 'chunks', 'ms', 'chunks/s', 'chunks/s without embedding', 'peak RSS MB', 'stages (ms) or reason'], buildRows(report.build)),
    '',
  ];
  if (report.serving) {
    const s = report.serving;
    out.push(
      `## b. Serving corpus/ (${s.index.chunks} chunks, ${s.index.mode} retrieval with the fixture model)`,
      '',
      table(['endpoint', 'concurrency', 'p50 ms', 'p95 ms', 'p99 ms', 'req/s', 'responses', 'errors + non-2xx'], s.runs.map((r) => [r.endpoint, r.connections, ...latencyCells(r)])),
      '',
      `Server RSS after the runs: ${s.serverRssMB} MB (peak ${s.serverPeakRssMB} MB).`,
      '',
    );
  }
  out.push(
    `## c. Scaling (synthetic corpora; targets at concurrency ${settings.scaling.targetConnections})`,
    '',
    `![latency and memory against corpus size](${chartFile})`,
    '',
    table(
      ['chunks', 'build s', 'chunks/s', 'build peak RSS MB', 'index on disk MB', 'server RSS loaded / after / peak MB'],
      report.scaling.map((r) => [
        r.build?.chunks ?? formatSize(r.requestedChunks),
        r.build?.durationMs ? (r.build.durationMs / 1000).toFixed(1) : '–',
        r.build?.chunksPerSec ?? '–',
        r.build?.peakRssMB ?? '–',
        r.indexBytes ? mb(r.indexBytes) : '–',
        r.status === 'ok' ? `${r.serverRssLoadedMB} / ${r.serverRssAfterMB} / ${r.serverPeakRssMB}` : `${r.status}: ${r.reason}`,
      ]),
    ),
    '',
    table(
      ['chunks', 'endpoint', 'concurrency', 'p50 ms', 'p95 ms', 'p99 ms', 'req/s', 'responses', 'errors + non-2xx'],
      report.scaling.flatMap((r) => (r.runs ?? []).map((run) => [r.build!.chunks!, run.endpoint, run.connections, ...latencyCells(run)])),
    ),
    '',
    'Vectors and query vectors are seeded random vectors, not model embeddings (see Settings): they cost what real 384-dimensional vectors cost to store, index and search, ' +
      'and their low intrinsic dimension makes HNSW behave roughly as with real sentence embeddings; the query vectors are unrelated to the query text, so hybrid rankings are not meaningful here, only their cost. ' +
      'The synthetic text repeats the few hundred sentences of corpus/, so BM25 posting lists are longer than in a real corpus of the same size (lexical search here is pessimistic).',
    '',
    '## d. HNSW recall against exact search',
    '',
  );
  out.push(
    'The synthetic indexes hold low-rank random vectors (a small latent space projected into 384 dimensions, plus noise), which behave roughly like real sentence embeddings. ' +
      'Uniform random unit vectors are the worst case for any approximate index (every point is almost equally far from a query) and bound recall from below; no embedding model produces them.',
    '',
  );
  for (const h of report.hnsw) {
    const built = h.buildMs ? ` Built in process in ${(h.buildMs / 1000).toFixed(1)} s (${Math.round(h.vectors / (h.buildMs / 1000))} vectors/s).` : '';
    out.push(`${h.label}: ${h.vectors} vectors, ${h.queries} queries, recall@${h.k} **${h.recallAtK}** at the configured efSearch ${h.configuredEfSearch}.${built}`, '');
    out.push(table(['efSearch', `recall@${h.k}`, 'mean ms/query', 'p95 ms/query'], h.table.map((r) => [r.efSearch === h.configuredEfSearch ? `**${r.efSearch}**` : r.efSearch, r.recallAtK, r.meanMs, r.p95Ms])), '');
  }
  if (report.langchain) {
    const l = report.langchain;
    out.push(
      `## e. Side by side with LangChain.js HNSWLib (${l.vectors} vectors, ${l.dimensions} dimensions)`,
      '',
      'Ratio = our median time ÷ LangChain’s median time, measured pair by pair in the same process (order alternated); below 1 means ours is faster.',
      '',
      table(
        ['what', 'pairs', 'ours median / p95 ms', 'LangChain median / p95 ms', 'ratio', `recall@10 ours / LangChain`, 'settings'],
        [...l.builds, ...l.search].map((t) => [t.name, t.pairs, `${t.oursMedianMs} / ${t.oursP95Ms}`, `${t.theirsMedianMs} / ${t.theirsP95Ms}`, t.ratio, t.oursRecall === undefined ? '–' : `${t.oursRecall} / ${t.theirsRecall}`, t.settings]),
      ),
      '',
    );
  }
  out.push(renderRealModelSection(report));
  if (report.postgres) out.push(renderPostgresMarkdown(report.postgres, { step: 'g. ', provenance: 'Same run and machine as above; the database server shares the cores with the API processes.' }));
  if (report.notes.length) out.push('## Notes', '', ...report.notes.map((n) => `- ${n}`), '');
  return `${out.join('\n')}\n`;
}

/** Latency (p95 at the scaling concurrency) and server memory against corpus size, as one SVG. */
export function renderScalingChart(report: BenchReport): string {
  const rows = report.scaling.filter((r) => r.status === 'ok');
  const at = (pick: (r: ScalingRow) => number | undefined): [number, number][] =>
    rows.flatMap((r) => {
      const y = pick(r);
      return y === undefined ? [] : [[r.build!.chunks!, y] as [number, number]];
    });
  const c = report.settings.scaling.targetConnections;
  return renderChart(`Scaling with corpus size (concurrency ${c}, ${report.settings.quick ? 'quick' : 'full'} run)`, [
    {
      title: 'p95 latency',
      xLabel: 'chunks (log scale)',
      yLabel: 'ms',
      series: [
        { name: 'GET /api/search', color: '#1f77b4', points: at((r) => scalingRun(r, 'GET /api/search', c)?.latencyMs.p95) },
        { name: 'POST /api/ask', color: '#ff7f0e', points: at((r) => scalingRun(r, 'POST /api/ask', c)?.latencyMs.p95) },
      ],
      reference: { value: 50, label: 'target at 100k: 50 ms' },
    },
    {
      title: 'server memory',
      xLabel: 'chunks (log scale)',
      yLabel: 'MB',
      series: [
        { name: 'peak RSS', color: '#d62728', points: at((r) => r.serverPeakRssMB) },
        { name: 'RSS after load', color: '#2ca02c', points: at((r) => r.serverRssAfterMB) },
      ],
      reference: { value: 600, label: 'target at 100k: 600 MB' },
    },
  ]);
}
