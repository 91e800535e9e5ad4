import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEval } from '../src/eval/run-eval.js';
import { createTempProject } from './helpers/temp-project.js';

const questions = [
  { id: 'it1', lang: 'it', question: 'Quanti partiti sono registrati in Kazakistan?', gold: [['002_23fe508d9d363cf9.txt', 11]] },
  { id: 'en1', lang: 'en', question: 'Who is Mamay?', gold: [['001_ab2ed0b91d19d8aa.txt', 7]], cross: true },
  { id: 'x1', lang: 'en', question: 'Unrelated?', gold: [['missing.txt', 1]] },
];

describe('runEval', () => {
  it('runs questions through the lexical searcher, scores system and baseline, and writes JSON and Markdown named after the set', async () => {
    const project = await createTempProject({ RETRIEVAL: 'lexical' });
    const questionsPath = path.join(project.root, 'mini.jsonl');
    await writeFile(questionsPath, questions.map((q) => JSON.stringify(q)).join('\n'));
    const reportsDir = path.join(project.root, 'reports');

    const { report, files } = await runEval({ config: project.config, questionsPath, reportsDir, topK: 3, now: () => new Date('2024-01-01T00:00:00Z') });

    expect(files.json).toBe(path.join(reportsDir, 'eval-mini-lexical.json'));
    expect(files.markdown).toBe(path.join(reportsDir, 'eval-mini-lexical.md'));
    expect(report.setup).toMatchObject({ mode: 'lexical', indexMode: 'lexical', model: null, topK: 3, depth: 10 });
    expect(report.setup.questionSet).toMatchObject({ name: 'mini', questions: 3 });
    expect(report.groups.map((g) => g.group).slice(0, 5)).toEqual(['all', 'it', 'en', 'same-language', 'cross-lingual']);
    expect(report.groups.map((g) => g.group)).toContain('it→it'); // then the language pairs
    // The Italian question shares its key words with its gold paragraph, so BM25 finds it first.
    expect(report.groups.find((g) => g.group === 'it')!.system.recallAt1).toBe(1);
    expect(report.misses.map((m) => m.id)).toContain('x1');
    expect(report.warnings).toEqual(['Gold paragraph missing.txt#1 is not in the index: is the question set for this corpus?']);
    expect(report.notes.join(' ')).toMatch(/lexical mode/);

    const written = JSON.parse(await readFile(files.json, 'utf8'));
    expect(written.groups).toEqual(report.groups);
    const markdown = await readFile(files.markdown, 'utf8');
    expect(markdown).toContain('| all | word-overlap baseline | 3 |');
  });

  it('refuses a dense or hybrid run when the service is lexical-only', async () => {
    const project = await createTempProject({ RETRIEVAL: 'lexical' });
    const questionsPath = path.join(project.root, 'q.jsonl');
    await writeFile(questionsPath, JSON.stringify(questions[0]));
    await expect(runEval({ config: project.config, questionsPath, reportsDir: path.join(project.root, 'r'), mode: 'dense' })).rejects.toThrow(
      /Cannot evaluate in dense mode: the service runs lexical-only/,
    );
  });
});
