/**
 * Follow-up recall on the real multilingual-e5-small: the hybrid rows of docs/team.md are what the eval measures.
 * Skipped, with the reason printed, when the model folder is missing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFollowUps } from '../src/eval/run-follow-ups.js';
import { REAL_MODEL_DIR, realModelSkipReason } from './helpers/real-model.js';
import { REPO_ROOT, createTempProject } from './helpers/temp-project.js';

const skip = await realModelSkipReason({ python: false });
const DOC = readFileSync(path.join(REPO_ROOT, 'docs/team.md'), 'utf8');

describe.skipIf(skip !== undefined)(`follow-ups on the real model${skip ? ` (skipped: ${skip})` : ''}`, () => {
  it('beats the follow-up alone, keeps stand-alone questions, and matches the figures in docs/team.md', async () => {
    const project = await createTempProject({ EMBEDDING_MODEL: REAL_MODEL_DIR, RETRIEVAL: 'hybrid' });
    const report = await runFollowUps({
      config: project.config,
      pairsPath: path.join(REPO_ROOT, 'src/eval/follow-ups.jsonl'),
      standAlonePath: path.join(REPO_ROOT, 'src/eval/questions.jsonl'),
    });
    expect(report.mode).toBe('hybrid');
    const row = /^\| Follow-ups, hybrid \(multilingual-e5-small\) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \|$/m.exec(DOC)!;
    const control = /^\| Stand-alone questions after another, hybrid \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \|$/m.exec(DOC)!;
    expect([report.recall.alone, report.recall.joined, report.recall.withHistory].map((x) => x.toFixed(2))).toEqual(row.slice(1));
    expect([report.control!.alone, report.control!.joined, report.control!.withHistory].map((x) => x.toFixed(2))).toEqual(control.slice(1));
    expect(report.recall.withHistory).toBeGreaterThan(report.recall.alone);
  }, 600_000);
});
