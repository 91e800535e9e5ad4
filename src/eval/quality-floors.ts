/**
 * Quality floors: the lowest figures CI accepts, a few points under what was measured, so a change that loses
 * quality fails. Pure comparison of a floors declaration with the reports `npm run eval` writes.
 */
import type { BeirModeRow, BeirReport } from './run-beir.js';
import type { BitextReport } from './run-bitext.js';
import type { EvalReport } from './eval-report.js';
import type { MetricSummary } from './metrics.js';

export interface QualityFloors {
  /** Tatoeba pair (`kaz-eng`) → accuracy. */
  tatoeba?: Record<string, number>;
  /** The project's questions in one mode: group (`all`, `cross-lingual`, `en→ar`, …) → metric → floor. */
  questions?: { mode: 'hybrid' | 'dense' | 'lexical'; groups: Record<string, Partial<Record<keyof MetricSummary, number>>> };
  /** BEIR set → mode → metric → floor. */
  beir?: Record<string, Record<string, Partial<Record<keyof BeirModeRow, number>>>>;
}

export interface Measured {
  bitext?: BitextReport;
  questions?: EvalReport;
  beir: BeirReport[];
}

export interface FloorResult {
  name: string;
  floor: number;
  /** Undefined when the report or the figure is missing: that fails too. */
  measured?: number;
  ok: boolean;
}

/**
 * Every floor with its measured figure.
 * @example checkFloors({ tatoeba: { 'kaz-eng': 0.76 } }, { bitext, beir: [] }) // [{ name: 'tatoeba kaz-eng accuracy', floor: 0.76, measured: 0.779, ok: true }]
 */
export function checkFloors(floors: QualityFloors, measured: Measured): FloorResult[] {
  const results: FloorResult[] = [];
  const check = (name: string, floor: number, value: unknown) => {
    const figure = typeof value === 'number' ? value : undefined;
    results.push({ name, floor, measured: figure, ok: figure !== undefined && figure >= floor });
  };
  for (const [pair, floor] of Object.entries(floors.tatoeba ?? {})) {
    check(`tatoeba ${pair} accuracy`, floor, measured.bitext?.tatoeba.find((r) => r.set === pair)?.accuracy);
  }
  if (floors.questions) {
    const report = measured.questions?.setup.mode === floors.questions.mode ? measured.questions : undefined;
    for (const [group, metrics] of Object.entries(floors.questions.groups)) {
      const row = report?.groups.find((g) => g.group === group)?.system;
      for (const [metric, floor] of Object.entries(metrics)) check(`questions ${floors.questions.mode} ${group} ${metric}`, floor!, row?.[metric as keyof MetricSummary]);
    }
  }
  for (const [set, modes] of Object.entries(floors.beir ?? {})) {
    const report = measured.beir.find((r) => r.set === set);
    for (const [mode, metrics] of Object.entries(modes)) {
      const row = report?.rows.find((r) => r.mode === mode);
      for (const [metric, floor] of Object.entries(metrics)) check(`${set} ${mode} ${metric}`, floor!, row?.[metric as keyof BeirModeRow]);
    }
  }
  return results;
}

/** The results as aligned lines, failures marked. */
export function renderFloorResults(results: FloorResult[]): string {
  const width = Math.max(...results.map((r) => r.name.length), 10);
  return results
    .map((r) => `${r.ok ? 'ok  ' : 'FAIL'} ${r.name.padEnd(width)}  measured ${r.measured === undefined ? 'missing' : r.measured.toFixed(3)}  floor ${r.floor.toFixed(3)}`)
    .join('\n');
}
