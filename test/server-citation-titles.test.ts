/** Every way a citation leaves the server carries its document's title, taken from the default corpus. */
import { describe, expect, test } from 'vitest';
import type { Citation } from '../src/answer/types.js';
import type { AskResponse, SearchResponse, SourceDocumentResponse } from '../src/server/schemas.js';
import { createTestApp, postJson } from './server-helpers.js';

/** The default corpus's titles: each .txt file's first line, cut at a word with … past 120 characters. */
const TITLES: Record<string, string> = {
  '000_68c45a22bf89f6e7.txt': 'تقرير مرصد لا- حرية: كازاخستان',
  '001_ab2ed0b91d19d8aa.txt': 'خلقت الحرب في أوكرانيا معسكرين رئيسيين متعارضين من البلدان. تحالف الديمقراطيات من جهة ومجموعة الاستبداد.',
  '002_23fe508d9d363cf9.txt': 'Il 10 gennaio si svolgeranno in Kazakistan le elezioni per il Majilis, ovvero la Camera dei Deputati. Anche se i suoi…',
  '003_5696f5a8dd52dece.txt':
    'Amnesty International (AI) халықаралық құқық қорғау ұйымы Қазақстан билігін "әлеуметтік желілерге бұрын-соңды болмаған…',
  '004_e58b63fe8df93c8c.txt': 'تعد روسيا مؤسسة خيرية للأنظمة الاستبدادية لدفع نموذجها ومنع نفس المشاكل من الانتشار على أراضيها. تعيد قضية كازاخستان…',
};

const QUESTIONS = [
  'Quanti prigionieri politici ci sono in Kazakistan?',
  'Amnesty International әлеуметтік желілер Қазақстан',
  'مرصد لا-حرية كازاخستان',
  'روسيا كازاخستان الأنظمة الاستبدادية',
  'الحرب في أوكرانيا معسكرين',
];

function expectTitled(citations: Citation[]): void {
  expect(citations.length).toBeGreaterThan(0);
  for (const citation of citations) expect(citation.title, citation.file).toBe(TITLES[citation.file]);
}

describe('citation titles', () => {
  test('POST /api/ask: every citation carries its document title', async () => {
    const { app } = await createTestApp();
    const cited = new Set<string>();
    for (const question of QUESTIONS) {
      const body = (await (await app.request('/api/ask', postJson({ question, topK: 10 }))).json()) as AskResponse;
      expectTitled(body.citations);
      body.citations.forEach((c) => cited.add(c.file));
    }
    expect([...cited].sort()).toEqual(Object.keys(TITLES).sort());
  });

  test('POST /api/ask/stream: the first citations event and the done event carry titles', async () => {
    const { app } = await createTestApp();
    const text = await (await app.request('/api/ask/stream', postJson({ question: QUESTIONS[1] }))).text();
    const data = (name: string) => {
      const block = text.split('\n\n').find((b) => b.startsWith(`event: ${name}\n`))!;
      return JSON.parse(block.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n'));
    };
    expectTitled(data('citations') as Citation[]);
    expectTitled((data('done') as AskResponse).citations);
  });

  test('GET /api/search: every result carries its document title', async () => {
    const { app } = await createTestApp();
    for (const q of QUESTIONS) {
      const body = (await (await app.request(`/api/search?q=${encodeURIComponent(q)}&topK=10`)).json()) as SearchResponse;
      expectTitled(body.results);
    }
  });

  test('GET /api/sources/:file names the same title', async () => {
    const { app } = await createTestApp();
    for (const [file, title] of Object.entries(TITLES)) {
      const body = (await (await app.request(`/api/sources/${file}`)).json()) as SourceDocumentResponse;
      expect(body.title).toBe(title);
    }
  });

  test('the API description requires a title on every citation', async () => {
    const { app } = await createTestApp();
    const spec = (await (await app.request('/openapi.json')).json()) as {
      components: { schemas: Record<string, { properties: Record<string, { type?: string; description?: string }>; required: string[] }> };
    };
    const citation = spec.components.schemas.Citation;
    expect(citation.properties.title).toMatchObject({ type: 'string' });
    expect(citation.properties.title.description).toMatch(/title/);
    expect(citation.required).toContain('title');
  });
});
