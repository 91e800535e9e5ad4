/**
 * LISTEN on the primary for the NOTIFY a build sends when it makes a generation current, so a server switches within
 * a moment instead of at its next poll. A lost connection is opened again with a growing pause, and polling covers
 * the gap: NOTIFY never reaches a server through a streaming replica or a transaction-pooling PgBouncer.
 */
import pg from 'pg';
import type { DatabaseConfig } from '../../config.js';
import { describeUrl } from './connect.js';
import { GENERATION_CHANNEL } from './schema.js';

/** Pauses between attempts to listen again: from 1 s, doubled up to 30 s. */
const FIRST_RETRY_MS = 1_000;
const LAST_RETRY_MS = 30_000;

export interface GenerationListener {
  close(): Promise<void>;
}

/**
 * Calls `onGeneration(id)` for every generation a build announces, and `onGeneration(undefined)` after listening
 * again (a build may have finished while nobody listened). Resolves after the first attempt, listening or not.
 * @example const listener = await listenForGenerations(config.database, (id) => void live.refresh(id), log);
 */
export async function listenForGenerations(
  database: DatabaseConfig,
  onGeneration: (id: number | undefined) => void,
  log: (entry: Record<string, unknown>) => void,
): Promise<GenerationListener> {
  const where = describeUrl(database.url);
  let client: pg.Client | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let retryMs = FIRST_RETRY_MS;
  let failing = false;
  let closed = false;

  function lost(which: pg.Client, error?: Error): void {
    if (closed || (client !== undefined && client !== which)) return;
    client = undefined;
    which.removeAllListeners('end');
    which.end().catch(() => {});
    if (!failing) {
      log({ level: 'warn', msg: `Not listening for new index generations on ${where} (polling continues; trying again)`, error: error?.message ?? 'connection closed' });
    }
    failing = true;
    if (retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void connect();
    }, retryMs);
    retryTimer.unref();
    retryMs = Math.min(retryMs * 2, LAST_RETRY_MS);
  }

  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString: database.url, connectionTimeoutMillis: database.timeoutMs, keepAlive: true, application_name: 'kazakh-rag listen' });
    next.on('error', (error) => lost(next, error));
    next.on('end', () => lost(next));
    next.on('notification', (message) => {
      if (message.channel !== GENERATION_CHANNEL) return;
      const id = Number(message.payload);
      onGeneration(Number.isSafeInteger(id) && id > 0 ? id : undefined);
    });
    client = next;
    try {
      await next.connect();
      await next.query(`LISTEN ${GENERATION_CHANNEL}`);
    } catch (error) {
      lost(next, error as Error);
      return;
    }
    if (closed) {
      await next.end().catch(() => {});
      return;
    }
    retryMs = FIRST_RETRY_MS;
    if (failing) {
      failing = false;
      log({ level: 'info', msg: `Listening for new index generations on ${where} again` });
      onGeneration(undefined);
    }
  }

  await connect();
  return {
    async close() {
      closed = true;
      clearTimeout(retryTimer);
      const last = client;
      client = undefined;
      last?.removeAllListeners('end');
      await last?.end().catch(() => {});
    },
  };
}
