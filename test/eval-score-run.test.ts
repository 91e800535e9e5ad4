import { describe, expect, it } from 'vitest';
import type { EvalQuestion } from '../src/eval/questions.js';
import { excerpt, scoreRun } from '../src/eval/score-run.js';

const questions: EvalQuestion[] = [
  { id: 'q1', lang: 'it', question: 'Quando?', gold: [['it.txt', 1]], cross: false },
  { id: 'q2', lang: 'en', question: 'When?', gold: [['it.txt', 1]], cross: true },
  { id: 'q3', lang: 'en', question: 'Who?', gold: [['it.txt', 2], ['ar.txt', 9]], cross: true },
];
const texts = new Map([
  ['it.txt#1', 'Il 10 gennaio si vota.'],
  ['it.txt#2', 'Nur Otan vince.'],
  ['it.txt#3', 'Altro.'],
]);
const textOf = (key: string) => texts.get(key);

describe('scoreRun', () => {
  const system = new Map([
    ['q1', ['it.txt#1', 'it.txt#2']],
    ['q2', ['it.txt#3', 'it.txt#2', 'it.txt#1']],
    ['q3', ['it.txt#3']],
  ]);
  const baseline = new Map([
    ['q1', ['it.txt#2', 'it.txt#1']],
    ['q2', []],
    ['q3', ['it.txt#2']],
  ]);

  it('scores all questions, each language present, then same-language vs cross-lingual, for both rankers', () => {
    const { groups } = scoreRun({ questions, system, baseline, topK: 2, textOf });
    expect(groups.map((g) => [g.group, g.system.questions])).toEqual([
      ['all', 3],
      ['it', 1],
      ['en', 2],
      ['same-language', 1],
      ['cross-lingual', 2],
    ]);
    const all = groups[0]!;
    expect(all.system.recallAt1).toBeCloseTo(1 / 3);
    expect(all.system.recallAt5).toBeCloseTo(2 / 3);
    expect(all.system.mrr).toBeCloseTo((1 + 1 / 3 + 0) / 3);
    expect(all.baseline.recallAt1).toBeCloseTo(1 / 3);
    expect(all.baseline.mrr).toBeCloseTo((1 / 2 + 0 + 1) / 3);
    const cross = groups.find((g) => g.group === 'cross-lingual')!;
    expect(cross.system.recallAt5).toBeCloseTo(1 / 2);
  });

  it('lists as misses the questions with no gold paragraph in the top k, with what came back', () => {
    const { misses } = scoreRun({ questions, system, baseline, topK: 2, textOf });
    expect(misses.map((m) => [m.id, m.goldRank])).toEqual([
      ['q2', 3],
      ['q3', null],
    ]);
    expect(misses[0]!.returned).toEqual([
      { key: 'it.txt#3', excerpt: 'Altro.' },
      { key: 'it.txt#2', excerpt: 'Nur Otan vince.' },
    ]);
    expect(misses[0]!.gold).toEqual([{ key: 'it.txt#1', excerpt: 'Il 10 gennaio si vota.' }]);
    expect(misses[1]!.gold[1]).toEqual({ key: 'ar.txt#9', excerpt: '(not in the index)' });
  });

  it('reports gold paragraphs that the index does not have', () => {
    expect(scoreRun({ questions, system, baseline, topK: 2, textOf }).unknownGold).toEqual(['ar.txt#9']);
  });

  it('cuts excerpts at a length, on one line', () => {
    expect(excerpt('uno\n due  tre', 100)).toBe('uno due tre');
    expect(excerpt('abcdef', 3)).toBe('abc…');
  });
});
