import { describe, expect, test } from 'vitest';
import { createTestApp, expectJsonError, postJson } from './server-helpers.js';

const ASK_ROUTES = ['/api/ask', '/api/ask/stream'];

describe.each(ASK_ROUTES)('bad requests to %s get JSON 4xx errors', (route) => {
  const send = async (init: RequestInit) => (await createTestApp()).app.request(route, init);

  test.each([
    ['an empty question', { question: '' }, /question: must not be empty/],
    ['a blank question', { question: ' \t\n ' }, /question: must not be empty/],
    ['an invisible-only question', { question: '\u200B\u200F\uFEFF\u2066' }, /question: must not be empty/],
    ['a missing question', { topK: 3 }, /question: is required/],
    ['a non-string question', { question: 42 }, /question: must be a string/],
    ['a null question', { question: null }, /question: must be a string/],
    ['a question over 2000 characters', { question: 'a'.repeat(2001) }, /question: must be at most 2000/],
    ['topK 0', { question: 'elezioni', topK: 0 }, /topK: must be an integer from 1 to 20/],
    ['topK 21', { question: 'elezioni', topK: 21 }, /topK/],
    ['a fractional topK', { question: 'elezioni', topK: 2.5 }, /topK/],
    ['a string topK', { question: 'elezioni', topK: '3' }, /topK/],
    ['an unknown lang', { question: 'elezioni', lang: 'fr' }, /lang: must be one of ar, it, kk, en/],
    ['a JSON array', [{ question: 'elezioni' }], /body: must be a JSON object/],
    ['JSON null', null, /body: must be a JSON object/],
    ['a JSON string', '"elezioni"', /body: must be a JSON object/],
  ])('%s → 400', async (_, body, message) => {
    const error = await expectJsonError(await send(postJson(body)), 400, 'invalid_request');
    expect(error.error.message).toMatch(message);
  });

  test('2000 characters after trimming are accepted (counted in code points)', async () => {
    const response = await send(postJson({ question: `  ${'😀'.repeat(1999)}a  ` }));
    expect(response.status).toBe(200);
  });

  test('invalid JSON → 400 invalid_json', async () => {
    await expectJsonError(await send(postJson('{"question": "elezioni"')), 400, 'invalid_json');
    await expectJsonError(await send(postJson('')), 400, 'invalid_json');
  });

  test('a non-JSON content type → 415', async () => {
    const init = { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"question":"elezioni"}' };
    await expectJsonError(await send(init), 415, 'unsupported_media_type');
    await expectJsonError(await send({ method: 'POST', body: '{"question":"elezioni"}' }), 415);
    await expectJsonError(await send({ ...init, headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415);
  });

  test('a body over 64 KB → 413, with or without a Content-Length', async () => {
    const big = JSON.stringify({ question: 'x'.repeat(70 * 1024) });
    await expectJsonError(await send(postJson(big)), 413, 'payload_too_large');
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const chunked = { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' };
    await expectJsonError(await send(chunked as RequestInit), 413, 'payload_too_large');
  });

  test('JSON with a charset parameter is accepted', async () => {
    const response = await send(postJson({ question: 'elezioni' }, { 'content-type': 'application/json; charset=utf-8' }));
    expect(response.status).toBe(200);
  });
});

describe('other failures', () => {
  test('an unknown route → 404 JSON', async () => {
    const { app } = await createTestApp();
    await expectJsonError(await app.request('/api/nothing-here'), 404, 'not_found');
    await expectJsonError(await app.request('/api/ask'), 405, 'method_not_allowed'); // GET on a POST route: see server-fuzz-findings
    await expectJsonError(await app.request('/does/not/exist', { method: 'DELETE' }), 404, 'not_found');
  });

  test('an unexpected failure → generic 500 JSON, logged with the request id, no details to the client', async () => {
    const { runtime } = await createTestApp();
    const failing = {
      ...runtime.answerer,
      answer: async () => {
        throw new Error('secret internal detail at /work/main/src/answer/x.ts:1:1');
      },
    };
    const { app, logs } = await createTestApp({ answerer: failing });
    const response = await app.request('/api/ask', postJson({ question: 'elezioni' }, { 'x-request-id': 'req-500-test' }));
    const body = await expectJsonError(response, 500, 'internal_error');
    expect(body.error.message).toContain('req-500-test');
    expect(body.error.message).not.toContain('secret');
    const logged = logs.find((entry) => entry.level === 'error');
    expect(logged).toMatchObject({ requestId: 'req-500-test', path: '/api/ask' });
    expect(String(logged?.error)).toContain('secret internal detail');
  });
});

describe('cancelled work', () => {
  test('an answerer aborted by its signal gives a 504 JSON and a warning, not a 500', async () => {
    const { runtime } = await createTestApp();
    const aborted = {
      ...runtime.answerer,
      answer: async () => {
        throw new DOMException('The operation was aborted due to timeout', 'TimeoutError');
      },
    };
    const { app, logs } = await createTestApp({ answerer: aborted });
    await expectJsonError(await app.request('/api/ask', postJson({ question: 'elezioni' })), 504, 'timeout');
    expect(logs.find((entry) => entry.level === 'warn')).toMatchObject({ msg: 'request aborted' });
    expect(logs.some((entry) => entry.level === 'error')).toBe(false);
  });
});
