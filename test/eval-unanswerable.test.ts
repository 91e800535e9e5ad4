import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { noProgress } from '../src/cli/progress.js';
import { renderUnanswerableMarkdown, runUnanswerable } from '../src/eval/run-unanswerable.js';
import { tempDir } from './helpers/temp-dir.js';
import { createTempProject } from './helpers/temp-project.js';

async function beirSet(queries: string[]): Promise<string> {
  const dir = path.join(await tempDir('beir-'), 'trivia_en-en');
  await mkdir(dir);
  await writeFile(path.join(dir, 'corpus.jsonl'), `${JSON.stringify({ _id: 'p1', text: 'unused' })}\n`);
  await writeFile(path.join(dir, 'queries.jsonl'), queries.map((text, i) => JSON.stringify({ _id: `q${i}`, text })).join('\n'));
  await writeFile(path.join(dir, 'qrels.tsv'), 'query-id\tcorpus-id\tscore\nq0\tp1\t1\n');
  return dir;
}

describe('unanswerable questions asked against the corpus', () => {
  it('counts how many answers are marked grounded, possibly relevant or not in the documents', async () => {
    const { config } = await createTempProject({ RETRIEVAL: 'lexical' });
    const dir = await beirSet([
      'How many moons does Jupiter have?',
      'Which river flows through Vienna?',
      'Quanti prigionieri politici ci sono in Kazakistan?', // the corpus answers this one
    ]);
    const [report] = await runUnanswerable({ config, dirs: [dir], progress: noProgress });
    expect(report).toMatchObject({ set: 'trivia_en-en', mode: 'lexical', queries: 3 });
    expect(report!.markedGrounded).toBeCloseTo(1 / 3);
    expect(report!.markedGrounded + report!.possible + report!.none).toBeCloseTo(1);
    expect(renderUnanswerableMarkdown([report!])).toContain('| trivia_en-en |');

    const [limited] = await runUnanswerable({ config, dirs: [dir], limit: 2, progress: noProgress });
    expect(limited).toMatchObject({ queries: 2, markedGrounded: 0 });
  });
});
