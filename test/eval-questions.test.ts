import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../src/corpus/read-corpus.js';
import { QuestionFileError, parseQuestions } from '../src/eval/questions.js';
import { CORPUS_DIR, REPO_ROOT } from './helpers/temp-project.js';

describe('parseQuestions', () => {
  it('reads one question a line, skipping blank lines, with cross defaulting to false', () => {
    const text = [
      '{"id":"a","lang":"it","question":"Chi?","gold":[["x.txt",2]]}',
      '',
      '{"id":"b","lang":"en","question":"Who?","gold":[["x.txt",2],["y.txt",1]],"cross":true}',
    ].join('\n');
    expect(parseQuestions(text, 'q.jsonl')).toEqual([
      { id: 'a', lang: 'it', question: 'Chi?', gold: [['x.txt', 2]], cross: false },
      { id: 'b', lang: 'en', question: 'Who?', gold: [['x.txt', 2], ['y.txt', 1]], cross: true },
    ]);
  });

  it('names the file and line of a malformed question', () => {
    const bad = '{"id":"a","lang":"it","question":"Chi?","gold":[["x.txt",2]]}\n{"id":"b","lang":"fr","question":"Qui?","gold":[]}';
    expect(() => parseQuestions(bad, 'q.jsonl')).toThrow(QuestionFileError);
    expect(() => parseQuestions(bad, 'q.jsonl')).toThrow(/q\.jsonl:2 .*lang/);
    expect(() => parseQuestions('{not json', 'q.jsonl')).toThrow(/q\.jsonl:1 is not valid JSON/);
    expect(() => parseQuestions('{"id":"a","lang":"it","question":"?","gold":[["x.txt",0]]}', 'q.jsonl')).toThrow(/gold/);
  });

  it('refuses repeated ids and empty files', () => {
    const line = '{"id":"a","lang":"it","question":"Chi?","gold":[["x.txt",2]]}';
    expect(() => parseQuestions(`${line}\n${line}`, 'q.jsonl')).toThrow(/q\.jsonl:2 repeats the id "a"/);
    expect(() => parseQuestions('\n\n', 'q.jsonl')).toThrow(/holds no questions/);
  });
});

describe('the project question set (src/eval/questions.jsonl)', () => {
  it('has gold paragraphs that exist and cross flags that match the documents’ languages', async () => {
    const file = path.join(REPO_ROOT, 'src/eval/questions.jsonl');
    const questions = parseQuestions(await readFile(file, 'utf8'), file);
    const { documents } = await readCorpus(CORPUS_DIR);
    const byFile = new Map(documents.map((d) => [d.file, d]));

    expect(questions.length).toBeGreaterThanOrEqual(40);
    expect(new Set(questions.map((q) => q.lang))).toEqual(new Set(['ar', 'it', 'kk', 'en']));
    for (const q of questions) {
      for (const [file, paragraph] of q.gold) {
        const doc = byFile.get(file);
        expect(doc, `${q.id}: ${file}`).toBeDefined();
        expect(doc!.paragraphs.some((p) => p.number === paragraph), `${q.id}: ${file}#${paragraph}`).toBe(true);
      }
      const cross = q.gold.some(([file]) => byFile.get(file)!.language !== q.lang);
      expect(q.cross, `${q.id} cross flag`).toBe(cross);
    }
    expect(questions.some((q) => q.cross) && questions.some((q) => !q.cross)).toBe(true);
  });
});
