/** PDF pages reach the reader: the source page links the original PDF at the shown page, and an uploaded PDF lists its pages. */
import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRuntime, type Runtime } from '../src/runtime.js';
import { REPO_ROOT, createTempProject } from './helpers/temp-project.js';

const PDF = '002_23fe508d9d363cf9.pdf';
const ADMIN = { authorization: 'Bearer pdf-pages-admin-key-0123456789' };

describe('PDF pages', () => {
  let runtime: Runtime;
  beforeAll(async () => {
    const project = await createTempProject({ RETRIEVAL: 'lexical', ADMIN_API_KEY: ADMIN.authorization.slice(7) });
    await copyFile(path.join(REPO_ROOT, 'test/fixtures/documents', PDF), path.join(project.corpusDir, PDF));
    runtime = await createRuntime(project.config, { log: () => {} });
  }, 60_000);

  it('links the original PDF at the page of the paragraphs shown, and of the quoted paragraph', async () => {
    const document = runtime.index.documents.get(PDF)!;
    const later = document.paragraphs.find((p) => (p.page ?? 1) > 1)!;
    expect(later).toBeDefined();
    const shown = await (await runtime.app.request(`/sources/${PDF}?from=${later.number}`)).text();
    expect(shown).toContain(`href="/originals/${PDF}#page=${later.page}"`);
    const quoted = await (await runtime.app.request(`/sources/${PDF}?highlight=${later.number}:0-10`)).text();
    expect(quoted).toContain(`#page=${later.page}"`);
    const text = await (await runtime.app.request('/sources/000_68c45a22bf89f6e7.txt')).text();
    expect(text).not.toContain('#page=');
  });

  it('lists a PDF uploaded through the admin API with its pages', async () => {
    const bytes = await readFile(path.join(REPO_ROOT, 'test/fixtures/documents', '000_68c45a22bf89f6e7.pdf'));
    const response = await runtime.app.request('/api/documents/uploaded.pdf', { method: 'PUT', headers: ADMIN, body: bytes });
    expect(response.status).toBe(201);
    await runtime.indexJob!.settled();
    const { documents } = (await (await runtime.app.request('/api/documents', { headers: ADMIN })).json()) as { documents: { file: string; pages?: number; state: string }[] };
    const uploaded = documents.find((d) => d.file === 'uploaded.pdf');
    expect(uploaded?.state).toBe('indexed');
    expect(uploaded?.pages).toBeGreaterThan(1);
  });
});
