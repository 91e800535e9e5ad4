import { describe, expect, it } from 'vitest';
import { evaluateTargets, judge, type BenchReport, type ScalingRow } from '../src/bench/bench-report.js';
import type { LoadResult } from '../src/bench/load-test.js';

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
