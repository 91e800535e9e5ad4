/** Quality floors: a figure under its floor or missing fails; the rest pass. */
import { describe, expect, it } from 'vitest';
import { checkFloors, renderFloorResults } from '../src/eval/quality-floors.js';
import type { EvalReport } from '../src/eval/eval-report.js';
import type { BeirReport } from '../src/eval/run-beir.js';
import type { BitextReport } from '../src/eval/run-bitext.js';

const bitext: BitextReport = { model: 'm', prefixes: '', ntrex: [], tatoeba: [{ set: 'kaz-eng', items: 575, accuracy: 0.779, published: 0.838 }] };
const beir = [{ set: 'xquad_en-ar', rows: [{ mode: 'hybrid', recallAt5: 0.8 }] }] as unknown as BeirReport[];

describe('checkFloors', () => {
  it('passes figures at or above their floor and fails those under it or missing', () => {
    const results = checkFloors(
      { tatoeba: { 'kaz-eng': 0.76, 'ara-eng': 0.7 }, beir: { 'xquad_en-ar': { hybrid: { recallAt5: 0.85 }, dense: { recallAt5: 0.5 } } } },
      { bitext, questions: [], beir },
    );
    expect(results.map((r) => [r.name, r.ok])).toEqual([
      ['tatoeba kaz-eng accuracy', true],
      ['tatoeba ara-eng accuracy', false],
      ['xquad_en-ar hybrid recallAt5', false],
      ['xquad_en-ar dense recallAt5', false],
    ]);
    expect(renderFloorResults(results)).toMatch(/FAIL xquad_en-ar dense recallAt5 +measured missing  floor 0\.500/);
  });

  it('reads answer-level figures of the project questions per mode; a wrongly-confident share is a ceiling', () => {
    const report = (mode: string, wronglyConfident: number) =>
      ({ setup: { mode }, groups: [{ group: 'all', system: { recallAt5: 0.9 }, answers: { answerRight: 0.6, wronglyConfident } }] }) as unknown as EvalReport;
    const floors = { questions: { lexical: { all: { wronglyConfident: 0, answerRight: 0.5 } }, hybrid: { all: { wronglyConfident: 0.05, recallAt5: 0.95 } } } };
    const results = checkFloors(floors, { questions: [report('lexical', 0.02), report('hybrid', 0.05)], beir: [] });
    expect(results.map((r) => [r.name, r.ok])).toEqual([
      ['questions lexical all wronglyConfident', false],
      ['questions lexical all answerRight', true],
      ['questions hybrid all wronglyConfident', true],
      ['questions hybrid all recallAt5', false],
    ]);
    expect(renderFloorResults(results)).toMatch(/FAIL questions lexical all wronglyConfident +measured 0\.020  ceiling 0\.000/);
  });
});
