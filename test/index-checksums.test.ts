import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ANALYZER_VERSION } from '../src/index/analyzer.js';
import { decodeBm25, encodeBm25, readBm25Header } from '../src/index/bm25-file.js';
import { buildIndex } from '../src/index/build-index.js';
import { LEXICAL_FORMAT_VERSION } from '../src/index/lexical-index.js';
import { serializeManifest } from '../src/index/manifest.js';
import { IndexCorruptError, loadIndex } from '../src/index/load-index.js';
import { createRuntime } from '../src/runtime.js';
import { createTempProject } from './helpers/temp-project.js';

async function builtProject() {
  const project = await createTempProject({ RETRIEVAL: 'lexical' });
  await buildIndex(project.config);
  const load = () => loadIndex({ indexDir: project.indexDir, model: project.config.embedding.model, retrieval: 'lexical', efSearch: 80 });
  return { ...project, load };
}

describe('index checksums', () => {
  test('the manifest records a SHA-256 of every index file', async () => {
    const { indexDir } = await builtProject();
    const manifest = JSON.parse(await readFile(path.join(indexDir, 'manifest.json'), 'utf8'));
    expect(Object.keys(manifest.checksums).sort()).toEqual(['chunks.json', 'documents.json', 'lexical.bin']);
    for (const hash of Object.values(manifest.checksums)) expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  test.each([
    ['an edited documents.json (28 → 99 prigionieri)', 'documents.json', (b: Buffer) => Buffer.from(b.toString('utf8').replace('28 prigionieri', '99 prigionieri'))],
    ['a flipped byte in lexical.bin', 'lexical.bin', (b: Buffer) => { const c = Buffer.from(b); c[Math.floor(c.length / 2)] ^= 0xff; return c; }],
    ['shifted offsets in chunks.json', 'chunks.json', (b: Buffer) => Buffer.from(b.toString('utf8').replace('"start":0', '"start":3'))],
    ['a truncated chunks.json', 'chunks.json', (b: Buffer) => b.subarray(0, Math.floor(b.length / 2))],
  ])('%s is refused with the file named and `npm run index` suggested', async (_what, file, damage) => {
    const { indexDir, load } = await builtProject();
    const target = path.join(indexDir, file);
    const before = await readFile(target);
    const after = damage(before);
    expect(after.equals(before)).toBe(false);
    await writeFile(target, after);
    const error = await load().then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(IndexCorruptError);
    expect((error as Error).message).toContain(target);
    expect((error as Error).message).toContain('npm run index');
  });

  test('a truncated manifest.json is refused by name, not with a bare JSON error', async () => {
    const { indexDir, load } = await builtProject();
    const manifest = path.join(indexDir, 'manifest.json');
    await writeFile(manifest, (await readFile(manifest, 'utf8')).slice(0, 200));
    await expect(load()).rejects.toThrow(/manifest\.json is corrupt.*npm run index/);
  });

  test('`npm start` (the runtime) rebuilds a corrupt index from the corpus, says so, and answers with the true text', async () => {
    const { indexDir, config } = await builtProject();
    const documents = path.join(indexDir, 'documents.json');
    await writeFile(documents, (await readFile(documents, 'utf8')).replace('28 prigionieri', '99 prigionieri'));
    const logs: Record<string, unknown>[] = [];
    const runtime = await createRuntime(config, { log: (e) => logs.push(e) });
    expect(logs.some((l) => String(l.msg).includes('documents.json') && String(l.msg).includes('Rebuilding'))).toBe(true);
    const response = await runtime.app.request('/api/ask', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: 'Quanti prigionieri politici ci sono in Kazakistan?' }),
    });
    const body = await response.json();
    expect(body.answer).toContain('28 prigionieri');
    expect(JSON.stringify(body)).not.toContain('99 prigionieri');
  });
});

describe('an index written by an older analyzer', () => {
  test('`npm start` (the runtime) rebuilds it, saying why, instead of refusing to start', async () => {
    const { indexDir, config } = await builtProject();
    // The same terms under the previous analyzer's version, with the manifest's checksum to match: only the version differs.
    const lexical = path.join(indexDir, 'lexical.bin');
    const older = encodeBm25(decodeBm25(await readFile(lexical)), LEXICAL_FORMAT_VERSION, { analyzerVersion: ANALYZER_VERSION - 1 });
    await writeFile(lexical, older);
    const manifestPath = path.join(indexDir, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
    manifest.checksums['lexical.bin'] = createHash('sha256').update(older).digest('hex');
    await writeFile(manifestPath, serializeManifest(manifest));
    const logs: Record<string, unknown>[] = [];
    const runtime = await createRuntime(config, { log: (e) => logs.push(e) });
    expect(logs.map((l) => String(l.msg))).toContainEqual(expect.stringMatching(new RegExp(`analyzer ${ANALYZER_VERSION - 1}.*Rebuilding it\\.$`)));
    expect(readBm25Header(await readFile(lexical))?.extra.analyzerVersion).toBe(ANALYZER_VERSION);
    const response = await runtime.app.request('/api/ask', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: 'Quanti prigionieri politici ci sono in Kazakistan?' }),
    });
    expect((await response.json()).answer).toContain('28 prigionieri');
  });
});
