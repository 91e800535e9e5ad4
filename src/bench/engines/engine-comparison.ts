/**
 * Measures embedding engines on the same real passages and questions, each in its own process, interleaved round
 * by round so that a shared machine's load falls on all of them alike; ratios to `today` are what to read.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTokenizer } from '../../embedding/runtime/load-tokenizer.js';
import { matmulGflops, passageGflop } from './matmul-probe.js';
import type { EngineComparison, EngineName, EngineProbeInput, EngineRun } from './engine-types.js';

export interface EngineComparisonOptions {
  /** The model folder the new runtime loads. */
  model: string;
  /** The folder today's path loads (default `model`): a folder converted before issue 17 measures today exactly. */
  todayModel?: string;
  engines: EngineName[];
  passages: string[];
  questions: string[];
  rounds: number;
  batchSize?: number;
  /** Per child process. */
  timeoutMs?: number;
  log?: (line: string) => void;
}

const PROBE = fileURLToPath(new URL('./engine-probe.ts', import.meta.url));
const round2 = (n: number) => Math.round(n * 100) / 100;

function runProbe(inputFile: string, timeoutMs: number): Promise<EngineRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', PROBE, inputFile], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-2000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      const line = out.trim().split('\n').at(-1);
      if (code === 0 && line) resolve(JSON.parse(line) as EngineRun);
      else reject(new Error(`engine probe exited with ${code}: ${err.trim().split('\n').slice(-3).join(' ')}`));
    });
  });
}

/**
 * Runs every engine `rounds` times (interleaved) and the float32 MatMul probe.
 * @example await compareEngines({ model, engines: ['today', 'int8'], passages, questions, rounds: 2 });
 */
export async function compareEngines(o: EngineComparisonOptions): Promise<EngineComparison> {
  const log = o.log ?? (() => {});
  const start = os.loadavg();
  const config = JSON.parse(await readFile(path.join(o.model, 'config.json'), 'utf8'));
  const shape = { hidden: config.hidden_size, intermediate: config.intermediate_size, layers: config.num_hidden_layers };
  const tokenizer = await loadTokenizer(path.resolve(o.model));
  const meanTokens = o.passages.reduce((sum, p) => sum + tokenizer.encode(`passage: ${p}`).length, 0) / o.passages.length;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'engines-'));
  const runs: EngineRun[] = [];
  let gflops = 0;
  try {
    for (let round = 1; round <= o.rounds; round++) {
      gflops = Math.max(gflops, await matmulGflops(shape, os.availableParallelism()));
      for (const engine of o.engines) {
        const input: EngineProbeInput = {
          engine,
          model: path.resolve(engine === 'today' ? (o.todayModel ?? o.model) : o.model),
          batchSize: o.batchSize ?? 16,
          callSize: 64,
          passages: o.passages,
          questions: o.questions,
        };
        const file = path.join(dir, `${engine}-${round}.json`);
        await writeFile(file, JSON.stringify(input));
        const run = await runProbe(file, o.timeoutMs ?? 600_000);
        runs.push(run);
        log(`  round ${round} ${engine}: ${run.passagesPerSec} passages/s, query p50 ${run.query.p50} ms, load ${run.loadMs} ms, RSS ${run.steadyRssMB}/${run.peakRssMB} MB, event loop max lag ${run.eventLoopMaxLagMs} ms`);
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const gflopPerPassage = passageGflop(shape, meanTokens);
  return {
    model: o.model,
    passages: o.passages.length,
    meanPassageTokens: Math.round(meanTokens),
    questions: o.questions.length,
    rounds: o.rounds,
    runs,
    ceiling: { gflops: round2(gflops), gflopPerPassage: round2(gflopPerPassage), passagesPerSec: round2(gflops / gflopPerPassage) },
    loadAverage: { start: start.map(round2), end: os.loadavg().map(round2) },
  };
}
