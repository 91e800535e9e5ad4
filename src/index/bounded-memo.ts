/** Remembers a pure function's results, forgetting them all once too many are held. */

/**
 * `compute` wrapped with a cache of up to `maxEntries` results, emptied whole when full (word frequencies are
 * Zipfian, so the frequent keys are back within a few calls). Only for pure functions: a cached result must
 * be what `compute` would return again, so callers must not mutate it.
 * @example const stem = boundedMemo(stemItalian, 100_000); stem('elezioni') // 'elezion', computed once
 */
export function boundedMemo<K, V>(compute: (key: K) => V, maxEntries: number): (key: K) => V {
  const cache = new Map<K, V>();
  return (key: K): V => {
    let value = cache.get(key);
    if (value === undefined && !cache.has(key)) {
      value = compute(key);
      if (cache.size >= maxEntries) cache.clear();
      cache.set(key, value);
    }
    return value as V;
  };
}
