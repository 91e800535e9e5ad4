/**
 * Spreads reads over DATABASE_READ_URLS (round robin) with the primary as the last resort. A server that fails is
 * skipped for a while and tried again later; each read tries every server at most once, each try bounded by
 * DATABASE_TIMEOUT_MS, so a replica going away costs a retry, not a failed request.
 */
import type pg from 'pg';
import type { DatabaseConfig } from '../../config.js';
import { createPool, describeUrl } from './connect.js';

export interface ReadRouter {
  /** Runs `work` against one server, moving on to the next when it throws. */
  run<T>(work: (pool: pg.Pool) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

interface Server {
  url: string;
  pool: pg.Pool;
  downUntil: number;
}

/** A replica that lags behind: the generation asked for is not there yet. */
export class NotReplicatedYet extends Error {
  override name = 'NotReplicatedYet';
}

/**
 * @example const router = createReadRouter(config.database, primaryPool, log); await router.run((db) => db.query('SELECT 1'));
 */
export function createReadRouter(
  database: DatabaseConfig,
  primary: pg.Pool,
  log: (entry: Record<string, unknown>) => void,
  options: { efSearch?: number; now?: () => number } = {},
): ReadRouter {
  const now = options.now ?? Date.now;
  const retryAfterMs = Math.max(1_000, database.timeoutMs);
  const replicas: Server[] = database.readUrls.map((url) => ({ url, pool: createPool(url, database.timeoutMs, log, { efSearch: options.efSearch }), downUntil: 0 }));
  const primaryServer: Server = { url: database.url, pool: primary, downUntil: 0 };
  let next = 0;

  function order(): Server[] {
    const start = next++ % Math.max(1, replicas.length);
    const rotated = [...replicas.slice(start), ...replicas.slice(0, start)];
    const up = rotated.filter((s) => s.downUntil <= now());
    const down = rotated.filter((s) => s.downUntil > now());
    // Replicas that are up, then the primary, then (as a last try) replicas marked down: one may be back already.
    return [...up, primaryServer, ...down];
  }

  async function run<T>(work: (pool: pg.Pool) => Promise<T>): Promise<T> {
    let lastError: unknown;
    for (const server of order()) {
      try {
        const result = await work(server.pool);
        if (server.downUntil > 0) {
          server.downUntil = 0;
          log({ level: 'info', msg: `PostgreSQL ${describeUrl(server.url)} answers again` });
        }
        return result;
      } catch (error) {
        lastError = error;
        if (error instanceof NotReplicatedYet) continue;
        if (server.downUntil <= now()) {
          log({ level: 'warn', msg: `PostgreSQL ${describeUrl(server.url)} failed a read; trying the next server, and skipping this one for ${retryAfterMs} ms`, error: (error as Error).message });
        }
        server.downUntil = now() + retryAfterMs;
      }
    }
    throw lastError;
  }

  return {
    run,
    close: async () => {
      await Promise.all(replicas.map((s) => s.pool.end().catch(() => {})));
    },
  };
}
