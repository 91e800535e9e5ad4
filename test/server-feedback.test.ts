import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { renderDislikedAnswers } from '../src/feedback/disliked-report.js';
import { FEEDBACK_FILE, readFeedback, type FeedbackRecord } from '../src/feedback/feedback-store.js';
import { MAX_BODY_BYTES } from '../src/server/app.js';
import { createTestApp, expectJsonError, postJson, withServer } from './server-helpers.js';

const feedback = {
  verdict: 'down',
  question: 'Quando si svolgeranno le elezioni?',
  answer: 'Dai documenti: Il 10 gennaio si svolgeranno in Kazakistan le elezioni per il Majilis. [1]',
  citations: [{ id: 1, file: '002_23fe508d9d363cf9.txt', paragraph: 1, text: 'ignored', start: 0, end: 10, quotes: [] }],
  comment: '  Manca l’anno.  ',
  requestId: 'a1b2-c3',
  lang: 'it',
};

describe('POST /api/feedback', () => {
  test('appends what the reader sent (and only that) as one JSON line, and the eval listing shows it', async () => {
    const { app, runtime } = await createTestApp();
    const dir = runtime.config.feedbackDir;
    const first = await app.request('/api/feedback', postJson(feedback));
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ status: 'recorded', requestId: expect.any(String) });
    const second = await app.request('/api/feedback', postJson({ verdict: 'up', question: 'Chi?', answer: 'Nessuno.' }));
    expect(second.status).toBe(201);

    const lines = (await readFile(path.join(dir, FEEDBACK_FILE), 'utf8')).trimEnd().split('\n');
    const records = lines.map((l) => JSON.parse(l) as FeedbackRecord);
    const disliked = records.find((r) => r.verdict === 'down')!;
    expect(disliked).toEqual({
      receivedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      verdict: 'down',
      question: feedback.question,
      answer: feedback.answer,
      citations: [{ id: 1, file: '002_23fe508d9d363cf9.txt', paragraph: 1 }],
      comment: 'Manca l’anno.',
      answerRequestId: 'a1b2-c3',
      language: 'it',
    });

    const { records: read, unreadable } = await readFeedback(dir);
    expect(unreadable).toBe(0);
    const listing = renderDislikedAnswers(read);
    expect(listing).toContain('disliked');
    expect(listing).toContain(`Question: ${feedback.question}`);
    expect(listing).toContain('Comment:  Manca l’anno.');
    expect(listing).toContain('[1] 002_23fe508d9d363cf9.txt ¶1');
    expect(listing).not.toContain('Question: Chi?');
  });

  test('rejects a bad verdict, a missing question, an oversized comment or body with a JSON 4xx, writing nothing', async () => {
    const { app, runtime } = await createTestApp();
    const before = (await readFeedback(runtime.config.feedbackDir)).records.length;
    await expectJsonError(await app.request('/api/feedback', postJson({ ...feedback, verdict: 'meh' })), 400, 'invalid_request');
    await expectJsonError(await app.request('/api/feedback', postJson({ ...feedback, question: '  ' })), 400, 'invalid_request');
    await expectJsonError(await app.request('/api/feedback', postJson({ ...feedback, comment: 'x'.repeat(2001) })), 400, 'invalid_request');
    // Over the bound as sent, within it once trimmed: the schema bounds what is sent.
    await expectJsonError(await app.request('/api/feedback', postJson({ ...feedback, comment: ` ${'x'.repeat(1999)}  ` })), 400, 'invalid_request');
    await expectJsonError(await app.request('/api/feedback', postJson({ ...feedback, requestId: '<script>' })), 400, 'invalid_request');
    await expectJsonError(await app.request('/api/feedback', postJson({ ...feedback, answer: 'x'.repeat(MAX_BODY_BYTES) })), 413);
    await expectJsonError(await app.request('/api/feedback', postJson('{"verdict":')), 400, 'invalid_json');
    expect((await readFeedback(runtime.config.feedbackDir)).records.length).toBe(before);
  });

  test('is rate-limited like the rest of /api', async () => {
    const { runtime } = await createTestApp();
    const { app } = await createTestApp({ config: withServer(runtime.config, { rateLimitPerMinute: 1 }) });
    expect((await app.request('/api/feedback', postJson(feedback))).status).toBe(201);
    await expectJsonError(await app.request('/api/feedback', postJson(feedback)), 429, 'rate_limited');
  });
});

describe('GET /api/suggestions', () => {
  test('gives the operator’s questions for the language, and none where none are set', async () => {
    const { runtime } = await createTestApp();
    const config = { ...runtime.config, suggestions: { it: ['Quando si vota?', 'Chi osserva le elezioni?'] } };
    const { app } = await createTestApp({ config });
    expect(await (await app.request('/api/suggestions?lang=it')).json()).toEqual({ language: 'it', suggestions: ['Quando si vota?', 'Chi osserva le elezioni?'] });
    expect(await (await app.request('/api/suggestions?lang=ar')).json()).toEqual({ language: 'ar', suggestions: [] });
    await expectJsonError(await app.request('/api/suggestions?lang=fr'), 400, 'invalid_request');
  });
});
