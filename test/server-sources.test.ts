import { describe, expect, test } from 'vitest';
import type { SourceDocument } from '../src/corpus/types.js';
import type { SearchResponse, SourceDocumentResponse, SourceParagraphResponse } from '../src/server/schemas.js';
import { SourceDocumentResponseSchema, SourceParagraphResponseSchema } from '../src/server/schemas.js';
import { createTestApp, expectCitationsVerbatim, expectJsonError, sharedRuntime } from './server-helpers.js';

const FILE = '002_23fe508d9d363cf9.txt';

describe('GET /api/search', () => {
  test('returns ranked passages with scores, verbatim, no answer', async () => {
    const { app, runtime } = await createTestApp();
    const response = await app.request(`/api/search?q=${encodeURIComponent('prigionieri politici Kazakistan')}&topK=3`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as SearchResponse;
    expect(body).not.toHaveProperty('answer');
    expect(body.language).toBe('it');
    expect(body.results.length).toBeGreaterThan(0);
    expect(body.results.length).toBeLessThanOrEqual(3);
    expect(body.results.map((r) => r.id)).toEqual(body.results.map((_, i) => i + 1));
    expect(body.results.some((r) => r.file === FILE && r.paragraph === 2)).toBe(true);
    const scores = body.results.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expectCitationsVerbatim(runtime.index, body.results);
  });

  test('malformed percent-encoding and odd characters in q never give a 5xx', async () => {
    const { app } = await createTestApp();
    for (const q of ['%ED%A0%80', '%FF', '%', '%E0%A4%A', '%F0%9F%87%B0%F0%9F%87%BF', '%E2%80%8Fabc%E2%80%AE']) {
      const response = await app.request(`/api/search?q=${q}`);
      expect([200, 400]).toContain(response.status);
    }
  });

  test('defaults topK to 5', async () => {
    const { app } = await createTestApp();
    const body = (await (await app.request('/api/search?q=Kazakistan')).json()) as SearchResponse;
    expect(body.results.length).toBe(5);
  });

  test.each([
    ['/api/search', /q: is required/],
    ['/api/search?q=', /q: must not be empty/],
    ['/api/search?q=%20%20', /q: must not be empty/],
    [`/api/search?q=${'a'.repeat(2001)}`, /q: must be at most 2000/],
    ['/api/search?q=elezioni&topK=0', /topK/],
    ['/api/search?q=elezioni&topK=21', /topK/],
    ['/api/search?q=elezioni&topK=2.5', /topK/],
    ['/api/search?q=elezioni&topK=abc', /topK/],
    ['/api/search?q=elezioni&lang=xx', /lang/],
  ])('%s → 400', async (url, message) => {
    const { app } = await createTestApp();
    const body = await expectJsonError(await app.request(url), 400, 'invalid_request');
    expect(body.error.message).toMatch(message);
  });
});

describe('GET /api/sources', () => {
  test('a paragraph with its neighbours, exactly as indexed', async () => {
    const { app, runtime } = await createTestApp();
    const response = await app.request(`/api/sources/${FILE}/2`);
    expect(response.status).toBe(200);
    const body = SourceParagraphResponseSchema.parse(await response.json()) as SourceParagraphResponse;
    const doc = runtime.index.documents.get(FILE)!;
    expect(body.text).toBe(doc.paragraphs[1].text);
    expect(body.previous).toEqual({ paragraph: 1, text: doc.paragraphs[0].text, language: doc.paragraphs[0].language });
    expect(body.next?.paragraph).toBe(3);
  });

  test('the first and last paragraphs have no previous / next', async () => {
    const { app, runtime } = await createTestApp();
    const doc = runtime.index.documents.get(FILE)!;
    const first = (await (await app.request(`/api/sources/${FILE}/1`)).json()) as SourceParagraphResponse;
    expect(first).not.toHaveProperty('previous');
    const lastNumber = doc.paragraphs.at(-1)!.number;
    const last = (await (await app.request(`/api/sources/${FILE}/${lastNumber}`)).json()) as SourceParagraphResponse;
    expect(last).not.toHaveProperty('next');
  });

  test('a whole file', async () => {
    const { app, runtime } = await createTestApp();
    const body = SourceDocumentResponseSchema.parse(await (await app.request(`/api/sources/${FILE}`)).json()) as SourceDocumentResponse;
    const doc = runtime.index.documents.get(FILE)!;
    expect(body.language).toBe(doc.language);
    expect(body.paragraphs.map((p) => p.text)).toEqual(doc.paragraphs.map((p) => p.text));
  });

  test('a file in a subfolder is requested with its "/" encoded as %2F', async () => {
    const runtime = await sharedRuntime();
    const documents = new Map(runtime.index.documents);
    const nested: SourceDocument = { file: 'notes/day one.txt', sha256: 'x', language: 'en', paragraphs: [{ number: 1, text: 'Hello.', language: 'en' }] };
    documents.set(nested.file, nested);
    const { app } = await createTestApp({ index: { ...runtime.index, documents } });
    const response = await app.request(`/api/sources/${encodeURIComponent(nested.file)}/1`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as SourceParagraphResponse).text).toBe('Hello.');
    expect((await app.request(`/api/sources/${encodeURIComponent(nested.file)}`)).status).toBe(200);
  });

  test.each([
    '..%2F..%2Fetc%2Fpasswd',
    '..%2Fcorpus%2F002_23fe508d9d363cf9.txt',
    '%2Fetc%2Fpasswd',
    '%2e%2e%2F%2e%2e%2Fetc%2Fpasswd',
    '%252e%252e%252fetc%252fpasswd',
    '..%5C..%5Cwindows%5Cwin.ini',
    'C%3A%5Cwindows%5Cwin.ini',
    '002_23fe508d9d363cf9.txt%00.png',
    'a%2F.%2Fb.txt',
    'a%2F%2Fb.txt',
    '%E0%A4%A',
  ])('a path trick (%s) gets a 400 and reads nothing', async (file) => {
    const runtime = await sharedRuntime();
    const lookups: string[] = [];
    class RecordingMap extends Map<string, SourceDocument> {
      override get(key: string) {
        lookups.push(key);
        return super.get(key);
      }
    }
    const { app } = await createTestApp({ index: { ...runtime.index, documents: new RecordingMap(runtime.index.documents) } });
    await expectJsonError(await app.request(`/api/sources/${file}`), 400, 'invalid_path');
    await expectJsonError(await app.request(`/api/sources/${file}/1`), 400, 'invalid_path');
    expect(lookups).toEqual([]);
  });

  test('dot segments in the URL itself never reach outside /api/sources', async () => {
    const { app } = await createTestApp();
    for (const url of ['/api/sources/../../etc/passwd', '/api/sources/%2e%2e/%2e%2e/etc/passwd', '/api/sources/.%2e/x']) {
      const response = await app.request(url);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    }
  });

  test('unknown files and paragraphs → 404; bad paragraph numbers → 400', async () => {
    const { app } = await createTestApp();
    await expectJsonError(await app.request('/api/sources/nope.txt'), 404, 'not_found');
    await expectJsonError(await app.request('/api/sources/package.json'), 404, 'not_found');
    await expectJsonError(await app.request(`/api/sources/${FILE}/9999`), 404, 'not_found');
    for (const bad of ['0', '-1', 'abc', '1.5', '01', '1e3']) {
      await expectJsonError(await app.request(`/api/sources/${FILE}/${bad}`), 400, 'invalid_request');
    }
  });
});
