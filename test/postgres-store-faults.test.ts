/**
 * The PostgreSQL store against a real primary and two streaming replicas: start-up errors that say what to do, a
 * first generation built once by servers starting together, a build seen by every server without a restart (by
 * NOTIFY within a moment, by polling otherwise), builders kept apart by the advisory lock, a builder killed with
 * kill -9, a replica killed under load and the primary restarted — with no failed request.
 */
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, type Config } from '../src/config.js';
import { openEmbedder } from '../src/embedding/open-embedder.js';
import { buildIndex } from '../src/index/build-index.js';
import { BuildLockedError } from '../src/index/build-lock.js';
import type { LocalCluster } from '../src/index/postgres/local-cluster.js';
import { supersededGraceMs } from '../src/index/postgres/postgres-target.js';
import { createRuntime, type Runtime } from '../src/runtime.js';
import { HealthResponseSchema } from '../src/server/schemas.js';
import { createDatabase, postgresSkipReason, startTestCluster, waitForReplicas, withDatabase } from './helpers/postgres-cluster.js';
import { FIXTURE_MODEL_DIR, REPO_ROOT, createTempProject, type TempProject } from './helpers/temp-project.js';

const skip = await postgresSkipReason();

let cluster: LocalCluster;
let project: TempProject;
let url: string;
let unbuilt: string;
const runtimes: Runtime[] = [];
const logs: Record<string, unknown>[] = [];

function env(extra: Record<string, string> = {}): Record<string, string> {
  return {
    CORPUS_DIR: project.corpusDir,
    INDEX_DIR: project.indexDir,
    MODELS_DIR: path.join(project.root, 'models'),
    OFFLINE: '1',
    LOG_REQUESTS: '0',
    RATE_LIMIT_PER_MINUTE: '0',
    // The load below comes from one client: the per-client and server-wide question caps would refuse most of it.
    QUESTIONS_PER_CLIENT: '0',
    QUESTIONS_IN_FLIGHT: '0',
    EMBEDDING_MODEL: FIXTURE_MODEL_DIR,
    RETRIEVAL: 'hybrid',
    DATABASE_URL: url,
    DATABASE_POLL_MS: '200',
    DATABASE_TIMEOUT_MS: '2000',
    ...extra,
  };
}

const replicaUrls = (...which: number[]) => which.map((i) => withDatabase(cluster.replicas[i]!.url, 'faults')).join(',');
const build = (config: Config) => buildIndex(config, { loadEmbedder: () => openEmbedder(config) });

async function serve(extra: Record<string, string>, options: { buildIfMissing?: boolean } = {}): Promise<Runtime> {
  const runtime = await createRuntime(loadConfig(env(extra), project.root), { ...options, log: (entry) => logs.push(entry) });
  runtimes.push(runtime);
  return runtime;
}

async function search(runtime: Runtime, q: string): Promise<{ status: number; files: string[] }> {
  const response = await runtime.app.request(`/api/search?q=${encodeURIComponent(q)}`);
  if (response.status !== 200) return { status: response.status, files: [] };
  const body = (await response.json()) as { results: { file: string }[] };
  return { status: 200, files: body.results.map((r) => r.file) };
}

async function eventually(check: () => Promise<boolean>, timeoutMs: number, everyMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** `concurrency` loops of hybrid searches (each one a pgvector query) while `during` runs; every status. */
async function underLoad(runtime: Runtime, during: () => Promise<void>, concurrency = 4): Promise<number[]> {
  const statuses: number[] = [];
  let stop = false;
  const loops = Array.from({ length: concurrency }, async (_, i) => {
    while (!stop) {
      statuses.push((await search(runtime, i % 2 ? 'elezioni Kazakistan' : 'press freedom ranking')).status);
      await new Promise((resolve) => setImmediate(resolve)); // an answer that needs no I/O must not starve the timers
    }
  });
  await new Promise((resolve) => setTimeout(resolve, 300));
  await during();
  await new Promise((resolve) => setTimeout(resolve, 500));
  stop = true;
  await Promise.all(loops);
  return statuses;
}

async function query<T extends pg.QueryResultRow>(sql: string, database = url): Promise<T[]> {
  const client = new pg.Client(database);
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe.skipIf(skip !== undefined)(`PostgreSQL primary and two replicas${skip ? ` (skipped: ${skip})` : ''}`, () => {
  beforeAll(async () => {
    cluster = await startTestCluster(2);
    project = await createTempProject();
    url = await createDatabase(cluster, 'faults');
    unbuilt = await createDatabase(cluster, 'unbuilt');
    // The read-only role of docs/postgres.md: API servers need no more than this.
    await query(`CREATE ROLE rag_reader LOGIN; GRANT USAGE ON SCHEMA public TO rag_reader;
      ALTER DEFAULT PRIVILEGES FOR ROLE ${new URL(url).username} IN SCHEMA public GRANT SELECT ON TABLES TO rag_reader`);
    await build(loadConfig(env(), project.root));
    await waitForReplicas(cluster);
  }, 60_000);
  afterAll(async () => {
    for (const runtime of runtimes) await runtime.close();
    await cluster?.destroy();
  });

  it('refuses bad settings and unusable databases at start-up with a message that says what to do', async () => {
    expect(() => loadConfig(env({ DATABASE_URL: 'mysql://db.example/rag' }))).toThrow(ConfigError);
    expect(() => loadConfig(env({ DATABASE_URL: 'mysql://db.example/rag' }))).toThrow(/DATABASE_URL must start with postgres:\/\//);
    expect(() => loadConfig(env({ DATABASE_URL: 'not a url' }))).toThrow(/DATABASE_URL is not a URL/);
    expect(() => loadConfig({ DATABASE_READ_URLS: url })).toThrow(/DATABASE_READ_URLS needs DATABASE_URL/);

    const closed = `postgres://nobody@127.0.0.1:${cluster.primary.port + 1000}/rag`;
    await expect(serve({ DATABASE_URL: closed })).rejects.toThrow(/Cannot use the PostgreSQL server at 127\.0\.0\.1:\d+\/rag \(DATABASE_URL\).*Check the host, port/);
    await expect(build(loadConfig(env({ DATABASE_URL: closed })))).rejects.toThrow(/Cannot use the PostgreSQL server/);
    const noDatabase = withDatabase(cluster.primary.url, 'missing_db');
    await expect(serve({ DATABASE_URL: noDatabase })).rejects.toThrow(/database "missing_db" does not exist/);

    const plain = await createDatabase(cluster, 'plain', { vector: false });
    await expect(serve({ DATABASE_URL: plain })).rejects.toThrow(/has no `vector` extension \(pgvector\)\. Run `CREATE EXTENSION vector;`/);
    await expect(serve({ DATABASE_URL: unbuilt }, { buildIfMissing: false })).rejects.toThrow(/No index in the database at 127\.0\.0\.1:\d+\/unbuilt yet\. Run `npm run index`/);
    // A server that would build the first generation but has no documents says where the build belongs; nothing is built.
    await expect(serve({ DATABASE_URL: unbuilt, CORPUS_DIR: path.join(project.root, 'no-such-folder') })).rejects.toThrow(
      /No index in the database at 127\.0\.0\.1:\d+\/unbuilt yet, and this server could not build the first generation: Corpus folder not found.*Run `npm run index` with the same DATABASE_URL/,
    );
    expect(await query('SELECT 1 FROM rag_generations WHERE complete', unbuilt)).toHaveLength(0);
  });

  it('builds the first generation once when three servers start together on an empty database, and /health names it', async () => {
    const empty = await createDatabase(cluster, 'empty');
    logs.length = 0;
    const servers = await Promise.all([serve({ DATABASE_URL: empty }), serve({ DATABASE_URL: empty }), serve({ DATABASE_URL: empty })]);
    const generations = await query<{ id: string; since: Date }>('SELECT id, became_current_at AS since FROM rag_generations', empty);
    expect(generations).toHaveLength(1);
    expect(servers.map((s) => s.live!.current().generation)).toEqual([1, 1, 1].map(() => Number(generations[0]!.id)));
    expect(logs.filter((l) => /building the first generation/.test(String(l.msg))).length).toBeGreaterThan(0);
    expect((await search(servers[1]!, 'elezioni Kazakistan')).status).toBe(200);

    const health = (await (await servers[2]!.app.request('/health')).json()) as { generation?: { id: number; currentSince: string } };
    expect(health.generation).toEqual({ id: Number(generations[0]!.id), currentSince: generations[0]!.since.toISOString() });
    expect(HealthResponseSchema.strict().parse(health)).toEqual(health);
    const openapi = (await (await servers[2]!.app.request('/openapi.json')).json()) as { components: { schemas: { HealthResponse: { properties: Record<string, unknown> } } } };
    expect(openapi.components.schemas.HealthResponse.properties.generation).toMatchObject({ properties: { id: { type: 'integer' }, currentSince: { type: 'string' } } });
  }, 90_000);

  it('makes a build current on the primary and on both replicas within seconds, without a restart; old generations are dropped', async () => {
    const servers = [await serve({ DATABASE_READ_URLS: replicaUrls(0) }), await serve({ DATABASE_READ_URLS: replicaUrls(1) }), await serve({})];
    const before = servers.map((s) => s.live!.current().generation);
    expect(new Set(before).size).toBe(1);
    expect((await search(servers[0]!, 'quokkaisland Zanzibar')).files).not.toContain('new-document.txt');

    await writeFile(path.join(project.corpusDir, 'new-document.txt'), 'The quokkaisland report.\n\nZanzibar quokkaisland observers counted the ballots twice.\n');
    const report = await build(loadConfig(env(), project.root));
    expect(report.reused).toBeGreaterThan(0); // incremental: unchanged chunks keep their vectors
    await eventually(async () => {
      const found = await Promise.all(servers.map(async (s) => (await search(s, 'quokkaisland Zanzibar')).files.includes('new-document.txt')));
      return found.every(Boolean);
    }, 10_000);
    expect(servers.map((s) => s.live!.current().generation)).toEqual(before.map((g) => g + 1));

    // A generation replaced moments ago stays readable for servers that have not moved on yet (grace here: 12 s)…
    await build(loadConfig(env({ DATABASE_POLL_MS: '5000' }), project.root));
    expect((await query<{ id: string }>('SELECT id FROM rag_generations')).length).toBe(3);
    // …and goes once its grace period (2 × DATABASE_POLL_MS + DATABASE_TIMEOUT_MS) is over.
    await new Promise((resolve) => setTimeout(resolve, supersededGraceMs(loadConfig(env()).database!)));
    await build(loadConfig(env(), project.root));
    const generations = await query<{ id: string }>('SELECT id FROM rag_generations');
    expect(generations.length).toBe(2); // DATABASE_KEEP_GENERATIONS
    const tables = await query<{ n: string }>("SELECT count(*) AS n FROM pg_tables WHERE tablename LIKE 'rag_chunks_%'");
    expect(Number(tables[0]!.n)).toBe(2);
  }, 60_000);

  it('serves through `npm start` as a read-only role, and stops cleanly', async () => {
    const reader = new URL(url);
    reader.username = 'rag_reader';
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env({ DATABASE_URL: reader.toString(), DATABASE_READ_URLS: replicaUrls(1).replace(/\/\/\w+@/, '//rag_reader@'), PORT: '0' }) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    try {
      await eventually(async () => /Serving \d+ files .* on http:\/\/127\.0\.0\.1:\d+/.test(output) || /error:/.test(output), 60_000);
      const address = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      expect(address, output).toBeDefined();
      expect(output).toMatch(/hybrid retrieval/);
      const response = await fetch(`${address}/api/search?q=${encodeURIComponent('elezioni Kazakistan')}`);
      expect(response.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    // Stopping closes the server and the database connections: the process exits by itself.
    const stopped = await Promise.race([exited.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 15_000))]);
    expect(stopped).toBe(true);
  }, 90_000);

  it('keeps two builders apart with an advisory lock: the second is refused, the first completes', async () => {
    const config = loadConfig(env(), project.root);
    const results = await Promise.allSettled([build(config), build(config)]);
    const refused = results.filter((r) => r.status === 'rejected');
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toBeInstanceOf(BuildLockedError);
    expect(String((refused[0] as PromiseRejectedResult).reason.message)).toMatch(/Another build into the database at .* is running/);
  }, 60_000);

  it('keeps serving the current generation when a builder is killed with kill -9; the next build completes and drops the leftovers', async () => {
    const server = await serve({ DATABASE_READ_URLS: replicaUrls(0, 1) });
    const current = server.live!.current().generation;
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/build-index.ts'], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env() },
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // Kill it while its generation is half written (the row exists, the switch has not happened): a window of a few
    // hundred milliseconds with the tiny model, so looked for often.
    await eventually(async () => (await query("SELECT 1 FROM rag_generations WHERE NOT complete")).length > 0, 30_000, 5);
    child.kill('SIGKILL');
    await exited;
    expect((await query<{ generation: string }>('SELECT generation FROM rag_current'))[0]!.generation).toBe(String(current));
    await server.live!.refresh();
    expect(server.live!.current().generation).toBe(current);
    expect((await search(server, 'elezioni Kazakistan')).status).toBe(200);

    // The killed session's advisory lock went with it: the next build takes it and finishes.
    await eventually(async () => (await query("SELECT 1 FROM pg_locks WHERE locktype = 'advisory'")).length === 0, 10_000);
    await build(loadConfig(env(), project.root));
    expect(await query('SELECT 1 FROM rag_generations WHERE NOT complete')).toHaveLength(0);
    await eventually(async () => (await server.live!.refresh(), server.live!.current().generation > current), 10_000);
  }, 60_000);

  it('answers every request while a replica is killed with kill -9 under load, then uses it again once it is back', async () => {
    const server = await serve({ DATABASE_READ_URLS: replicaUrls(0, 1) });
    logs.length = 0;
    const statuses = await underLoad(server, () => cluster.kill(cluster.replicas[0]!));
    expect(statuses.length).toBeGreaterThan(20);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect(logs.some((l) => /PostgreSQL 127\.0\.0\.1:\d+\/faults failed a read; trying the next server/.test(String(l.msg)))).toBe(true);
    await cluster.start(cluster.replicas[0]!);
    await waitForReplicas(cluster);
    await eventually(async () => {
      expect((await search(server, 'elezioni Kazakistan')).status).toBe(200);
      return logs.some((l) => /PostgreSQL 127\.0\.0\.1:\d+\/faults answers again/.test(String(l.msg)));
    }, 15_000);
  }, 60_000);

  it('answers every request while the primary restarts, listens for NOTIFY again, and serves the next build afterwards', async () => {
    const server = await serve({ DATABASE_READ_URLS: replicaUrls(0, 1) });
    logs.length = 0;
    const before = server.live!.current().generation;
    const statuses = await underLoad(server, async () => {
      await cluster.stop(cluster.primary);
      await cluster.start(cluster.primary);
    });
    expect(statuses.length).toBeGreaterThan(20);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    // The connection that listens for NOTIFY went with the primary; it is opened again (first retry after 1 s).
    await eventually(async () => logs.some((l) => /^Listening for new index generations on .* again$/.test(String(l.msg))), 15_000);
    expect(logs.some((l) => /^Not listening for new index generations on .* \(polling continues; trying again\)$/.test(String(l.msg)))).toBe(true);
    await build(loadConfig(env(), project.root));
    await eventually(async () => server.live!.current().generation > before, 30_000);
    expect((await search(server, 'elezioni Kazakistan')).status).toBe(200);
  }, 90_000);

  it('switches to a new build within 2 s through LISTEN/NOTIFY, long before the next poll, also when reading from a replica', async () => {
    const slowPoll = { DATABASE_POLL_MS: '600000' };
    const servers = [await serve(slowPoll), await serve({ ...slowPoll, DATABASE_READ_URLS: replicaUrls(0, 1) })];
    const before = servers[0]!.live!.current().generation;
    await writeFile(path.join(project.corpusDir, 'notified.txt'), 'The wallabyvalley notice.\n\nWallabyvalley clerks announced the count at noon.\n');
    await build(loadConfig(env(), project.root));
    const built = Date.now();
    await eventually(async () => {
      const found = await Promise.all(servers.map(async (s) => (await search(s, 'wallabyvalley clerks')).files.includes('notified.txt')));
      return found.every(Boolean);
    }, 2_000, 50);
    expect(Date.now() - built).toBeLessThan(2_000);
    for (const server of servers) {
      const health = (await (await server.app.request('/health')).json()) as { generation?: { id: number } };
      expect(health.generation?.id).toBeGreaterThan(before);
    }
  }, 60_000);
});
