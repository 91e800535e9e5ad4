/**
 * Where to score BM25 with a database: the two ways measured on one generation. "memory" is what the servers do
 * (postings loaded from the generation, scored in-process); "SQL" stores the same analyzed postings in a table
 * (term, chunk, weighted tf) with document frequencies and lengths beside it, and scores with one query.
 * Both get the same analyzed query terms, so the comparison is of the scoring alone.
 */
import type pg from 'pg';
import { detectLanguage } from '../corpus/language.js';
import { analyzeForIndex } from '../index/analyzer.js';
import { decodeBm25 } from '../index/bm25-file.js';
import { LexicalIndex } from '../index/lexical-index.js';
import { percentile, round } from './stats.js';

export interface SqlBm25Result {
  queries: number;
  memoryMs: { p50: number; p95: number };
  sqlMs: { p50: number; p95: number };
  /** Queries whose top 20 chunks are the same set both ways. */
  sameTop20: number;
  /** Time to load the postings into the tables, and their size. */
  loadMs: number;
  tableBytes: number;
}

const BATCH = 50_000;
const K = 20;

/**
 * @example const result = await measureSqlBm25(client, lexicalBuffer, questions);
 */
export async function measureSqlBm25(client: pg.ClientBase, lexicalBuffer: Buffer, queries: readonly string[]): Promise<SqlBm25Result> {
  const data = decodeBm25(lexicalBuffer);
  const memory = LexicalIndex.fromBuffer(lexicalBuffer);
  const loadStarted = performance.now();
  await client.query('DROP TABLE IF EXISTS bm25_probe_postings, bm25_probe_terms, bm25_probe_docs');
  await client.query('CREATE TABLE bm25_probe_terms (term text PRIMARY KEY, df integer NOT NULL)');
  await client.query('CREATE TABLE bm25_probe_docs (doc integer PRIMARY KEY, len real NOT NULL)');
  await client.query('CREATE TABLE bm25_probe_postings (term text NOT NULL, doc integer NOT NULL, tf real NOT NULL)');
  for (let from = 0; from < data.terms.length; from += BATCH) {
    const terms = data.terms.slice(from, from + BATCH);
    await client.query('INSERT INTO bm25_probe_terms SELECT * FROM unnest($1::text[], $2::int[])', [terms, terms.map((_, i) => data.termOffsets[from + i + 1]! - data.termOffsets[from + i]!)]);
  }
  const lengths = Array.from(data.docLengths);
  for (let from = 0; from < lengths.length; from += BATCH) {
    const slice = lengths.slice(from, from + BATCH);
    await client.query('INSERT INTO bm25_probe_docs SELECT * FROM unnest($1::int[], $2::real[])', [slice.map((_, i) => from + i), slice]);
  }
  const postingTerms: string[] = [];
  for (let t = 0; t < data.terms.length; t++) for (let p = data.termOffsets[t]!; p < data.termOffsets[t + 1]!; p++) postingTerms.push(data.terms[t]!);
  for (let from = 0; from < postingTerms.length; from += BATCH) {
    await client.query('INSERT INTO bm25_probe_postings SELECT * FROM unnest($1::text[], $2::int[], $3::real[])', [
      postingTerms.slice(from, from + BATCH),
      Array.from(data.postingDocs.subarray(from, from + BATCH)),
      Array.from(data.postingTfs.subarray(from, from + BATCH)),
    ]);
  }
  await client.query('CREATE INDEX ON bm25_probe_postings (term) INCLUDE (doc, tf)');
  await client.query('ANALYZE bm25_probe_postings, bm25_probe_terms, bm25_probe_docs');
  const loadMs = performance.now() - loadStarted;
  const size = await client.query<{ bytes: string }>(
    "SELECT sum(pg_total_relation_size(c))::text AS bytes FROM unnest(ARRAY['bm25_probe_postings','bm25_probe_terms','bm25_probe_docs']::regclass[]) AS c",
  );

  const n = data.docLengths.length;
  const average = lengths.reduce((a, b) => a + b, 0) / Math.max(1, n);
  const { k1, b } = data.params;
  const sql = `SELECT p.doc, sum(ln(1 + (${n} - t.df + 0.5) / (t.df + 0.5)) * p.tf * ${k1 + 1} / (p.tf + ${k1} * (1 - ${b} + ${b} * d.len / ${average}))) AS score
    FROM bm25_probe_postings p JOIN bm25_probe_terms t USING (term) JOIN bm25_probe_docs d USING (doc)
    WHERE p.term = ANY($1::text[]) GROUP BY p.doc ORDER BY score DESC, p.doc LIMIT ${K}`;
  const memoryMs: number[] = [];
  const sqlMs: number[] = [];
  let sameTop20 = 0;
  for (const query of queries) {
    const language = detectLanguage(query);
    const analysis = analyzeForIndex(query, language);
    const terms = [...new Set([...analysis.terms, ...analysis.phonetic])];
    let started = performance.now();
    const inMemory = memory.search(query, K, language);
    memoryMs.push(performance.now() - started);
    started = performance.now();
    const { rows } = await client.query<{ doc: number }>(sql, [terms]);
    sqlMs.push(performance.now() - started);
    const a = new Set(inMemory.map((r) => r.index));
    if (rows.length === a.size && rows.every((r) => a.has(r.doc))) sameTop20 += 1;
  }
  await client.query('DROP TABLE bm25_probe_postings, bm25_probe_terms, bm25_probe_docs');
  const summary = (xs: number[]) => ({ p50: round(percentile(xs, 50), 2), p95: round(percentile(xs, 95), 2) });
  return { queries: queries.length, memoryMs: summary(memoryMs), sqlMs: summary(sqlMs), sameTop20, loadMs: round(loadMs, 0), tableBytes: Number(size.rows[0]!.bytes) };
}
