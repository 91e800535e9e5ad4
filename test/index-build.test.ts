import { appendFile, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEmbedder } from '../src/embedding/open-embedder.js';
import { ModelRequiredError, buildIndex, type BuildEvent } from '../src/index/build-index.js';
import type { PassageEmbedder } from '../src/index/embed-chunks.js';
import { loadIndex } from '../src/index/load-index.js';
import { IndexMismatchError } from '../src/index/manifest.js';
import { createSearcher } from '../src/retrieval/create-searcher.js';
import { FIXTURE_MODEL_DIR, createTempProject } from './helpers/temp-project.js';

const MISSING_MODEL = 'nobody/no-such-model';

/** Counts the texts a real embedder is asked to embed. */
function counting(embedder: PassageEmbedder) {
  const counter = { texts: 0 };
  const wrapped: PassageEmbedder = {
    model: embedder.model,
    dimensions: embedder.dimensions,
    dtype: embedder.dtype,
    embedDocuments: async (texts) => {
      counter.texts += texts.length;
      return embedder.embedDocuments(texts);
    },
  };
  return { wrapped, counter };
}

function loadOptions(config: Awaited<ReturnType<typeof createTempProject>>['config']) {
  return { indexDir: config.indexDir, model: config.embedding.model, retrieval: config.retrieval, efSearch: config.hnsw.efSearch };
}

describe('buildIndex', () => {
  it('builds a lexical-only index and says why when the model cannot be loaded', async () => {
    const { config } = await createTempProject({ EMBEDDING_MODEL: MISSING_MODEL });
    const events: BuildEvent[] = [];
    const report = await buildIndex(config, { loadEmbedder: () => openEmbedder(config), onEvent: (e) => events.push(e) });

    expect(report.manifest.retrieval).toBe('lexical');
    expect(report.manifest.model).toBeNull();
    expect(report.manifest.reason).toContain(MISSING_MODEL);
    expect(events).toContainEqual(expect.objectContaining({ type: 'mode', retrieval: 'lexical' }));
    const manifest = JSON.parse(await readFile(path.join(config.indexDir, 'manifest.json'), 'utf8'));
    expect(manifest.files.map((f: { file: string }) => f.file)).toHaveLength(5);
    expect(manifest.files.find((f: { file: string }) => f.file === '003_5696f5a8dd52dece.txt').paragraphs).toBe(13);

    const index = await loadIndex(loadOptions(config));
    expect(index.dense).toBeUndefined();
    const hits = await createSearcher({ index }).search('prigionieri politici', { topK: 3 });
    expect(hits[0]!.chunk.file).toBe('002_23fe508d9d363cf9.txt');
  });

  it('creates the parent folders of INDEX_DIR', async () => {
    const { root, config } = await createTempProject({ RETRIEVAL: 'lexical' });
    const nested = { ...config, indexDir: path.join(root, 'deep', 'er', 'index') };
    const report = await buildIndex(nested);
    expect(report.manifest.files).toHaveLength(5);
    expect(JSON.parse(await readFile(path.join(nested.indexDir, 'manifest.json'), 'utf8')).chunks).toBe(report.manifest.chunks);
  });

  it('fails hard when RETRIEVAL=hybrid and the model cannot be loaded, keeping no partial index', async () => {
    const { config } = await createTempProject({ EMBEDDING_MODEL: MISSING_MODEL, RETRIEVAL: 'hybrid' });
    await expect(buildIndex(config, { loadEmbedder: () => openEmbedder(config) })).rejects.toThrow(ModelRequiredError);
    await expect(readFile(path.join(config.indexDir, 'manifest.json'))).rejects.toThrow();
  });

  it('builds a hybrid index with the fixture model, then embeds nothing on an unchanged corpus', async () => {
    const { config } = await createTempProject({ EMBEDDING_MODEL: FIXTURE_MODEL_DIR });
    const embedder = await openEmbedder(config);
    const first = counting(embedder);
    const report = await buildIndex(config, { loadEmbedder: async () => first.wrapped });
    expect(report.manifest.retrieval).toBe('hybrid');
    expect(report.manifest.dimensions).toBe(embedder.dimensions);
    expect(report.embedded).toBe(report.manifest.chunks);
    expect(first.counter.texts).toBe(report.manifest.chunks);

    const second = counting(embedder);
    const again = await buildIndex(config, { loadEmbedder: async () => second.wrapped });
    expect(again.embedded).toBe(0);
    expect(second.counter.texts).toBe(0);

    const index = await loadIndex(loadOptions(config));
    expect(index.dense).toBeDefined();
    const searcher = createSearcher({ index, embedQuery: (q) => embedder.embedQuery(q) });
    const hits = await searcher.search('prigionieri politici Kazakistan', { topK: 5 });
    expect(hits.length).toBe(5);
    expect(hits.some((h) => h.denseScore !== undefined)).toBe(true);
  });

  it('records the weight format, and re-embeds every chunk when it changes (vectors of two formats never mix)', async () => {
    const { config } = await createTempProject({ EMBEDDING_MODEL: FIXTURE_MODEL_DIR });
    const embedder = await openEmbedder(config);
    const first = await buildIndex(config, { loadEmbedder: async () => embedder });
    expect(first.manifest.weights).toBe(embedder.dtype);

    const { wrapped, counter } = counting({ ...embedder, dtype: 'another-format' });
    const report = await buildIndex(config, { loadEmbedder: async () => wrapped });
    expect(counter.texts).toBe(report.manifest.chunks);
    expect(report.manifest.weights).toBe('another-format');
  });

  it('re-embeds only the chunks of a changed file and drops a removed file', async () => {
    const { config, corpusDir } = await createTempProject({ EMBEDDING_MODEL: FIXTURE_MODEL_DIR });
    const embedder = await openEmbedder(config);
    await buildIndex(config, { loadEmbedder: async () => embedder });

    await appendFile(path.join(corpusDir, '002_23fe508d9d363cf9.txt'), '\nUn paragrafo nuovo aggiunto per la prova.\n');
    await rm(path.join(corpusDir, '003_5696f5a8dd52dece.txt'));
    const { wrapped, counter } = counting(embedder);
    const report = await buildIndex(config, { loadEmbedder: async () => wrapped });

    expect(counter.texts).toBe(1);
    expect(report.manifest.files.map((f) => f.file)).not.toContain('003_5696f5a8dd52dece.txt');
    const index = await loadIndex(loadOptions(config));
    expect(index.chunks.some((c) => c.file === '003_5696f5a8dd52dece.txt')).toBe(false);
  });

  it('leaves the previous index whole when a build is interrupted', async () => {
    const { config, corpusDir } = await createTempProject({ EMBEDDING_MODEL: FIXTURE_MODEL_DIR });
    const embedder = await openEmbedder(config);
    await buildIndex(config, { loadEmbedder: async () => embedder });
    const before = await readFile(path.join(config.indexDir, 'manifest.json'), 'utf8');

    await writeFile(path.join(corpusDir, 'extra.txt'), 'Un altro documento.\nCon due paragrafi.\n');
    const controller = new AbortController();
    const interrupting: PassageEmbedder = {
      ...embedder,
      embedDocuments: async (texts) => {
        controller.abort();
        return embedder.embedDocuments(texts);
      },
    };
    await expect(buildIndex(config, { loadEmbedder: async () => interrupting, signal: controller.signal })).rejects.toThrow();

    expect(await readFile(path.join(config.indexDir, 'manifest.json'), 'utf8')).toBe(before);
    const index = await loadIndex(loadOptions(config));
    expect(index.chunks.some((c) => c.file === 'extra.txt')).toBe(false);
  });

  it('refuses to load a hybrid index with another model configured, saying to rebuild', async () => {
    const { config } = await createTempProject({ EMBEDDING_MODEL: FIXTURE_MODEL_DIR });
    await buildIndex(config, { loadEmbedder: () => openEmbedder(config) });
    const load = loadIndex({ ...loadOptions(config), model: 'Xenova/multilingual-e5-small' });
    await expect(load).rejects.toThrow(IndexMismatchError);
    await expect(load).rejects.toThrow(/npm run index/);
  });
});
