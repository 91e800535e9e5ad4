/**
 * The PostgreSQL store answers as the file index does: every project question gets the same answer, citations and
 * search hits from a runtime over a generation in PostgreSQL (read from a streaming replica) as from INDEX_DIR —
 * lexical, hybrid with the fixture model, and hybrid with the real multilingual-e5-small when its folder is there.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { openEmbedder } from '../src/embedding/open-embedder.js';
import { parseQuestions } from '../src/eval/questions.js';
import { buildIndex } from '../src/index/build-index.js';
import type { LocalCluster } from '../src/index/postgres/local-cluster.js';
import { createRuntime, type Runtime } from '../src/runtime.js';
import { createDatabase, postgresSkipReason, startTestCluster, waitForReplicas, withDatabase } from './helpers/postgres-cluster.js';
import { REAL_MODEL_DIR, realModelSkipReason } from './helpers/real-model.js';
import { FIXTURE_MODEL_DIR, REPO_ROOT, createTempProject, type TempProject } from './helpers/temp-project.js';

const skip = await postgresSkipReason();
const realSkip = skip ?? (await realModelSkipReason({ python: false }));
const questions = parseQuestions(await readFile(path.join(REPO_ROOT, 'src/eval/questions.jsonl'), 'utf8'), 'questions.jsonl');

let cluster: LocalCluster;
let project: TempProject;
const runtimes: Runtime[] = [];

/**
 * The response without what differs between two runs (timings), its scores taken out: pgvector and hnswlib sum a
 * cosine's products in another order, so scores agree to about 1e-7, not to the last bit; `expectSame` compares them so.
 */
async function ask(runtime: Runtime, question: string, route: '/api/ask' | '/api/search' = '/api/ask') {
  const response =
    route === '/api/ask'
      ? await runtime.app.request(route, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) })
      : await runtime.app.request(`${route}?q=${encodeURIComponent(question)}`);
  expect(response.status).toBe(200);
  const scores: number[] = [];
  const { timingsMs: _timings, ...body } = JSON.parse(await response.text(), (key, value) => (key === 'score' && typeof value === 'number' ? (scores.push(value), 0) : value)) as Record<string, unknown>;
  return { body, scores };
}

function expectSame(db: Awaited<ReturnType<typeof ask>>, files: Awaited<ReturnType<typeof ask>>, question: string) {
  expect(db.body, question).toEqual(files.body);
  expect(db.scores.length, question).toBe(files.scores.length);
  db.scores.forEach((score, i) => expect(score, question).toBeCloseTo(files.scores[i]!, 5));
}

async function pair(env: Record<string, string>, database: string): Promise<[Runtime, Runtime]> {
  const files = loadConfig({ ...process.env, ...fileEnv(project), ...env }, project.root);
  const url = await createDatabase(cluster, database);
  const db = loadConfig({ ...fileEnv(project), ...env, DATABASE_URL: url, DATABASE_READ_URLS: cluster.replicas.map((r) => withDatabase(r.url, database)).join(',') }, project.root);
  await buildIndex(files, { loadEmbedder: () => openEmbedder(files) });
  await buildIndex(db, { loadEmbedder: () => openEmbedder(db) });
  const open = (config: typeof files) => createRuntime(config, { log: () => {} });
  await waitForReplicas(cluster);
  const made: [Runtime, Runtime] = [await open(files), await open(db)];
  runtimes.push(...made);
  return made;
}

function fileEnv(p: TempProject): Record<string, string> {
  return { CORPUS_DIR: p.corpusDir, INDEX_DIR: p.indexDir, MODELS_DIR: path.join(p.root, 'models'), OFFLINE: '1', LOG_REQUESTS: '0', RATE_LIMIT_PER_MINUTE: '0' };
}

beforeAll(async () => {
  if (skip) return;
  cluster = await startTestCluster(1);
  project = await createTempProject();
}, 60_000);
afterAll(async () => {
  for (const runtime of runtimes) await runtime.close();
  await cluster?.destroy();
});

describe.skipIf(skip !== undefined)(`the PostgreSQL store answers as the file index${skip ? ` (skipped: ${skip})` : ''}`, () => {
  it('lexical: the same answers, citations and hits for every project question', async () => {
    const [files, db] = await pair({ RETRIEVAL: 'lexical' }, 'parity_lexical');
    expect(db.live?.current().generation).toBeGreaterThan(0);
    for (const { question } of questions) {
      expectSame(await ask(db, question), await ask(files, question), question);
      expectSame(await ask(db, question, '/api/search'), await ask(files, question, '/api/search'), question);
    }
  }, 120_000);

  it('hybrid (fixture model, pgvector HNSW on a replica): the same answers and citations for every project question', async () => {
    const [files, db] = await pair({ EMBEDDING_MODEL: FIXTURE_MODEL_DIR, RETRIEVAL: 'hybrid' }, 'parity_hybrid');
    expect(db.mode).toBe('hybrid');
    for (const { question } of questions) expectSame(await ask(db, question), await ask(files, question), question);
  }, 120_000);
});

describe.skipIf(realSkip !== undefined)(`the PostgreSQL store answers as the file index on the real model${realSkip ? ` (skipped: ${realSkip})` : ''}`, () => {
  // Every question's hits; full answers for every fifth (answers add sentence embedding, the same code in both).
  it('hybrid (multilingual-e5-small): the same hits for every project question, the same answers and citations for a sample', async () => {
    const [files, db] = await pair({ EMBEDDING_MODEL: REAL_MODEL_DIR, RETRIEVAL: 'hybrid' }, 'parity_real');
    expect(db.mode).toBe('hybrid');
    for (const [i, { question }] of questions.entries()) {
      expectSame(await ask(db, question, '/api/search'), await ask(files, question, '/api/search'), question);
      if (i % 5 === 0) expectSame(await ask(db, question), await ask(files, question), question);
    }
    for (const runtime of [files, db]) await runtime.embedder?.dispose();
  }, 300_000);
});
