/** Connections to the primary and the read replicas, bounded by DATABASE_TIMEOUT_MS, with errors that say what to do. */
import pg from 'pg';
import type { DatabaseConfig } from '../../config.js';

/** A database the store cannot use: unreachable, refused, or missing the `vector` extension. */
export class DatabaseStartError extends Error {
  override name = 'DatabaseStartError';
}

/** A URL for log lines and errors: host, port and database, never the password. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname || '/'}`;
  } catch {
    return '(unparseable URL)';
  }
}

/**
 * A small pool: connecting and every statement are bounded, and idle errors (a server gone away) are logged
 * instead of crashing the process.
 */
export function createPool(
  url: string,
  timeoutMs: number,
  log: (entry: Record<string, unknown>) => void,
  { max = 8, efSearch }: { max?: number; efSearch?: number } = {},
): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    // pgvector's HNSW candidate list, as HNSW_EF_SEARCH sets it for the file index.
    ...(efSearch ? { options: `-c hnsw.ef_search=${Math.trunc(efSearch)}` } : {}),
    connectionTimeoutMillis: timeoutMs,
    query_timeout: timeoutMs,
    statement_timeout: timeoutMs,
    idleTimeoutMillis: 30_000,
    application_name: 'kazakh-rag',
    allowExitOnIdle: true,
  });
  pool.on('error', (error) => log({ level: 'warn', msg: `PostgreSQL connection to ${describeUrl(url)} lost`, error: error.message }));
  return pool;
}

/** Runs one query to prove the server answers; turns the driver's error into one that names the setting. */
export async function checkReachable(pool: pg.Pool, url: string, setting: string): Promise<void> {
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    const reason = (error as Error).message || (error as { code?: string }).code || String(error);
    throw new DatabaseStartError(
      `Cannot use the PostgreSQL server at ${describeUrl(url)} (${setting}): ${reason}. Check the host, port, user, password and database name in ${setting}.`,
    );
  }
}

/** The `vector` extension must be installed in the database; the message says how. */
export async function checkVectorExtension(pool: pg.Pool, url: string): Promise<void> {
  const { rows } = await pool.query<{ extversion: string }>("SELECT extversion FROM pg_extension WHERE extname = 'vector'");
  if (rows.length === 0) {
    throw new DatabaseStartError(
      `The database at ${describeUrl(url)} has no \`vector\` extension (pgvector). Run \`CREATE EXTENSION vector;\` in it as its owner or an administrator (managed PostgreSQL services ship pgvector), or run \`npm run index\`, which creates it when allowed.`,
    );
  }
}

/** The primary's pool, checked before anything else happens. */
export async function openPrimary(database: DatabaseConfig, log: (entry: Record<string, unknown>) => void, efSearch?: number): Promise<pg.Pool> {
  const pool = createPool(database.url, database.timeoutMs, log, { efSearch });
  try {
    await checkReachable(pool, database.url, 'DATABASE_URL');
    return pool;
  } catch (error) {
    await pool.end().catch(() => {});
    throw error;
  }
}
