/** `npm run eval:gate -- --from FILE`: retrains the gate from kept features, without the model, and prints its table. */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { GateExample } from '../src/eval/train-gate.js';
import { tempDir } from './helpers/temp-dir.js';
import { REPO_ROOT } from './helpers/temp-project.js';

const run = promisify(execFile);
const TSX = path.join(REPO_ROOT, 'node_modules/.bin/tsx');

describe('eval:gate --from', () => {
  it('prints the operating points and the held-back table per set, and writes nothing without --write', async () => {
    const dir = await tempDir('gate-');
    const examples: GateExample[] = Array.from({ length: 120 }, (_, i) => {
      const kind = Math.floor(i / 2) % 3;
      const features = { similarity: [0.86, 0.8, 0.75][kind]! + (i % 5) * 0.003, similarityMargin: 0, evidence: 0, alignment: [0.9, 0.4, 0.3][kind]! - (i % 7) * 0.01, softAlignment: 0.6, softAlignmentMargin: 0, sharesName: kind === 0 ? 1 : 0, crossLingual: 1, sameScript: 0, answerType: 0, topPassage: 1, retrievalMargin: 0, questionWords: 1.6 };
      return { set: kind === 2 ? 'unanswerable' : 'answerable', answerable: kind !== 2, right: kind === 0, features };
    });
    const file = path.join(dir, 'examples.json');
    await writeFile(file, JSON.stringify(examples));
    const weights = await readFile(path.join(REPO_ROOT, 'src/answer/gate-weights.json'), 'utf8');
    const { stdout } = await run(TSX, ['scripts/calibrate-gate.ts', '--from', file], { cwd: REPO_ROOT, env: { ...process.env, EMBEDDING_MODEL: '' } });
    expect(stdout).toMatch(/answered at p ≥ [01]\.\d{3} \(quote in the question's language\), [01]\.\d{3} \(in another of its script\), [01]\.\d{3} \(in another script\); possible at p ≥ [01]\.\d{3}/);
    expect(stdout).toMatch(/\| answerable \| 40 \|/);
    expect(stdout).toMatch(/\| unanswerable \| 20 \| 0\.000 \|/);
    expect(await readFile(path.join(REPO_ROOT, 'src/answer/gate-weights.json'), 'utf8')).toBe(weights);
  }, 30_000);
});
