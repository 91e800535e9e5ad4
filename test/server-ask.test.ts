import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { AskResponse } from '../src/server/schemas.js';
import { AskResponseSchema } from '../src/server/schemas.js';
import { createTestApp, expectCitationsVerbatim, postJson } from './server-helpers.js';

const ask = async (body: unknown) => {
  const { app, runtime } = await createTestApp();
  const response = await app.request('/api/ask', postJson(body));
  return { response, runtime };
};

describe('POST /api/ask', () => {
  test('answers the Italian question about political prisoners from 002, paragraph 2', async () => {
    const { response, runtime } = await ask({ question: 'Quanti prigionieri politici ci sono in Kazakistan?' });
    expect(response.status).toBe(200);
    const body = (await response.json()) as AskResponse;
    expect(AskResponseSchema.parse(body)).toBeTruthy();
    expect(body.language).toBe('it');
    expect(body.citations.some((c) => c.file === '002_23fe508d9d363cf9.txt' && c.paragraph === 2)).toBe(true);
    expect(body.grounded).toBe(true);
    expect(body.retrieval).toEqual({ mode: 'lexical', model: null });
    expectCitationsVerbatim(runtime.index, body.citations, body.answer);
    expect(body.citations.some((c) => c.quotes.length > 0)).toBe(true);
    for (const [, n] of body.answer.matchAll(/\[(\d+)\]/g)) {
      expect(body.citations.map((c) => c.id)).toContain(Number(n));
    }
    expect(body.timingsMs.total).toBeGreaterThanOrEqual(body.timingsMs.retrieve);
  });

  test('reports the given lang instead of the detected one, and trims the question', async () => {
    const { response } = await ask({ question: '  Quanti prigionieri politici ci sono in Kazakistan?\n', lang: 'en' });
    const body = (await response.json()) as AskResponse;
    expect(body.language).toBe('en');
    expect(body.question).toBe('Quanti prigionieri politici ci sono in Kazakistan?');
  });

  test('cites at most topK passages, each verbatim', async () => {
    const { response, runtime } = await ask({ question: 'elezioni Kazakistan osservatori', topK: 2 });
    const body = (await response.json()) as AskResponse;
    expect(response.status).toBe(200);
    expect(body.citations.length).toBeLessThanOrEqual(2);
    expectCitationsVerbatim(runtime.index, body.citations, body.answer);
  });

  test('questions in each language get their language detected and verbatim citations', async () => {
    const { app, runtime } = await createTestApp();
    const questions = {
      it: 'Quali restrizioni ha imposto la Commissione Elettorale Centrale agli osservatori?',
      en: 'What restrictions were imposed on election observers?',
      kk: 'Қазақстанда сайлау қашан өтеді?',
      ar: 'متى تجرى الانتخابات في كازاخستان؟',
    };
    for (const [language, question] of Object.entries(questions)) {
      const response = await app.request('/api/ask', postJson({ question }));
      expect(response.status).toBe(200);
      const body = (await response.json()) as AskResponse;
      expect(body.language).toBe(language);
      expectCitationsVerbatim(runtime.index, body.citations, body.answer);
    }
  });

  test('odd Unicode never gives a 5xx, and every citation stays verbatim', async () => {
    const { app, runtime } = await createTestApp();
    const odd = [
      '\u200F\u200Eما هي\u200B الانتخابات؟\u202E',
      'Kazakistan\u0000\u0007\u001B prigionieri',
      '🇰🇿🗳️ elezioni? 👩‍👩‍👧',
      'Қазақстан elezioni الانتخابات election',
      'lone \uD800 surrogate \uDFFF here',
      '\uFEFF\u2066prigionieri\u2069',
      'e\u0301le\u0301ctions co\u0308mbining',
    ];
    const check = async (question: string) => {
      const response = await app.request('/api/ask', postJson({ question }));
      expect(response.status).toBeLessThan(500);
      if (response.status === 200) expectCitationsVerbatim(runtime.index, ((await response.json()) as AskResponse).citations);
      else expect(response.status).toBe(400);
    };
    for (const question of odd) await check(question);
    await fc.assert(fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 60 }), check), { numRuns: 60 });
  });
});
