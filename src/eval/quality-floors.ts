/**
 * Quality floors: the lowest figures CI accepts, a few points under what was measured, so a change that loses
 * quality fails. Pure comparison of a floors declaration with the reports `npm run eval` writes.
 */
import type { BeirModeRow, BeirReport } from './run-beir.js';
import type { BitextReport } from './run-bitext.js';
import type { AnswerSummary } from './answer-metrics.js';
import type { EvalReport } from './eval-report.js';
import type { UnanswerableReport } from './run-unanswerable.js';
import type { MetricSummary } from './metrics.js';

export interface QualityFloors {
  /** Tatoeba pair (`kaz-eng`) → accuracy. */
  tatoeba?: Record<string, number>;
  /**
   * The project's questions: mode → group (`all`, `cross-lingual`, `en→ar`, …) → metric → floor. Metrics are the
   * retrieval ones (`recallAt5`, …) and the answer-level ones (`answerRight`, `groundedPrecision`, …).
   */
  questions?: Partial<Record<'hybrid' | 'dense' | 'lexical', Record<string, Partial<Record<keyof MetricSummary | keyof AnswerSummary, number>>>>>;
  /** BEIR set → mode → metric → floor. */
  beir?: Record<string, Record<string, Partial<Record<keyof BeirModeRow, number>>>>;
  /** A set's queries asked against the project's corpus: set → mode → ceiling of the share marked grounded. */
  unanswerable?: Record<string, Record<string, { markedGrounded: number }>>;
}

/** Figures where less is better: their bound is a ceiling, and the figure must stay at or under it. */
const CEILINGS = new Set(['wronglyConfident', 'markedGrounded']);

export interface Measured {
  bitext?: BitextReport;
  /** The project-question reports, one per mode measured. */
  questions: EvalReport[];
  beir: BeirReport[];
  unanswerable?: UnanswerableReport[];
}

export interface FloorResult {
  name: string;
  floor: number;
  /** The bound is a ceiling (the figure must not exceed it). */
  ceiling?: boolean;
  /** Undefined when the report or the figure is missing: that fails too. */
  measured?: number;
  ok: boolean;
}

/**
 * Every floor with its measured figure.
 * @example checkFloors({ tatoeba: { 'kaz-eng': 0.76 } }, { bitext, questions: [], beir: [] }) // [{ name: 'tatoeba kaz-eng accuracy', floor: 0.76, measured: 0.779, ok: true }]
 */
export function checkFloors(floors: QualityFloors, measured: Measured): FloorResult[] {
  const results: FloorResult[] = [];
  const check = (name: string, floor: number, value: unknown) => {
    const figure = typeof value === 'number' ? value : undefined;
    const ceiling = CEILINGS.has(name.split(' ').at(-1)!);
    const ok = figure !== undefined && (ceiling ? figure <= floor : figure >= floor);
    results.push({ name, floor, ...(ceiling && { ceiling }), measured: figure, ok });
  };
  for (const [pair, floor] of Object.entries(floors.tatoeba ?? {})) {
    check(`tatoeba ${pair} accuracy`, floor, measured.bitext?.tatoeba.find((r) => r.set === pair)?.accuracy);
  }
  for (const [mode, groups] of Object.entries(floors.questions ?? {})) {
    const report = measured.questions.find((r) => r.setup.mode === mode);
    for (const [group, metrics] of Object.entries(groups)) {
      const row = report?.groups.find((g) => g.group === group);
      for (const [metric, floor] of Object.entries(metrics)) {
        const value = metric in (row?.system ?? {}) ? row!.system[metric as keyof MetricSummary] : row?.answers?.[metric as keyof AnswerSummary];
        check(`questions ${mode} ${group} ${metric}`, floor!, value);
      }
    }
  }
  for (const [set, modes] of Object.entries(floors.beir ?? {})) {
    const report = measured.beir.find((r) => r.set === set);
    for (const [mode, metrics] of Object.entries(modes)) {
      const row = report?.rows.find((r) => r.mode === mode);
      for (const [metric, floor] of Object.entries(metrics)) check(`${set} ${mode} ${metric}`, floor!, row?.[metric as keyof BeirModeRow]);
    }
  }
  for (const [set, modes] of Object.entries(floors.unanswerable ?? {})) {
    for (const [mode, { markedGrounded }] of Object.entries(modes)) {
      const report = measured.unanswerable?.find((r) => r.set === set && r.mode === mode);
      check(`unanswerable ${set} ${mode} markedGrounded`, markedGrounded, report?.markedGrounded);
    }
  }
  return results;
}

/** The results as aligned lines, failures marked. */
export function renderFloorResults(results: FloorResult[]): string {
  const width = Math.max(...results.map((r) => r.name.length), 10);
  return results
    .map((r) => `${r.ok ? 'ok  ' : 'FAIL'} ${r.name.padEnd(width)}  measured ${r.measured === undefined ? 'missing' : r.measured.toFixed(3)}  ${r.ceiling ? 'ceiling' : 'floor'} ${r.floor.toFixed(3)}`)
    .join('\n');
}
