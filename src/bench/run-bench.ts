/** The benchmark run: steps a–e within a time budget, f (the real model) within its own, g (PostgreSQL) when its binaries are there, then bench.json, bench.md and the scaling chart in the reports folder. */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../config.js';
import { readCorpus } from '../corpus/read-corpus.js';
import { parseQuestions } from '../eval/questions.js';
import { remainingMs, workerEnv, type BenchContext } from './bench-context.js';
import { renderBenchMarkdown, renderScalingChart } from './bench-markdown.js';
import { evaluateTargets, formatSize, type BenchReport, type BenchSettings, type BuildRun, type HnswRun, type RealModelResult, type ScalingRow, type ServingResult } from './bench-report.js';
import { benchSettings } from './bench-settings.js';
import { runBuild } from './build-step.js';
import type { LangChainComparison } from './langchain-compare.js';
import { findRealModel, type RealModelChoice } from './find-real-model.js';
import { describeMachine } from './machine.js';
import { runPostgresSection, type PostgresComparison } from './postgres-step.js';
import { runRealModelStep } from './real-model-step.js';
import { runScalingSize, syntheticIndexDir } from './scaling-step.js';
import { endpointRequests, measureEndpoints, startBenchServer } from './serve-step.js';
import { runHnswRecall, runLangChainComparison, runUniformRecall } from './vector-steps.js';

export interface BenchOptions {
  config: Config;
  quick: boolean;
  repoRoot: string;
  reportsDir: string;
  /** The command line, recorded in the report. */
  command: string;
  /** Run step f alone (`--real-model-only`): the random-vector steps a–e are left out. */
  realModelOnly?: boolean;
  /** REAL_MODEL_DIR: where CI put the real model folder, if it did. */
  realModelDir?: string;
  log: (line: string) => void;
}

interface Results {
  build: BuildRun[];
  serving?: ServingResult;
  scaling: ScalingRow[];
  hnsw: HnswRun[];
  langchain?: LangChainComparison;
  realModel?: RealModelResult;
  postgres?: PostgresComparison;
  /** Steps already run (or failed), so none runs twice. */
  done: Set<string>;
}

/**
 * Runs the benchmark and writes `bench.json`, `bench.md` and `scaling.svg` into `reportsDir`. A step that fails is
 * recorded in the report's notes and the others still run.
 * @example await runBench({ config: loadConfig(), quick: true, repoRoot: process.cwd(), reportsDir: 'reports', command: 'npm run bench -- --quick', log: console.log });
 */
export async function runBench(options: BenchOptions): Promise<{ report: BenchReport; files: string[] }> {
  const started = performance.now();
  const settings = benchSettings(options.config, options.quick, options.repoRoot);
  const machine = describeMachine();
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'rag-bench-'));
  const questionsFile = path.join(options.repoRoot, 'src/eval/questions.jsonl');
  const context: BenchContext = {
    settings,
    workDir,
    corpusDir: path.join(options.repoRoot, 'corpus'),
    queries: parseQuestions(await readFile(questionsFile, 'utf8'), questionsFile).map((q) => q.question),
    baseEnv: {
      ...workerEnv(settings, options.config.modelsDir),
      EMBEDDING_QUANTIZED: options.config.embedding.quantized ? '1' : '0',
      EMBEDDING_BATCH_SIZE: String(options.config.embedding.batchSize),
      ...(options.config.embedding.batchTokens ? { EMBEDDING_BATCH_TOKENS: String(options.config.embedding.batchTokens) } : {}),
    },
    // A margin for writing the reports and deleting the scratch folder.
    deadline: started + settings.budgetSec * 1000 * 0.95,
    log: options.log,
    notes: [],
  };
  const results: Results = { build: [], scaling: [], hnsw: [], done: new Set() };
  const { config } = options;
  const realModel = findRealModel({
    embeddingModel: config.embedding.model,
    realModelDir: options.realModelDir,
    modelsDir: config.modelsDir,
    cwd: options.repoRoot,
    quantized: config.embedding.quantized,
    fixtureDir: settings.models.fixture,
  });
  // When EMBEDDING_MODEL is the real model, step f builds corpus/ with it, within its own budget.
  const configuredIsReal = realModel.found && realModel.source.startsWith('EMBEDDING_MODEL');
  try {
    if (options.realModelOnly) context.notes.push('Steps a–e were not run (--real-model-only).');
    else await runRandomVectorSteps(context, results, configuredIsReal);
    await attempt(context, 'f (real model)', () => runRealModel(context, results, realModel, config.embedding.quantized));
    if (options.realModelOnly) context.notes.push('Step g (PostgreSQL) was not run (--real-model-only).');
    else await attempt(context, 'g (PostgreSQL)', async () => void (results.postgres = await runPostgresSection(context, (await readCorpus(context.corpusDir)).documents, options.repoRoot)));
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
    build: results.build,
    serving: results.serving,
    scaling: results.scaling,
    hnsw: results.hnsw,
    langchain: results.langchain,
    postgres: results.postgres,
    realModel: results.realModel ?? { status: 'failed', reason: context.notes.find((n) => n.startsWith('Step f')) ?? 'not run', builds: [] },
    notes: context.notes,
  };
  const report: BenchReport = { ...partial, targets: evaluateTargets(partial) };
  await mkdir(options.reportsDir, { recursive: true });
  const files = ['bench.json', 'bench.md', 'scaling.svg'].map((f) => path.join(options.reportsDir, f));
  await writeFile(files[0]!, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(files[1]!, renderBenchMarkdown(report, 'scaling.svg'));
  await writeFile(files[2]!, renderScalingChart(report));
  return { report, files };
}

/** Steps a–e: the fixture model, the configured model, and seeded random vectors at growing sizes. */
async function runRandomVectorSteps(context: BenchContext, results: Results, configuredIsReal: boolean): Promise<void> {
  await attempt(context, 'a (index build)', () => runBuildStep(context, results, configuredIsReal));
  if (results.build[0]?.status === 'ok') await attempt(context, 'b (serving)', () => runServingStep(context, results));
  else context.notes.push(`Serving (b) was skipped: the fixture-model build did not succeed (${results.build[0]?.reason ?? 'not run'}).`);
  await runScalingStep(context, results);
  await runPendingVectorSteps(context, results);
}

/** Runs a step; a failure is logged and noted in the report instead of ending the run. */
async function attempt(context: BenchContext, step: string, fn: () => Promise<void>): Promise<boolean> {
  try {
    await fn();
    return true;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    context.log(`  step ${step} failed: ${message}`);
    context.notes.push(`Step ${step} failed: ${message}`);
    return false;
  }
}

async function runBuildStep(context: BenchContext, results: Results, configuredIsReal: boolean): Promise<void> {
  const { settings, workDir } = context;
  context.log('a. index build on corpus/ (fixture model, configured model)');
  const common = { embedder: 'model', corpusDir: context.corpusDir, retrieval: 'hybrid', timeoutMs: 120_000 } as const;
  results.build.push(await runBuild(context, { ...common, label: 'corpus/, fixture model', model: settings.models.fixture, indexDir: path.join(workDir, 'index-fixture') }));
  const configured = { label: 'corpus/, configured model', model: settings.models.configured };
  results.build.push(
    configuredIsReal
      ? { ...configured, status: 'skipped', reason: 'it is the real model: measured in section f, within that step’s own time budget' }
      : await runBuild(context, { ...common, ...configured, indexDir: path.join(workDir, 'index-configured') }),
  );
  for (const b of results.build) context.log(`  ${b.label}: ${b.status}${b.chunksPerSec ? `, ${b.chunksPerSec} chunks/s, peak ${b.peakRssMB} MB` : ''}${b.reason ? ` (${b.reason})` : ''}`);
}

async function runServingStep(context: BenchContext, results: Results): Promise<void> {
  const { settings } = context;
  context.log('b. serving corpus/ (fixture model index, extractive answers)');
  const env = { INDEX_DIR: path.join(context.workDir, 'index-fixture'), CORPUS_DIR: context.corpusDir, EMBEDDING_MODEL: settings.models.fixture };
  const server = await startBenchServer(context, 'runtime', env);
  try {
    const runs = await measureEndpoints(server.url, endpointRequests(context.queries), settings.serving.connections, settings.serving.durationSec, context.log);
    const memory = await server.memory();
    results.serving = { index: { chunks: server.chunks, mode: server.mode, model: settings.models.fixture }, runs, serverRssMB: memory.rssMB, serverPeakRssMB: memory.peakRssMB };
  } finally {
    await server.stop();
  }
}

async function runRealModel(context: BenchContext, results: Results, choice: RealModelChoice, quantized: boolean): Promise<void> {
  const { documents } = await readCorpus(context.corpusDir);
  results.realModel = await runRealModelStep(context, { choice, quantized, documents });
  if (results.realModel.status !== 'ok') context.notes.push(`The real-model step (f) did not complete (${results.realModel.status}): ${results.realModel.reason}`);
}

async function runScalingStep(context: BenchContext, results: Results): Promise<void> {
  const { settings } = context;
  context.log('c. scaling on synthetic corpora');
  const { documents } = await readCorpus(context.corpusDir);
  const sizes = settings.synthetic.sizes;
  for (const size of sizes) {
    // The vector steps for the smaller sizes come first, so the largest build only gets the time that is left.
    if (size === sizes[sizes.length - 1] && size > settings.langchain.size) await runPendingVectorSteps(context, results);
    const previous = results.scaling.filter((r) => r.build?.status === 'ok').pop();
    // Building grows a little faster than linearly (HNSW construction, memory): a quarter more per tenfold size.
    // Small builds are dominated by fixed costs, so the estimate is rough: a build is skipped only when it is far
    // out of reach, and otherwise stopped if it overruns the time that is left.
    const growth = previous ? size / previous.requestedChunks : 1;
    const estimateMs = previous ? previous.build!.durationMs! * growth * 1.25 ** Math.log10(growth) : 0;
    const allowedMs = remainingMs(context) - reserveAfterBuildMs(settings, size);
    if (estimateMs > 2 * allowedMs || allowedMs <= 5_000) {
      const reason = `time budget: the build would take about ${Math.round(estimateMs / 1000)} s (from the ${formatSize(previous?.requestedChunks ?? 0)} build), ${Math.max(0, Math.round(allowedMs / 1000))} s were left for it`;
      context.log(`  ${formatSize(size)}: skipped (${reason})`);
      results.scaling.push({ requestedChunks: size, status: 'skipped', reason });
      continue;
    }
    const ok = await attempt(context, `c (${formatSize(size)})`, async () => void results.scaling.push(await runScalingSize(context, documents, size, allowedMs)));
    if (!ok) results.scaling.push({ requestedChunks: size, status: 'failed', reason: context.notes[context.notes.length - 1] });
  }
}

/** Time to keep after the build of `size`: starting its server, the load runs, and d/e on its index. */
function reserveAfterBuildMs(settings: BenchSettings, size: number): number {
  const loadRuns = settings.scaling.connections.length * 2 * (settings.scaling.durationSec + 0.5);
  const startup = 3 + size / 5_000;
  const vectorSteps = settings.hnswRecall.sizes.includes(size) ? 2 + size / 10_000 : 0;
  const langchain = settings.langchain.size === size ? 4 + (size / 1000) * 4 + settings.hnswRecall.uniformSize / 1000 : 0;
  return (loadRuns + startup + vectorSteps + langchain) * 1000;
}

/** Runs d (HNSW recall) and e (LangChain, then low-rank recall) for every built size not measured yet. */
async function runPendingVectorSteps(context: BenchContext, results: Results): Promise<void> {
  const { settings } = context;
  const built = (size: number) => results.scaling.some((r) => r.requestedChunks === size && r.build?.status === 'ok');
  const once = async (step: string, fn: () => Promise<void>) => {
    if (results.done.has(step)) return;
    results.done.add(step);
    await attempt(context, step, fn);
  };
  for (const size of settings.hnswRecall.sizes.filter(built)) {
    await once(`d (HNSW recall, ${formatSize(size)})`, async () => {
      context.log(`d. HNSW recall at ${formatSize(size)}`);
      results.hnsw.push(await runHnswRecall(context, syntheticIndexDir(context, size), size));
    });
  }
  if (!built(settings.langchain.size)) return;
  await once('e (LangChain)', async () => {
    context.log(`e. LangChain HNSWLib side by side at ${formatSize(settings.langchain.size)}`);
    results.langchain = await runLangChainComparison(context, syntheticIndexDir(context, settings.langchain.size));
  });
  await once('d (HNSW recall, uniform)', async () => {
    context.log(`d. HNSW recall on uniform random vectors at ${formatSize(settings.hnswRecall.uniformSize)}`);
    results.hnsw.push(runUniformRecall(context, settings.hnswRecall.uniformSize));
  });
}
