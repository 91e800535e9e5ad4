/**
 * A server started on a database nobody has built into yet builds the first generation itself, as a server builds
 * a missing index folder. The build lock makes that one build: of several servers starting at once, one builds and
 * the others wait for its generation — or take the lock over when that builder dies.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import type { Config, DatabaseConfig } from '../../config.js';
import { BuildLockedError } from '../build-lock.js';
import { IndexMissingError } from '../load-index.js';
import { describeUrl } from './connect.js';
import { openLiveIndex, type LiveIndex } from './live-index.js';
import { currentGeneration } from './schema.js';

export interface FirstGenerationDeps {
  /** Builds unless `isBuilt` (asked under the build lock) says a generation exists; omitted: never build. */
  build?: (isBuilt: () => Promise<boolean>) => Promise<unknown>;
  log: (entry: Record<string, unknown>) => void;
  signal?: AbortSignal;
  /** Pause between looks while another process holds the build lock (default 1 s). */
  waitMs?: number;
}

/**
 * Opens the current generation, building the first one when there is none.
 * @throws IndexMissingError when there is none and `build` is omitted.
 * @example const live = await openOrBuildLiveIndex(config, { build: (isBuilt) => buildIfNone(config, deps, isBuilt), log });
 */
export async function openOrBuildLiveIndex(config: Config, deps: FirstGenerationDeps): Promise<LiveIndex> {
  const database = config.database!;
  const where = describeUrl(database.url);
  let waiting = false;
  for (;;) {
    try {
      return await openLiveIndex(config, deps.log);
    } catch (error) {
      if (!(error instanceof IndexMissingError) || !deps.build) throw error;
    }
    try {
      if (!waiting) deps.log({ level: 'info', msg: `No index in the database at ${where} yet: building the first generation` });
      await deps.build(() => hasGeneration(database));
    } catch (error) {
      if (deps.signal?.aborted) throw error;
      if (!(error instanceof BuildLockedError)) {
        // Typically an API machine without the documents: say where the first build belongs.
        throw new IndexMissingError(
          `No index in the database at ${where} yet, and this server could not build the first generation: ${(error as Error).message} ` +
            'Run `npm run index` with the same DATABASE_URL where the documents are (or give this server CORPUS_DIR).',
          { cause: error },
        );
      }
      if (!waiting) deps.log({ level: 'info', msg: `Another process is building the first index generation into ${where}; waiting for it` });
      waiting = true;
      await sleep(deps.waitMs ?? 1_000, undefined, { signal: deps.signal });
    }
  }
}

/** Whether the database has a current generation (asked of the primary, which a build writes to). */
async function hasGeneration(database: DatabaseConfig): Promise<boolean> {
  const client = new pg.Client({ connectionString: database.url, connectionTimeoutMillis: database.timeoutMs, query_timeout: database.timeoutMs });
  client.on('error', () => {}); // surfaced by the query
  await client.connect();
  try {
    return (await currentGeneration(client)) !== null;
  } finally {
    await client.end().catch(() => {});
  }
}
