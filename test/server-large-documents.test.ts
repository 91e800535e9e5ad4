import { describe, expect, test } from 'vitest';
import { loadConfig, ConfigError } from '../src/config.js';
import { WINDOW_MAX_CHARS, paragraphWindow } from '../src/corpus/paragraph-window.js';
import type { SourceDocument } from '../src/corpus/types.js';
import { widgetRoutes } from '../src/widget/routes.js';
import { createTestApp, sharedRuntime, withServer } from './server-helpers.js';

/** A 6 MB document of 3,000 paragraphs of 2,000 characters. */
const big: SourceDocument = {
  file: 'big.txt',
  sha256: '0'.repeat(64),
  language: 'en',
  paragraphs: Array.from({ length: 3000 }, (_, i) => ({ number: i + 1, text: `Paragraph ${i + 1} `.padEnd(2000, 'x'), language: 'en' as const })),
} as unknown as SourceDocument;

async function bigApp(server: Parameters<typeof withServer>[1] = {}) {
  const runtime = await sharedRuntime();
  const index = { ...runtime.index, documents: new Map([...runtime.index.documents, ['big.txt', big]]) };
  return createTestApp({ config: withServer(runtime.config, server), index, extraRoutes: widgetRoutes({ index }) });
}

describe('large documents are served in bounded windows', () => {
  test('GET /api/sources/:file returns at most 256 KB of paragraphs, and `next` walks the whole file once', async () => {
    const { app } = await bigApp();
    const seen: number[] = [];
    let from: number | undefined = 1;
    let requests = 0;
    while (from !== undefined) {
      const response = await app.request(`/api/sources/big.txt?from=${from}`);
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(text.length).toBeLessThan(WINDOW_MAX_CHARS + 64 * 1024);
      const body = JSON.parse(text);
      expect(body.paragraphCount).toBe(3000);
      seen.push(...body.paragraphs.map((p: { paragraph: number }) => p.paragraph));
      from = body.next;
      requests += 1;
    }
    expect(seen).toEqual(big.paragraphs.map((p) => p.number));
    expect(requests).toBeGreaterThan(20);
  });

  test('the source page shows one window with links to the neighbouring ones', async () => {
    const { app } = await bigApp();
    const page = await (await app.request('/sources/big.txt?from=200')).text();
    expect(page.length).toBeLessThan(WINDOW_MAX_CHARS + 64 * 1024);
    expect(page).toContain('id="p-200"');
    expect(page).not.toContain('id="p-199"');
    expect(page).toMatch(/href="\?from=\d+&amp;lang=en">← Earlier/);
    expect(page).toMatch(/href="\?from=\d+&amp;lang=en">Later/);
  });

  test('source pages are rate limited like the API', async () => {
    const { app } = await bigApp({ rateLimitPerMinute: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await app.request('/sources/big.txt')).status);
    expect(statuses).toEqual([200, 200, 429]);
  });

  test('a window always holds at least one paragraph, and a `from` past the end holds none', () => {
    expect(paragraphWindow(big, 1, 10).paragraphs).toHaveLength(1);
    expect(paragraphWindow(big, 5000)).toMatchObject({ paragraphs: [] });
    expect(paragraphWindow(big, 2, 4000)).toMatchObject({ previous: 1, next: 4 });
  });
});

describe('PUBLIC_URL setting', () => {
  test('is an http(s) URL, kept without a trailing slash', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://qa.example.org/' }).server.publicUrl).toBe('https://qa.example.org');
    expect(loadConfig({}).server.publicUrl).toBeUndefined();
    expect(() => loadConfig({ PUBLIC_URL: 'javascript:alert(1)' })).toThrow(ConfigError);
  });
});
