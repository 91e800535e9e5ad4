/** The widget's HTTP routes, driven in-process: the bundle with caching headers, the demo page, and source pages. */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SourceDocument } from '../src/corpus/types.js';
import type { LoadedIndex, Manifest } from '../src/index/types.js';
import { ensureWidgetBuilt } from '../src/widget/build-widget.js';
import { widgetRoutes } from '../src/widget/routes.js';
import { tempDir } from './helpers/temp-dir.js';

const documents: SourceDocument[] = [
  {
    file: 'notes/ar.txt',
    sha256: 'a'.repeat(64),
    language: 'ar',
    title: 'تقرير عن كازاخستان',
    paragraphs: [
      { number: 1, text: 'تقرير عن كازاخستان', language: 'ar' },
      { number: 2, text: 'منظمة Amnesty International تقول <b>شيئًا</b>', language: 'ar' },
    ],
  },
  {
    file: 'it.txt',
    sha256: 'b'.repeat(64),
    language: 'it',
    title: 'Elezioni <in> Kazakistan',
    paragraphs: [
      { number: 1, text: 'Elezioni <in> Kazakistan', language: 'it' },
      { number: 2, text: 'Un paragrafo con <img src=x onerror=alert(1)> dentro.', language: 'it' },
      { number: 3, text: 'Fine.', language: 'other' },
    ],
  },
];

const manifest: Manifest = {
  version: 2,
  checksums: {},
  builtAt: '2026-01-02T03:04:05.000Z',
  corpusDir: '/corpus',
  model: null,
  dimensions: null,
  retrieval: 'lexical',
  reason: 'RETRIEVAL=lexical',
  chunking: { maxChars: 700, overlapChars: 120, shortParagraphChars: 40 },
  hnsw: null,
  files: documents.map((d) => ({ file: d.file, sha256: d.sha256, paragraphs: d.paragraphs.length, chunks: d.paragraphs.length, language: d.language })),
  chunks: 5,
};

const index: LoadedIndex = {
  manifest,
  chunks: [],
  documents: new Map(documents.map((d) => [d.file, d])),
  lexical: { search: () => [] },
};

let assetsDir: string;
let app: ReturnType<typeof widgetRoutes>;

beforeAll(async () => {
  assetsDir = await tempDir('widget-routes-');
  await ensureWidgetBuilt({ outFile: path.join(assetsDir, 'widget.js') });
  app = widgetRoutes({ index, assetsDir });
});

describe('GET /widget.js', () => {
  it('serves the bundle with caching headers, an ETag and cross-origin loading allowed', async () => {
    const res = await app.request('/widget.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(res.headers.get('cache-control')).toMatch(/max-age=\d+/);
    expect(res.headers.get('etag')).toMatch(/^"[\w-]+"$/);
    const body = await res.text();
    expect(body).toContain('rag-chat');
    expect(body).not.toContain('innerHTML');
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const etag = (await app.request('/widget.js')).headers.get('etag')!;
    const res = await app.request('/widget.js', { headers: { 'If-None-Match': `W/${etag}, "other"` } });
    expect(res.status).toBe(304);
    expect(await res.text()).toBe('');
  });
});

describe('GET /', () => {
  it('embeds the widget with one script tag and lists the corpus from the index', async () => {
    const res = await app.request('http://qa.example:8080/');
    const page = await res.text();
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    // The Host header is never reflected: without PUBLIC_URL the endpoint is relative (the script's own origin).
    expect(page).toContain('<script src="/widget.js" data-endpoint="" defer></script>');
    expect(page).not.toContain('qa.example');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(page).toMatch(/2 files · 5 paragraphs · 5 indexed passages/);
    expect(page).toContain('href="/sources/notes%2Far.txt"');
    expect(page).toMatch(/<td class="num">3<\/td>/);
    expect(page).toContain('Arabic (العربية)');
    expect(page).toContain('<span class="opening" dir="auto" lang="ar">');
  });

  it('lists each document by its title, with the file name under it and the opening after the title', async () => {
    const page = await (await app.request('/')).text();
    expect(page).toContain('<th scope="col">Document</th>');
    expect(page).toContain(
      '<td><a href="/sources/notes%2Far.txt"><bdi class="doc-title" dir="auto">تقرير عن كازاخستان</bdi></a><br><bdi class="file-name">notes/ar.txt</bdi></td>',
    );
    // The title is the first paragraph, so the opening shown is the one after it.
    expect(page).toContain('<span class="opening" dir="auto" lang="ar">منظمة Amnesty International تقول &lt;b&gt;شيئًا&lt;/b&gt;</span>');
    // Titles are document text: escaped, never markup.
    expect(page).toContain('<bdi class="doc-title" dir="auto">Elezioni &lt;in&gt; Kazakistan</bdi>');
    expect(page).not.toContain('<in>');
  });

  it('fills the embed snippet with the origin the browser used, by a same-origin script, when PUBLIC_URL is unset', async () => {
    const page = await (await app.request('http://qa.example:8080/')).text();
    expect(page).toContain('<code data-origin-placeholder="https://THIS-SERVER">&lt;script src=&quot;https://THIS-SERVER/widget.js&quot; data-endpoint=&quot;https://THIS-SERVER&quot; defer&gt;&lt;/script&gt;</code>');
    expect(page).toContain('<script src="/demo-page.js" defer></script>');
    const script = await app.request('/demo-page.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toContain('location.origin');
  });

  it('passes a known ?lang to the widget and ignores anything else', async () => {
    expect(await (await app.request('/?lang=kk')).text()).toContain('data-lang="kk"');
    const page = await (await app.request('/?lang=%22%3E%3Cscript%3E')).text();
    expect(page).toContain('<script src="/widget.js" data-endpoint="" defer></script>');
    expect(page).not.toContain('"><script>');
  });

  it('follows ?lang and Accept-Language in its own words and direction, like the source pages', async () => {
    const arabic = await (await app.request('/?lang=ar')).text();
    expect(arabic).toContain('<html lang="ar" dir="rtl">');
    expect(arabic).toContain('<h1>اسأل الوثائق</h1>');
    const italian = await (await app.request('/', { headers: { 'Accept-Language': 'fr-FR,it;q=0.8,en;q=0.5' } })).text();
    expect(italian).toContain('<html lang="it" dir="ltr">');
    expect(italian).toContain('<h2>Che cosa contiene il corpus</h2>');
    const res = await app.request('/?lang=kk', { headers: { 'Accept-Language': 'it' } });
    expect(await res.text()).toContain('<h1>Құжаттардан сұраңыз</h1>');
    expect(res.headers.get('vary')).toContain('Accept-Language');
  });
});

describe('PUBLIC_URL', () => {
  it('names the configured public origin in the endpoint and embed snippet, whatever Host says', async () => {
    const withUrl = widgetRoutes({ index, assetsDir, publicUrl: 'https://qa.example.org' });
    const page = await (await withUrl.request('http://evil.example/', { headers: { host: 'evil.example' } })).text();
    expect(page).toContain('<script src="/widget.js" data-endpoint="https://qa.example.org" defer></script>');
    expect(page).toContain('https://qa.example.org/widget.js');
    expect(page).not.toContain('evil.example');
    expect(page).not.toContain('demo-page.js');
  });
});

describe('GET /sources/:file', () => {
  it('shows every paragraph with its number, id and direction, escaped', async () => {
    const res = await app.request('/sources/it.txt?lang=en');
    const page = await res.text();
    expect(res.status).toBe(200);
    expect(page).toContain('<section class="paragraph" id="p-2">');
    expect(page).toContain('<a class="n" href="#p-2" aria-label="Paragraph 2">2</a>');
    expect(page).toContain('Un paragrafo con &lt;img src=x onerror=alert(1)&gt; dentro.');
    expect(page).not.toContain('<img');
    expect(page).toContain('<p dir="auto">Fine.</p>');
    expect(page).toContain('.paragraph:target');
  });

  it('heads the page with the title (escaped) and names the file under it', async () => {
    const page = await (await app.request('/sources/it.txt?lang=en')).text();
    expect(page).toContain('<title>Elezioni &lt;in&gt; Kazakistan · it.txt</title>');
    expect(page).toContain('<h1><bdi dir="auto">Elezioni &lt;in&gt; Kazakistan</bdi></h1>');
    expect(page).toContain('<p class="lead"><bdi class="file-name">it.txt</bdi> · ');
    const arabic = await (await app.request('/sources/notes%2Far.txt?lang=en')).text();
    expect(arabic).toContain('<h1><bdi dir="auto">تقرير عن كازاخستان</bdi></h1>');
  });

  it('lays an Arabic document out right to left, also when its path has a folder (encoded or not)', async () => {
    for (const url of ['/sources/notes%2Far.txt', '/sources/notes/ar.txt']) {
      const page = await (await app.request(url)).text();
      expect(page).toContain('<article dir="rtl" lang="ar">');
      expect(page).toContain('<p dir="auto" lang="ar">منظمة Amnesty International تقول &lt;b&gt;شيئًا&lt;/b&gt;</p>');
    }
  });

  it('speaks the reader’s language: ?lang=, else Accept-Language, else the document’s language', async () => {
    const cases: [string, Record<string, string>, string, string][] = [
      ['/sources/it.txt?lang=kk', { 'Accept-Language': 'ar' }, 'kk', 'Барлық құжаттар'],
      ['/sources/it.txt', { 'Accept-Language': 'fr-FR, ar;q=0.9, en;q=0.8' }, 'ar', 'كل الوثائق'],
      ['/sources/it.txt', {}, 'it', 'Tutti i documenti'],
      ['/sources/notes/ar.txt?lang=xx', { 'Accept-Language': 'de' }, 'ar', 'كل الوثائق'],
      ['/sources/it.txt?lang=en', {}, 'en', 'All documents'],
    ];
    for (const [url, headers, lang, label] of cases) {
      const page = await (await app.request(url, { headers })).text();
      expect(page, url).toContain(`<html lang="${lang}"`);
      expect(page, url).toContain(label);
      expect(page, url).not.toContain('#p-N');
    }
  });

  it('marks the quoted spans named by ?highlight=, the first as #quote-1, and ignores a malformed one', async () => {
    const page = await (await app.request('/sources/it.txt?highlight=2:0-2,3-12')).text();
    expect(page).toContain('<section class="paragraph quoted" id="p-2">');
    expect(page).toMatch(/<mark id="quote-1">Un<\/mark> <mark id="quote-2">paragrafo<\/mark> con/);
    for (const bad of ['2:5', 'x:1-2', '2:1-2;alert(1)']) {
      const other = await (await app.request(`/sources/it.txt?highlight=${encodeURIComponent(bad)}`)).text();
      expect(other, bad).not.toContain('<mark');
    }
  });

  it('answers 404 for anything that is not a file of the index, without touching the file system', async () => {
    for (const url of ['/sources/missing.txt', '/sources/..%2Fpackage.json', '/sources/../package.json', '/sources/%3Cscript%3E']) {
      const res = await app.request(url);
      expect(res.status, url).toBe(404);
      const page = await res.text();
      expect(page).not.toContain('"name": "kazakh-rag"');
      expect(page).not.toContain('<script>');
    }
  });
});
