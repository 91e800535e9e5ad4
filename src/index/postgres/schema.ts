/**
 * The tables of the PostgreSQL store. A build writes a generation (its row, its documents and a chunk table of its
 * own with the vectors and their HNSW index) and then points `rag_current` at it in one transaction, so readers never
 * see a half-written index. Texts are stored as JSON in `text` columns: exact, whatever characters a document holds.
 */
import type pg from 'pg';

/** Session advisory lock that keeps two builders of one database apart (an arbitrary constant: "kzrag"). */
export const BUILD_LOCK_KEY = 0x6b7a726167;

/** The channel on which a build announces a new current generation. */
export const GENERATION_CHANNEL = 'rag_generation';

/** The chunk table of a generation; `id` comes from a bigserial, never from input. */
export function chunkTable(generation: number): string {
  if (!Number.isSafeInteger(generation) || generation <= 0) throw new Error(`bad generation id ${generation}`);
  return `rag_chunks_${generation}`;
}

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS rag_generations (
  id bigserial PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now(),
  complete boolean NOT NULL DEFAULT false,
  manifest text,
  lexical bytea,
  superseded_at timestamptz,
  became_current_at timestamptz
);
ALTER TABLE rag_generations ADD COLUMN IF NOT EXISTS superseded_at timestamptz;
ALTER TABLE rag_generations ADD COLUMN IF NOT EXISTS became_current_at timestamptz;
CREATE TABLE IF NOT EXISTS rag_current (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  generation bigint NOT NULL REFERENCES rag_generations (id)
);
CREATE TABLE IF NOT EXISTS rag_documents (
  generation bigint NOT NULL REFERENCES rag_generations (id) ON DELETE CASCADE,
  file text NOT NULL,
  document text NOT NULL,
  PRIMARY KEY (generation, file)
);`;

/** The chunk table of one generation: the stored chunk (offsets, no text) and, in a hybrid build, its vector. */
export function chunkTableSql(generation: number, dimensions: number | null): string {
  const vector = dimensions ? `, embedding vector(${Math.trunc(dimensions)}) NOT NULL` : '';
  return `CREATE TABLE ${chunkTable(generation)} (position integer PRIMARY KEY, chunk text NOT NULL${vector})`;
}

/** Creates the extension (when the user may) and the tables. */
export async function ensureSchema(client: pg.ClientBase): Promise<void> {
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS vector');
  } catch (error) {
    const { rows } = await client.query("SELECT 1 FROM pg_extension WHERE extname = 'vector'");
    if (rows.length === 0) {
      throw new Error(
        `Cannot create the \`vector\` extension (${(error as Error).message}). Run \`CREATE EXTENSION vector;\` in this database as its owner or an administrator, then build again.`,
      );
    }
  }
  await client.query(SCHEMA_SQL);
}

/** The current generation's id, or null before the first build. */
export async function currentGeneration(client: pg.Pool | pg.ClientBase): Promise<number | null> {
  const exists = await client.query("SELECT to_regclass('rag_current') IS NOT NULL AS ok");
  if (!exists.rows[0]?.ok) return null;
  const { rows } = await client.query<{ generation: string }>('SELECT generation FROM rag_current');
  return rows[0] ? Number(rows[0].generation) : null;
}
