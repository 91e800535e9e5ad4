/** What schemathesis found against /openapi.json, kept fixed: the document and the server agree. */
import { describe, expect, test } from 'vitest';
import { cleanQuestion, isBlank, VISIBLE_PATTERN } from '../src/server/question.js';
import { assertSafeFileName, SAFE_FILE_NAME_PATTERN } from '../src/server/source-path.js';
import { createTestApp, expectJsonError, postJson } from './server-helpers.js';

describe('the OpenAPI document states the rules the server applies', () => {
  test('a question matches the pattern exactly when the server finds it not blank', () => {
    const samples = ['\u001e', '\u0013', ' \t\n', '\u200b\u200f', '\ufeff', '\u00a0', '\u3000', 'a', ' x ', 'قطر', '😀', '\u00ad', '0', '\u0600'];
    for (const text of samples) expect(new RegExp(VISIBLE_PATTERN).test(text), JSON.stringify(text)).toBe(!isBlank(cleanQuestion(text)));
  });

  test('a file name matches the pattern exactly when assertSafeFileName accepts it', () => {
    const pattern = new RegExp(SAFE_FILE_NAME_PATTERN);
    const samples = ['a.txt', 'sub/a.txt', '..', 'a/../b', '.x', '...', '/abs', 'C:x', 'a\\b', '50%.txt', '%41', 'a//b', 'x/.', '\t\u0019', 'ab:c', 'x\u007f'];
    for (const name of samples) {
      const accepted = (() => { try { assertSafeFileName(name); return true; } catch { return false; } })();
      expect(pattern.test(name), JSON.stringify(name)).toBe(accepted);
    }
  });

  test('the stream is described event by event, as SSE tools read it', async () => {
    const { app } = await createTestApp();
    const document = await (await app.request('/openapi.json')).json();
    const schema = document.paths['/api/ask/stream'].post.responses['200'].content['text/event-stream'].schema;
    expect(schema.properties.event.enum).toEqual(['citations', 'delta', 'done', 'error']);
    expect(document.paths['/api/sources/{file}'].get.parameters[0].example).toBeTruthy();
  });
});

describe('methods a path does not serve', () => {
  test('get 405 JSON with Allow, not 404', async () => {
    const { app } = await createTestApp();
    const wrong = await app.request('/api/ask');
    await expectJsonError(wrong, 405, 'method_not_allowed');
    expect(wrong.headers.get('allow')).toBe('POST, OPTIONS');
    expect((await app.request('/health', { method: 'PUT' })).headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    await expectJsonError(await app.request('/api/search', postJson({ q: 'x' })), 405, 'method_not_allowed');
    await expectJsonError(await app.request('/nowhere', { method: 'DELETE' }), 404, 'not_found');
  });

  test('every path of the API description answers an undeclared method with 405', async () => {
    const { app } = await createTestApp();
    const document = await (await app.request('/openapi.json')).json();
    const paths = Object.keys(document.paths).map((p: string) => p.replace('{file}', '002_23fe508d9d363cf9.txt').replace('{paragraph}', '1'));
    expect(paths.length).toBeGreaterThan(5);
    for (const p of paths) expect((await app.request(p, { method: 'PATCH' })).status, p).toBe(405);
  });
});
