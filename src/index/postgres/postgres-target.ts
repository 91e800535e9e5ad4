/**
 * The PostgreSQL build target: a session advisory lock keeps builders apart, the new generation is written beside
 * the current one, and one short transaction makes it current and notifies the servers. A builder killed at any
 * point leaves only an incomplete generation, which the next build drops.
 */
import { createHash } from 'node:crypto';
import pg from 'pg';
import type { DatabaseConfig } from '../../config.js';
import type { SourceDocument } from '../../corpus/types.js';
import { BuildLockedError } from '../build-lock.js';
import type { BuildTarget, IndexParts } from '../build-target.js';
import { restoreChunks, toStoredChunk, type StoredChunk } from '../chunk-store.js';
import { cacheKey, sameEmbedding, type EmbeddingCache, type PassageEmbedder } from '../embed-chunks.js';
import type { Manifest } from '../types.js';
import { checkReachable, describeUrl } from './connect.js';
import { BUILD_LOCK_KEY, GENERATION_CHANNEL, chunkTable, chunkTableSql, currentGeneration, ensureSchema } from './schema.js';
import { fromVectorText, toVectorText } from './vector-text.js';

/** Rows per INSERT: large enough to amortise round trips, small enough to bound one statement's memory. */
const BATCH_ROWS = 500;

/** The file name under which the lexical index's checksum is recorded, as in a folder index. */
export const LEXICAL_CHECKSUM = 'lexical.bin';

/**
 * @example const target = await postgresTarget(config.database, config.hnsw);
 */
export async function postgresTarget(database: DatabaseConfig, hnsw: { m: number; efConstruction: number }): Promise<BuildTarget> {
  // One session for the whole build: the advisory lock lives as long as it (a killed builder's lock goes with it).
  const client = new pg.Client({ connectionString: database.url, connectionTimeoutMillis: database.timeoutMs, application_name: 'kazakh-rag build' });
  client.on('error', () => {}); // surfaced by the next query
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    const pool = { query: () => Promise.reject(error) } as unknown as pg.Pool;
    await checkReachable(pool, database.url, 'DATABASE_URL');
  }
  const where = describeUrl(database.url);

  return {
    describe: `PostgreSQL ${where}`,
    async withLock(work) {
      const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [BUILD_LOCK_KEY]);
      if (!rows[0]?.ok) {
        throw new BuildLockedError(`Another build into the database at ${where} is running (it holds advisory lock ${BUILD_LOCK_KEY}). Wait for it to finish, or stop it.`);
      }
      try {
        return await work();
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [BUILD_LOCK_KEY]).catch(() => {});
      }
    },
    async recover() {
      await ensureSchema(client);
      const { rows } = await client.query<{ id: string }>('SELECT id FROM rag_generations WHERE NOT complete');
      for (const { id } of rows) await dropGeneration(client, Number(id));
    },
    embeddingCache: (embedder) => readEmbeddingCache(client, embedder),
    async write(parts, { signal, onStage }) {
      const id = Number((await client.query<{ id: string }>('INSERT INTO rag_generations DEFAULT VALUES RETURNING id')).rows[0]!.id);
      const dimensions = parts.vectors?.dimensions ?? null;
      await client.query(chunkTableSql(id, dimensions));
      await insertChunks(client, id, parts, signal);
      await insertDocuments(client, id, parts.documents, signal);
      if (parts.vectors) {
        onStage('HNSW (pgvector)');
        await client.query(
          `CREATE INDEX ON ${chunkTable(id)} USING hnsw (embedding vector_cosine_ops) WITH (m = ${Math.trunc(hnsw.m)}, ef_construction = ${Math.trunc(hnsw.efConstruction)})`,
        );
      }
      signal?.throwIfAborted();
      const lexical = parts.lexical.toBuffer();
      const manifest: Manifest = { ...parts.manifest, checksums: { [LEXICAL_CHECKSUM]: createHash('sha256').update(lexical).digest('hex') } };
      await client.query('UPDATE rag_generations SET manifest = $2, lexical = $3 WHERE id = $1', [id, JSON.stringify(manifest), lexical]);
      signal?.throwIfAborted();
      await client.query('BEGIN');
      try {
        await client.query('UPDATE rag_generations SET complete = true, became_current_at = now() WHERE id = $1', [id]);
        await client.query('UPDATE rag_generations SET superseded_at = now() WHERE id = (SELECT generation FROM rag_current)');
        await client.query(
          'INSERT INTO rag_current (singleton, generation) VALUES (true, $1) ON CONFLICT (singleton) DO UPDATE SET generation = EXCLUDED.generation',
          [id],
        );
        await client.query(`SELECT pg_notify('${GENERATION_CHANNEL}', $1)`, [String(id)]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      }
      await dropOldGenerations(client, database.keepGenerations, supersededGraceMs(database));
      return manifest;
    },
    close: () => client.end().catch(() => {}),
  };
}

async function insertChunks(client: pg.Client, id: number, parts: IndexParts, signal?: AbortSignal): Promise<void> {
  const table = chunkTable(id);
  for (let from = 0; from < parts.chunks.length; from += BATCH_ROWS) {
    signal?.throwIfAborted();
    const slice = parts.chunks.slice(from, from + BATCH_ROWS);
    const positions = slice.map((_, i) => from + i);
    const stored = slice.map((c) => JSON.stringify(toStoredChunk(c)));
    if (parts.vectors) {
      const vectors = parts.vectors.vectors.slice(from, from + BATCH_ROWS).map(toVectorText);
      await client.query(`INSERT INTO ${table} (position, chunk, embedding) SELECT * FROM unnest($1::int[], $2::text[], $3::text[]::vector[])`, [positions, stored, vectors]);
    } else {
      await client.query(`INSERT INTO ${table} (position, chunk) SELECT * FROM unnest($1::int[], $2::text[])`, [positions, stored]);
    }
  }
}

async function insertDocuments(client: pg.Client, id: number, documents: readonly SourceDocument[], signal?: AbortSignal): Promise<void> {
  for (let from = 0; from < documents.length; from += BATCH_ROWS) {
    signal?.throwIfAborted();
    const slice = documents.slice(from, from + BATCH_ROWS);
    await client.query('INSERT INTO rag_documents (generation, file, document) SELECT $1, * FROM unnest($2::text[], $3::text[])', [
      id,
      slice.map((d) => d.file),
      slice.map((d) => JSON.stringify(d)),
    ]);
  }
}

async function dropGeneration(client: pg.ClientBase, id: number): Promise<void> {
  await client.query(`DROP TABLE IF EXISTS ${chunkTable(id)}`);
  await client.query('DELETE FROM rag_generations WHERE id = $1', [id]);
}

/**
 * How long a replaced generation must stay readable: a server moves on at its next poll, which a lagging replica
 * and a slow load can delay — builds in quick succession must not drop a generation a server still reads.
 */
export function supersededGraceMs(database: DatabaseConfig): number {
  return 2 * database.pollMs + database.timeoutMs;
}

/** Keeps the newest `keep` complete generations (the current one always), and any replaced less than `graceMs` ago. */
async function dropOldGenerations(client: pg.ClientBase, keep: number, graceMs: number): Promise<void> {
  const { rows } = await client.query<{ id: string; expired: boolean }>(
    `SELECT id, superseded_at < now() - $2 * interval '1 millisecond' AS expired FROM rag_generations
     WHERE complete AND superseded_at IS NOT NULL ORDER BY id DESC OFFSET $1`,
    [Math.max(0, keep - 1), graceMs],
  );
  // One still within its grace period is dropped by a later build.
  for (const { id, expired } of rows) if (expired) await dropGeneration(client, Number(id));
}

/** The current generation's vectors by embedded text, when it was built with the same model and weight format. */
async function readEmbeddingCache(client: pg.ClientBase, embedder: PassageEmbedder): Promise<EmbeddingCache> {
  const cache: EmbeddingCache = new Map();
  const id = await currentGeneration(client);
  if (id === null) return cache;
  const { rows } = await client.query<{ manifest: string }>('SELECT manifest FROM rag_generations WHERE id = $1', [id]);
  const manifest = rows[0] ? (JSON.parse(rows[0].manifest) as Manifest) : undefined;
  if (!manifest || !sameEmbedding(manifest, embedder)) return cache;
  const documents = await readDocuments(client, id);
  const chunkRows = await client.query<{ chunk: string; embedding: string }>(`SELECT chunk, embedding::text AS embedding FROM ${chunkTable(id)} ORDER BY position`);
  const chunks = restoreChunks(chunkRows.rows.map((r) => JSON.parse(r.chunk) as StoredChunk), documents);
  chunks.forEach((c, i) => cache.set(cacheKey(embedder.model, c.embedText), fromVectorText(chunkRows.rows[i]!.embedding)));
  return cache;
}

/** A generation's documents by file. */
export async function readDocuments(client: pg.Pool | pg.ClientBase, id: number): Promise<Map<string, SourceDocument>> {
  const { rows } = await client.query<{ document: string }>('SELECT document FROM rag_documents WHERE generation = $1', [id]);
  return new Map(rows.map((r) => JSON.parse(r.document) as SourceDocument).map((d) => [d.file, d]));
}
