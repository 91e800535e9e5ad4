/** The benchmark run: steps a–e within a time budget, then bench.json, bench.md and the scaling chart in the reports folder. */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../config.js';
import { readCorpus } from '../corpus/read-corpus.js';
import { parseQuestions } from '../eval/questions.js';
import { remainingMs, workerEnv, type BenchContext } from './bench-context.js';
import { renderBenchMarkdown, renderScalingChart } from './bench-markdown.js';
import { evaluateTargets, formatSize, type BenchReport, type BenchSettings, type BuildRun, type HnswRun, type ScalingRow, type ServingResult } from './bench-report.js';
import { runBuild } from './build-step.js';
import type { LangChainComparison } from './langchain-compare.js';
import { describeMachine } from './machine.js';
import { endpointRequests, measureEndpoints, startBenchServer } from './serve-step.js';
import { runScalingSize, syntheticIndexDir } from './scaling-step.js';
import { runHnswRecall, runLangChainComparison, runLowRankRecall } from './vector-steps.js';

export interface BenchOptions {
  config: Config;
  quick: boolean;
  repoRoot: string;
  reportsDir: string;
  /** The command line, recorded in the report. */
  command: string;
  log: (line: string) => void;
}

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
      vectors: 'seeded random unit vectors, one per chunk (no model)',
      queryVectors: 'seeded random unit vector per query text (no model)',
    },
    serving: {
      host: '127.0.0.1',
      connections: [1, 8, 64],
      durationSec: quick ? 1 : 5,
      endpoints: ['POST /api/ask', 'GET /api/search', 'GET /health'],
      rateLimitPerMinute: 0,
      answers: 'extractive (no LLM configured in the server process)',
      queries: 'question texts of eval/questions.jsonl, cycled per connection',
    },
    scaling: { connections: quick ? [8] : [1, 8], targetConnections: 8, durationSec: quick ? 1 : 5 },
    hnswRecall: {
      sizes: quick ? [10_000] : [10_000, 100_000],
      queries: quick ? 50 : 200,
      k: 10,
      efValues: [10, 20, 40, 80, 160, 320],
      lowRank: { size: quick ? 2_000 : 10_000, latentDims: 16, noise: 0.1 },
    },
    langchain: { size: quick ? 1_000 : 10_000, queries: quick ? 100 : 500, buildRepeats: 2 },
    models: { fixture: path.join(repoRoot, 'test/fixtures/tiny-model'), configured: config.embedding.model },
  };
}

/**
 * Runs the benchmark and writes `bench.json`, `bench.md` and `scaling.svg` into `reportsDir`.
 * @example await runBench({ config: loadConfig(), quick: true, repoRoot: process.cwd(), reportsDir: 'reports', command: 'npm run bench -- --quick', log: console.log });
 */
export async function runBench(options: BenchOptions): Promise<{ report: BenchReport; files: string[] }> {
  const started = performance.now();
  const settings = benchSettings(options.config, options.quick, options.repoRoot);
  const machine = describeMachine();
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'rag-bench-'));
  const questionsFile = path.join(options.repoRoot, 'eval/questions.jsonl');
  const context: BenchContext = {
    settings,
    workDir,
    corpusDir: path.join(options.repoRoot, 'corpus'),
    queries: parseQuestions(await readFile(questionsFile, 'utf8'), questionsFile).map((q) => q.question),
    baseEnv: workerEnv(settings, options.config.modelsDir),
    deadline: started + settings.budgetSec * 1000,
    log: options.log,
    notes: [],
  };
  const build: BuildRun[] = [];
  const scaling: ScalingRow[] = [];
  const vectorResults: VectorResults = { hnsw: [] };
  let serving: ServingResult | undefined;
  try {
    options.log('a. index build on corpus/ (fixture model, configured model)');
    const fixtureIndex = path.join(workDir, 'index-fixture');
    build.push(await runBuild(context, { label: 'corpus/, fixture model', model: settings.models.fixture, embedder: 'model', corpusDir: context.corpusDir, indexDir: fixtureIndex, retrieval: 'hybrid', timeoutMs: 120_000 }));
    build.push(await runBuild(context, { label: 'corpus/, configured model', model: settings.models.configured, embedder: 'model', corpusDir: context.corpusDir, indexDir: path.join(workDir, 'index-configured'), retrieval: 'hybrid', timeoutMs: 120_000 }));
    for (const b of build) options.log(`  ${b.label}: ${b.status}${b.chunksPerSec ? `, ${b.chunksPerSec} chunks/s, peak ${b.peakRssMB} MB` : ''}${b.reason ? ` (${b.reason})` : ''}`);

    if (build[0]!.status === 'ok') {
      options.log('b. serving corpus/ (fixture model index, extractive answers)');
      const server = await startBenchServer(context, 'runtime', { INDEX_DIR: fixtureIndex, CORPUS_DIR: context.corpusDir, EMBEDDING_MODEL: settings.models.fixture });
      try {
        const runs = await measureEndpoints(server.url, endpointRequests(context.queries), settings.serving.connections, settings.serving.durationSec, options.log);
        const memory = await server.memory();
        serving = { index: { chunks: server.chunks, mode: server.mode, model: settings.models.fixture }, runs, serverRssMB: memory.rssMB, serverPeakRssMB: memory.peakRssMB };
      } finally {
        await server.stop();
      }
    } else {
      context.notes.push(`Serving (b) was skipped: the fixture-model build did not succeed (${build[0]!.reason}).`);
    }

    options.log('c. scaling on synthetic corpora');
    const { documents } = await readCorpus(context.corpusDir);
    const sizes = settings.synthetic.sizes;
    for (const size of sizes) {
      const isLargest = size === sizes[sizes.length - 1] && size > settings.langchain.size;
      // The vector steps for the smaller sizes come first, so the largest build only gets the time that is left.
      if (isLargest) await runPendingVectorSteps(context, scaling, vectorResults);
      const previous = scaling.filter((r) => r.build?.status === 'ok').pop();
      // HNSW construction grows a little faster than linearly, hence the margin on the estimate.
      const estimateMs = previous ? previous.build!.durationMs! * (size / previous.requestedChunks) * 1.3 : 0;
      const allowedMs = remainingMs(context) - reserveAfterBuildMs(settings, size);
      if (estimateMs > allowedMs || allowedMs <= 0) {
        const reason = `time budget: the build would take about ${Math.round(estimateMs / 1000)} s (from the ${formatSize(previous?.requestedChunks ?? 0)} build), ${Math.max(0, Math.round(allowedMs / 1000))} s were left for it`;
        options.log(`  ${formatSize(size)}: skipped (${reason})`);
        scaling.push({ requestedChunks: size, status: 'skipped', reason });
        continue;
      }
      scaling.push(await runScalingSize(context, documents, size, allowedMs));
    }
    await runPendingVectorSteps(context, scaling, vectorResults);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }

  machine.loadAverageAtEnd = os.loadavg().map((l) => Math.round(l * 100) / 100);
  const partial: Omit<BenchReport, 'targets'> = {
    createdAt: new Date().toISOString(),
    elapsedSec: Math.round((performance.now() - started) / 100) / 10,
    command: options.command,
    machine,
    settings,
    build,
    serving,
    scaling,
    hnsw: vectorResults.hnsw,
    langchain: vectorResults.langchain,
    notes: context.notes,
  };
  const report: BenchReport = { ...partial, targets: evaluateTargets(partial) };
  await mkdir(options.reportsDir, { recursive: true });
  const files = [path.join(options.reportsDir, 'bench.json'), path.join(options.reportsDir, 'bench.md'), path.join(options.reportsDir, 'scaling.svg')];
  await writeFile(files[0]!, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(files[1]!, renderBenchMarkdown(report, 'scaling.svg'));
  await writeFile(files[2]!, renderScalingChart(report));
  return { report, files };
}

interface VectorResults {
  hnsw: HnswRun[];
  langchain?: LangChainComparison;
}

/** Time to keep after the build of `size`: starting its server, the load runs, and d/e on its index. */
function reserveAfterBuildMs(settings: BenchSettings, size: number): number {
  const loadRuns = settings.scaling.connections.length * 2 * (settings.scaling.durationSec + 0.5);
  const startup = 5 + size / 10_000;
  const vectorSteps = settings.hnswRecall.sizes.includes(size) ? 3 + size / 10_000 : 0;
  const langchain = settings.langchain.size === size ? 4 + (size / 1000) * 4 + settings.hnswRecall.lowRank.size / 1000 : 0;
  return (loadRuns + startup + vectorSteps + langchain) * 1000;
}

/** Runs d (HNSW recall) and e (LangChain) for every size whose synthetic index is built and that has not been measured yet. */
async function runPendingVectorSteps(context: BenchContext, scaling: readonly ScalingRow[], results: VectorResults): Promise<void> {
  const { settings } = context;
  const built = (size: number) => scaling.some((r) => r.requestedChunks === size && r.build?.status === 'ok');
  for (const size of settings.hnswRecall.sizes) {
    if (!built(size) || results.hnsw.some((h) => h.dataset === 'uniform' && h.requestedChunks === size)) continue;
    context.log(`d. HNSW recall at ${formatSize(size)}`);
    results.hnsw.push(await runHnswRecall(context, syntheticIndexDir(context, size), size));
  }
  if (!results.langchain && built(settings.langchain.size)) {
    context.log(`e. LangChain HNSWLib side by side at ${formatSize(settings.langchain.size)}`);
    results.langchain = await runLangChainComparison(context, syntheticIndexDir(context, settings.langchain.size));
    context.log(`d. HNSW recall on low-rank vectors at ${formatSize(settings.hnswRecall.lowRank.size)}`);
    results.hnsw.push(runLowRankRecall(context, settings.hnswRecall.lowRank.size));
  }
}
