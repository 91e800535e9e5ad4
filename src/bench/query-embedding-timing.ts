/** Query-embedding time through the runtime's query cache: a first (uncached) question, and the same question again. */
import { cachedQueryEmbedder, type EmbedQuery } from '../embedding/query-cache.js';
import { summarizeLatencies, type LatencySummary } from './stats.js';

export interface QueryEmbeddingTiming {
  /** The very first call after the model loaded (session warm-up), on a text outside the questions. */
  firstCallMs: number;
  /** Each distinct question the first time: a cache miss, so one model call. */
  cold: LatencySummary;
  /** The same questions asked again, `rounds` times each: answered by the cache. */
  cached: LatencySummary;
  rounds: number;
}

/**
 * Times `embed` behind the same bounded cache the runtime uses (`cachedQueryEmbedder`), sequentially.
 * @example await timeQueryEmbedding((q) => embedder.embedQuery(q), questions, 5)
 */
export async function timeQueryEmbedding(embed: EmbedQuery, questions: readonly string[], rounds: number, now: () => number = () => performance.now()): Promise<QueryEmbeddingTiming> {
  const distinct = [...new Set(questions)];
  if (distinct.length === 0) throw new Error('Query-embedding timing needs at least one question.');
  const cached = cachedQueryEmbedder(embed, distinct.length + 1);
  const time = async (text: string) => {
    const started = now();
    await cached(text);
    return now() - started;
  };
  const firstCallMs = await time('benchmark warm-up: the first call after the model loaded');
  const cold: number[] = [];
  for (const q of distinct) cold.push(await time(q));
  const hits: number[] = [];
  for (let r = 0; r < rounds; r++) for (const q of distinct) hits.push(await time(q));
  return { firstCallMs: Math.round(firstCallMs * 1000) / 1000, cold: summarizeLatencies(cold), cached: summarizeLatencies(hits), rounds };
}
