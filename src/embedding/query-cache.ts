/** A bounded least-recently-used cache in front of query embedding: a repeated question costs no model call. */

export type EmbedQuery = (query: string) => Promise<number[]>;

/**
 * Wraps `embed` so that the last `maxEntries` distinct queries are answered from memory. Concurrent calls for one
 * query share a single model call; a failed call is not cached.
 * @example const embedQuery = cachedQueryEmbedder((q) => embedder.embedQuery(q), 1000);
 */
export interface CachedEmbedQuery extends EmbedQuery {
  size(): number;
  /** Stores vectors computed elsewhere (e.g. in one batch for many queries), as if each query had been asked. */
  prime(entries: Iterable<[string, number[]]>): void;
}

export function cachedQueryEmbedder(embed: EmbedQuery, maxEntries: number): CachedEmbedQuery {
  const entries = new Map<string, Promise<number[]>>();
  const cached = (query: string): Promise<number[]> => {
    const hit = entries.get(query);
    if (hit) {
      entries.delete(query); // re-inserted below: Map order is recency order
      entries.set(query, hit);
      return hit;
    }
    const vector = embed(query);
    entries.set(query, vector);
    vector.catch(() => entries.get(query) === vector && entries.delete(query));
    while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    return vector;
  };
  const prime = (pairs: Iterable<[string, number[]]>) => {
    for (const [query, vector] of pairs) {
      entries.delete(query);
      entries.set(query, Promise.resolve(vector));
    }
    while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
  };
  return Object.assign(cached, { size: () => entries.size, prime });
}
