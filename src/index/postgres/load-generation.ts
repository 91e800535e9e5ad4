/**
 * One generation from PostgreSQL as a LoadedIndex: documents, chunks and the BM25 postings in memory (so lexical
 * scores are exactly the file index's), nearest neighbours from pgvector's HNSW index on whichever server answers.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { documentTitle } from '../../corpus/document-title.js';
import type { SourceDocument } from '../../corpus/types.js';
import { restoreChunks, type StoredChunk } from '../chunk-store.js';
import { LexicalIndex } from '../lexical-index.js';
import { IndexMismatchError } from '../manifest.js';
import type { LoadedIndex, Manifest, RankedId } from '../types.js';
import { LEXICAL_CHECKSUM } from './postgres-target.js';
import { NotReplicatedYet, type ReadRouter } from './read-router.js';
import { chunkTable } from './schema.js';
import { toVectorText } from './vector-text.js';

export interface GenerationIndex extends LoadedIndex {
  generation: number;
}

/**
 * Loads generation `id`, all of it from one server: one that shows the generation complete has all its rows.
 * @example const index = await loadGeneration(router, 7, { retrieval: 'auto' });
 */
export async function loadGeneration(router: ReadRouter, id: number, options: { retrieval: 'auto' | 'hybrid' | 'lexical' }): Promise<GenerationIndex> {
  const table = chunkTable(id);
  const loaded = await router.run(async (db) => {
    // A generation made current before became_current_at existed reports when its build began.
    const { rows } = await db.query<{ manifest: string; lexical: Buffer; since: Date }>(
      'SELECT manifest, lexical, COALESCE(became_current_at, created_at) AS since FROM rag_generations WHERE id = $1 AND complete',
      [id],
    );
    if (!rows[0]) throw new NotReplicatedYet(`generation ${id} is not complete on this server yet`);
    const documentRows = await db.query<{ document: string }>('SELECT document FROM rag_documents WHERE generation = $1', [id]);
    const chunkRows = await db.query<{ chunk: string }>(`SELECT chunk FROM ${table} ORDER BY position`);
    return { ...rows[0], documentRows: documentRows.rows, chunkRows: chunkRows.rows };
  });
  const manifest = JSON.parse(loaded.manifest) as Manifest;
  const where = `generation ${id} in the database`;
  const sha = createHash('sha256').update(loaded.lexical).digest('hex');
  if (manifest.checksums[LEXICAL_CHECKSUM] !== sha) {
    throw new IndexMismatchError(`The lexical index of ${where} does not match its checksum. Run \`npm run index\` to rebuild it.`);
  }
  const documents = new Map(
    loaded.documentRows.map((r) => JSON.parse(r.document) as SourceDocument).map((d) => [d.file, { ...d, title: documentTitle(d) }]),
  );
  const chunks = restoreChunks(loaded.chunkRows.map((r) => JSON.parse(r.chunk) as StoredChunk), documents);
  if (chunks.length !== manifest.chunks) throw new IndexMismatchError(`${where} is inconsistent (chunk count). Run \`npm run index\` to rebuild it.`);
  const lexical = LexicalIndex.fromBuffer(loaded.lexical, chunks);
  if (options.retrieval === 'hybrid' && manifest.retrieval !== 'hybrid') {
    throw new IndexMismatchError(`RETRIEVAL=hybrid, but ${where} is lexical-only (${manifest.reason ?? 'no reason recorded'}). Rebuild it with the embedding model available.`);
  }
  const useDense = manifest.retrieval === 'hybrid' && options.retrieval !== 'lexical';
  const servedGeneration = { id, currentSince: loaded.since.toISOString() };
  return { generation: id, servedGeneration, manifest, chunks, documents, lexical, dense: useDense ? pgvectorSearch(router, table) : undefined };
}

/** Cosine nearest neighbours through pgvector's HNSW index; `score` is cosine similarity, as from the file index. */
function pgvectorSearch(router: ReadRouter, table: string): NonNullable<LoadedIndex['dense']> {
  const sql = `SELECT position, 1 - (embedding <=> $1::vector) AS score FROM ${table} ORDER BY embedding <=> $1::vector LIMIT $2`;
  return {
    async search(vector, k): Promise<RankedId[]> {
      const text = toVectorText(vector);
      const { rows } = await router.run((db: pg.Pool) => db.query<{ position: number; score: number }>(sql, [text, k]));
      return rows.map((r) => ({ index: r.position, score: Number(r.score) }));
    },
  };
}
