/** The embedder through the real transformers.js + onnxruntime path, on the committed tiny model, with downloads off. */
import { cp, unlink } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TransformersEmbeddings } from '../src/embedding/transformers-embeddings.js';
import { openEmbedder } from '../src/embedding/open-embedder.js';
import { PROFILE_FILE_NAME } from '../src/embedding/model-profile.js';
import { tempDir } from './helpers/temp-dir.js';
import { FIXTURE_MODEL_DIR, REPO_ROOT, createTempProject } from './helpers/temp-project.js';

const TEXTS = [
  'Астана — Қазақстанның астанасы.',
  'La città di Roma è la capitale d’Italia e ha una lunga storia.',
  'القاهرة هي عاصمة مصر',
  'The river is in the mountain country.',
  'x',
];

const dot = (a: number[], b: number[]) => a.reduce((sum, v, i) => sum + v * b[i]!, 0);
const norm = (a: number[]) => Math.sqrt(dot(a, a));
const maxDifference = (a: number[], b: number[]) => Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));

let tmp: string;
let embedder: TransformersEmbeddings;

beforeAll(async () => {
  tmp = await tempDir('embedder-');
  embedder = await new TransformersEmbeddings({ model: FIXTURE_MODEL_DIR, modelsDir: path.join(tmp, 'models'), offline: true, batchSize: 2 }).load();
});
afterAll(async () => {
  await embedder.dispose();
});

describe('TransformersEmbeddings on the fixture model', () => {
  it('knows its dimensions after load and returns vectors of that length', async () => {
    expect(embedder.dimensions).toBe(64);
    const vectors = await embedder.embedDocuments(TEXTS);
    expect(vectors).toHaveLength(TEXTS.length);
    for (const v of vectors) expect(v).toHaveLength(64);
  });

  it('returns unit-length plain number arrays', async () => {
    for (const v of [...(await embedder.embedDocuments(TEXTS)), await embedder.embedQuery('Қай қала?')]) {
      expect(Array.isArray(v)).toBe(true);
      expect(norm(v)).toBeCloseTo(1, 5);
    }
  });

  it('gives the same vector for the same input', async () => {
    const [first] = await embedder.embedDocuments([TEXTS[1]!]);
    const [second] = await embedder.embedDocuments([TEXTS[1]!]);
    expect(second).toEqual(first);
  });

  it('embeds a padded batch the same as one text at a time', async () => {
    const batched = await embedder.embedDocuments(TEXTS);
    for (const [i, text] of TEXTS.entries()) {
      const [alone] = await embedder.embedDocuments([text]);
      expect(maxDifference(batched[i]!, alone!)).toBeLessThan(1e-5);
    }
  });

  it('applies the declared prefixes: query and passage vectors differ, each equals the raw prefixed text', async () => {
    expect(embedder.profile).toEqual({ queryPrefix: 'query: ', passagePrefix: 'passage: ' });
    const text = 'қазақстан тарихы';
    const [passage] = await embedder.embedDocuments([text]);
    const query = await embedder.embedQuery(text);
    expect(maxDifference(passage!, query)).toBeGreaterThan(1e-3);
    const [rawPassage, rawQuery] = await embedder.embedRaw([`passage: ${text}`, `query: ${text}`]);
    expect(maxDifference(passage!, rawPassage!)).toBeLessThan(1e-6);
    expect(maxDifference(query, rawQuery!)).toBeLessThan(1e-6);
  });

  it('places texts that share words closer than unrelated ones', async () => {
    const [a, b, c] = await embedder.embedDocuments([
      'la capitale della città è roma',
      'roma è la capitale',
      'қазақстан тарихы мен халқы',
    ]);
    expect(dot(a!, b!)).toBeGreaterThan(dot(a!, c!) + 0.1);
  });

  it('embeds an empty list to an empty list', async () => {
    expect(await embedder.embedDocuments([])).toEqual([]);
  });
});

describe('where the model comes from', () => {
  it('loads a folder given relative to cwd, and uses no prefixes when the folder declares none', async () => {
    const copy = path.join(tmp, 'plain-model');
    await cp(FIXTURE_MODEL_DIR, copy, { recursive: true });
    await unlink(path.join(copy, PROFILE_FILE_NAME));
    const relative = path.relative(REPO_ROOT, copy);
    const plain = await new TransformersEmbeddings({ model: relative, cwd: REPO_ROOT, offline: true }).load();
    expect(plain.profile).toEqual({ queryPrefix: '', passagePrefix: '' });
    const [passage] = await plain.embedDocuments(['roma']);
    expect(maxDifference(passage!, await plain.embedQuery('roma'))).toBe(0);
    await plain.dispose();
  });

  it('finds a hub id under MODELS_DIR (a copied models/ folder) without downloading, and knows e5 by name', async () => {
    const modelsDir = path.join(tmp, 'copied-models');
    await cp(FIXTURE_MODEL_DIR, path.join(modelsDir, 'acme', 'multilingual-e5-tiny'), { recursive: true });
    await unlink(path.join(modelsDir, 'acme', 'multilingual-e5-tiny', PROFILE_FILE_NAME));
    const hub = await new TransformersEmbeddings({ model: 'acme/multilingual-e5-tiny', modelsDir, offline: true }).load();
    expect(hub.profile).toEqual({ queryPrefix: 'query: ', passagePrefix: 'passage: ' });
    const [fromHubLayout] = await hub.embedDocuments([TEXTS[0]!]);
    const [fromFolder] = await embedder.embedDocuments([TEXTS[0]!]);
    expect(maxDifference(fromHubLayout!, fromFolder!)).toBeLessThan(1e-6);
    await hub.dispose();
  });

  it('loads the float model when quantized is off: close to, but not the same as, the quantized one', async () => {
    const float = await new TransformersEmbeddings({ model: FIXTURE_MODEL_DIR, offline: true, quantized: false }).load();
    const [f] = await float.embedDocuments([TEXTS[1]!]);
    const [q] = await embedder.embedDocuments([TEXTS[1]!]);
    expect(maxDifference(f!, q!)).toBeGreaterThan(0);
    expect(dot(f!, q!)).toBeGreaterThan(0.99);
    await float.dispose();
  });

  it('openEmbedder gives a plain object whose fields survive a spread', async () => {
    const { config } = await createTempProject({ EMBEDDING_MODEL: FIXTURE_MODEL_DIR, EMBEDDING_BATCH_SIZE: '3' });
    const opened = await openEmbedder(config);
    const spread = { ...opened };
    expect(spread).toMatchObject({ model: FIXTURE_MODEL_DIR, dimensions: 64 });
    expect(await spread.embedQuery('roma')).toEqual(await embedder.embedQuery('roma'));
    expect(await spread.embedDocuments(TEXTS)).toEqual(await embedder.embedDocuments(TEXTS));
    await opened.dispose();
  });
});
