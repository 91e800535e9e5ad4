/** A corpus of PDF, DOCX and HTML files end to end: cited pages, source views, original files, incremental builds. */
import { copyFile, mkdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnswerer } from '../src/answer/create-answerer.js';
import type { Citation } from '../src/answer/types.js';
import { detectLanguage } from '../src/corpus/language.js';
import { openEmbedder } from '../src/embedding/open-embedder.js';
import { buildIndex } from '../src/index/build-index.js';
import type { PassageEmbedder } from '../src/index/embed-chunks.js';
import { loadIndex } from '../src/index/load-index.js';
import type { LoadedIndex } from '../src/index/types.js';
import { createSearcher } from '../src/retrieval/create-searcher.js';
import { createApp } from '../src/server/app.js';
import { widgetRoutes } from '../src/widget/routes.js';
import { FIXTURE_MODEL_DIR, REPO_ROOT, createTempProject, type TempProject } from './helpers/temp-project.js';

const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/documents');
const FILES = ['002_23fe508d9d363cf9.pdf', '000_68c45a22bf89f6e7.pdf', '003_5696f5a8dd52dece.docx', '002_23fe508d9d363cf9.html'];

/** A temp project whose corpus holds only the given fixture files. */
async function documentProject(env: Record<string, string>): Promise<TempProject> {
  const project = await createTempProject(env);
  await rm(project.corpusDir, { recursive: true });
  await mkdir(project.corpusDir);
  for (const file of FILES) await copyFile(path.join(FIXTURES, file), path.join(project.corpusDir, file));
  return project;
}

function load(project: TempProject): Promise<LoadedIndex> {
  const { config } = project;
  return loadIndex({ indexDir: config.indexDir, model: config.embedding.model, retrieval: config.retrieval, efSearch: config.hnsw.efSearch });
}

describe('a lexical index of PDF, DOCX and HTML files', () => {
  let project: TempProject;
  let index: LoadedIndex;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    project = await documentProject({ RETRIEVAL: 'lexical' });
    await buildIndex(project.config);
    index = await load(project);
    app = createApp({
      config: project.config,
      index,
      searcher: createSearcher({ index }),
      answerer: createAnswerer(project.config),
      detectLanguage,
      log: () => {},
      extraRoutes: widgetRoutes({ index, assetsDir: path.join(project.root, 'widget') }),
    });
  }, 120_000);

  it('cites file, page and paragraph of a PDF, with text that stands in the extracted paragraph', async () => {
    const res = await app.request('/api/search?q=' + encodeURIComponent('blocco totale di Internet social network') + '&topK=5');
    expect(res.status).toBe(200);
    const { results } = (await res.json()) as { results: Citation[] };
    const fromPdf = results.find((c) => c.file === '002_23fe508d9d363cf9.pdf');
    expect(fromPdf?.page).toBeGreaterThanOrEqual(1);
    for (const citation of results) {
      const paragraph = index.documents.get(citation.file)!.paragraphs[citation.paragraph - 1];
      expect(paragraph.text.slice(citation.start, citation.end)).toBe(citation.text);
      expect(citation.page).toBe(paragraph.page);
      if (!citation.file.endsWith('.pdf')) expect(citation.page).toBeUndefined();
    }
  });

  it('gives pages in the source API and on the source page, with a link to the original', async () => {
    const api = (await (await app.request('/api/sources/002_23fe508d9d363cf9.pdf/1')).json()) as { page?: number };
    expect(api.page).toBe(1);
    const page = await (await app.request('/sources/002_23fe508d9d363cf9.pdf')).text();
    expect(page).toContain('<span class="page">pagina 2</span>'); // the Italian document's page, in its reader's language
    expect(await (await app.request('/sources/002_23fe508d9d363cf9.pdf?lang=en')).text()).toContain('<span class="page">page 2</span>');
    expect(page).toContain('href="/originals/002_23fe508d9d363cf9.pdf"');
    const html = await (await app.request('/sources/002_23fe508d9d363cf9.html')).text();
    expect(html).toContain('Kazakistan: elezioni e diritti · Global Voices');
  });

  it('serves an indexed original with its content type, an HTML one sandboxed, and nothing else', async () => {
    const pdf = await app.request('/originals/002_23fe508d9d363cf9.pdf');
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).equals(await readFile(path.join(FIXTURES, '002_23fe508d9d363cf9.pdf')))).toBe(true);
    const html = await app.request('/originals/002_23fe508d9d363cf9.html');
    expect(html.headers.get('content-security-policy')).toMatch(/^sandbox/);
    expect((await app.request('/originals/..%2F..%2Fetc%2Fpasswd')).status).toBe(400);
    expect((await app.request('/originals/not-indexed.pdf')).status).toBe(404);
    await writeFile(path.join(project.corpusDir, '003_5696f5a8dd52dece.docx'), 'changed');
    expect((await app.request('/originals/003_5696f5a8dd52dece.docx')).status).toBe(409);
  });
});

it('re-embeds only the chunks of a changed PDF and drops a removed one', { timeout: 180_000 }, async () => {
  const project = await documentProject({ EMBEDDING_MODEL: FIXTURE_MODEL_DIR });
  const embedder = await openEmbedder(project.config);
  await buildIndex(project.config, { loadEmbedder: async () => embedder });
  const replacement = path.join(FIXTURES, '004_e58b63fe8df93c8c.pdf');
  await copyFile(replacement, path.join(project.corpusDir, '000_68c45a22bf89f6e7.pdf'));
  await unlink(path.join(project.corpusDir, '003_5696f5a8dd52dece.docx'));
  let embedded = 0;
  const counting: PassageEmbedder = { ...embedder, embedDocuments: (texts) => ((embedded += texts.length), embedder.embedDocuments(texts)) };
  const report = await buildIndex(project.config, { loadEmbedder: async () => counting });
  const index = await load(project);
  const changedChunks = index.chunks.filter((c) => c.file === '000_68c45a22bf89f6e7.pdf').length;
  expect(embedded).toBe(changedChunks);
  expect(report.manifest.files.map((f) => f.file)).not.toContain('003_5696f5a8dd52dece.docx');
});
