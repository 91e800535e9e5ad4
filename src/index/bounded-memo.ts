/** Remembers a pure function's results, forgetting them all once too many are held. */
import type { DetectedLanguage } from '../corpus/types.js';

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

export interface TextMemoBounds {
  /** Most results remembered for each language. */
  maxEntries: number;
  /** Longer texts are computed every time: an entry-count bound alone would let a few huge texts fill memory. */
  maxLength: number;
}

/**
 * `compute(text, language)` as `boundedMemo` remembers it, one cache per language (so the text itself is the key,
 * with no key string built per call). Memory stays within about languages × `maxEntries` × `maxLength`.
 * @example const terms = boundedTextMemo(analyzeText, { maxEntries: 5_000, maxLength: 1_000 }); terms('Le elezioni', 'it')
 */
export function boundedTextMemo<V>(compute: (text: string, language?: DetectedLanguage) => V, bounds: TextMemoBounds): (text: string, language?: DetectedLanguage) => V {
  const memos = new Map<DetectedLanguage | undefined, (text: string) => V>();
  return (text, language) => {
    if (text.length > bounds.maxLength) return compute(text, language);
    let memo = memos.get(language);
    if (!memo) memos.set(language, (memo = boundedMemo((t: string) => compute(t, language), bounds.maxEntries)));
    return memo(text);
  };
}
