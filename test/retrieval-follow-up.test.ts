/** Which questions lean on the previous one, and what the widget sends as history. */
import { describe, expect, it } from 'vitest';
import { contextualQueries, dependsOnPrevious } from '../src/retrieval/follow-up.js';
import { historyForRequest, HISTORY_TURNS } from '../src/widget/client/history.js';
import type { StoredTurn } from '../src/widget/client/conversation-store.js';

describe('dependsOnPrevious', () => {
  it.each([
    ['And in 2019?', 'en'],
    ['Who financed it?', 'en'],
    ['Which years does it cover in the report?', 'en'],
    ['E chi ha chiesto di inviare gli SMS?', 'it'],
    ['Perché sono stati definiti così dalle autorità?', 'it'],
    ['Олар қанша жылға сотталды?', 'kk'],
    ['Ал Малиде ше?', 'kk'],
    ['ومن موّله؟', 'ar'],
    ['ولماذا أرسلت وحدة عسكرية إلى البلاد؟', 'ar'],
  ] as const)('takes %s as a follow-up', (question, language) => {
    expect(dependsOnPrevious(question, language)).toBe(true);
  });

  it.each([
    ['How many political prisoners and cases of political persecution does Kazakhstan have?', 'en'],
    ['Da quale paese proviene la tecnologia usata per bloccare Internet in Kazakistan?', 'it'],
    ['Билік Қазақстанды қандай қоғам ретінде көрсетуге тырысады?', 'kk'],
    ['لماذا أرسلت منظمة معاهدة الأمن الجماعي وحدة عسكرية إلى كازاخستان؟', 'ar'],
  ] as const)('takes %s as standing alone', (question, language) => {
    expect(dependsOnPrevious(question, language)).toBe(false);
  });

  it('searches a follow-up alone and joined to the previous question, and a question without history alone', () => {
    expect(contextualQueries('And in Mali?', [{ question: 'What did Russia do in Libya?' }], 'en')).toEqual(['And in Mali?', 'What did Russia do in Libya? And in Mali?']);
    expect(contextualQueries('And in Mali?', [], 'en')).toEqual(['And in Mali?']);
  });
});

describe('historyForRequest', () => {
  const turn = (n: number): StoredTurn => ({ question: `Question ${n}?`, response: { answer: `Answer ${n} [1][2]  with   spaces.`, citations: [] } as unknown as StoredTurn['response'] });

  it('sends the last turns, oldest first, answers without citation markers and cut short', () => {
    const history = historyForRequest([1, 2, 3, 4, 5].map(turn));
    expect(history).toHaveLength(HISTORY_TURNS);
    expect(history[0]).toEqual({ question: 'Question 3?', answer: 'Answer 3 with spaces.' });
    const long = historyForRequest([{ question: 'Q?', response: { answer: 'x'.repeat(5000), citations: [] } as unknown as StoredTurn['response'] }]);
    expect(long[0]!.answer!.length).toBeLessThanOrEqual(600);
  });
});
