import { describe, expect, it } from 'vitest';
import type { Citation } from '../src/answer/types.js';
import { formatAnswer, type AskResponseBody } from '../src/cli/format-answer.js';

const QUOTE = 'احتلت كازاخستان المرتبة 158 من بين 180 دولة في مؤشر حرية الصحافة.';
const citation: Citation = { id: 1, file: 'press.txt', title: 'Press freedom', paragraph: 4, text: QUOTE, start: 0, end: QUOTE.length, language: 'ar', dir: 'rtl', score: 0.8, quotes: [{ start: 0, end: QUOTE.length }] };
const lead = 'Found in paragraph 4 of “Press freedom” (Arabic):';
const body: AskResponseBody = {
  question: 'What rank does Kazakhstan have in press freedom?',
  language: 'en',
  lead,
  answer: `${lead}\n${QUOTE} [1]`,
  citations: [citation],
  gloss: [{ question: 'press freedom', source: 'حرية الصحافة', citation: 1 }, { question: 'rank', source: 'المرتبة 158 من بين 180', citation: 1 }],
  retrieval: { mode: 'hybrid', model: 'm' },
  grounded: true,
  support: 'answered',
  warnings: [],
  timingsMs: { total: 12 },
};

describe('formatAnswer (terminal)', () => {
  it('says the confidence state in words, then the lead line, each quote on a line of its own, and the gloss', () => {
    const lines = formatAnswer(body).split('\n');
    expect(lines.slice(0, 3)).toEqual(['[ANSWERED]', lead, `${QUOTE} [1]`]);
    expect(lines).toContain('Key terms:');
    expect(lines).toContain('  press freedom ↔ حرية الصحافة [1]');
    expect(lines).toContain('  rank ↔ المرتبة 158 من بين 180 [1]');
  });

  it('prints no gloss block when there is none, and says "not found" passages are not answers', () => {
    const none = formatAnswer({ ...body, gloss: undefined, support: 'none', grounded: false, lead: 'No passage in the documents answers this.', answer: 'No passage in the documents answers this.' });
    expect(none).not.toContain('Key terms');
    expect(none.split('\n')[0]).toBe('[NOT FOUND (the passages below are the nearest, not answers)]');
    expect(formatAnswer({ ...body, gloss: [] })).not.toContain('Key terms');
  });
});
