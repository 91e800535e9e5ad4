/** A bounded least-recently-used cache in front of query embedding: a repeated question costs no model call. */

export type EmbedQuery = (query: string) => Promise<number[]>;

/**
 * Wraps `embed` so that the last `maxEntries` distinct queries are answered from memory. Concurrent calls for one
 * query share a single model call; a failed call is not cached.
 * @example const embedQuery = cachedQueryEmbedder((q) => embedder.embedQuery(q), 1000);
 */
export function cachedQueryEmbedder(embed: EmbedQuery, maxEntries: number): EmbedQuery & { size(): number } {
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
  return Object.assign(cached, { size: () => entries.size });
}
