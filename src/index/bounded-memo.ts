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
  /** Most characters of text remembered, all texts together: what a result holds grows with its text's length. */
  maxChars: number;
  /** Longer texts are computed every time. */
  maxLength: number;
}

/**
 * `compute(text, language)` remembered by text, emptied whole once the remembered texts would exceed `maxChars`
 * characters, so its memory is a few bytes a character of `maxChars` at most. One entry a text: a text is read in
 * one language (its passage's), and asked in another, its result is computed and replaces the first.
 * @example const terms = boundedTextMemo(analyzeText, { maxChars: 500_000, maxLength: 1_000 }); terms('Le elezioni', 'it')
 */
export function boundedTextMemo<V>(compute: (text: string, language?: DetectedLanguage) => V, bounds: TextMemoBounds): (text: string, language?: DetectedLanguage) => V {
  const cache = new Map<string, { language?: DetectedLanguage; value: V }>();
  let chars = 0;
  return (text, language) => {
    if (text.length > bounds.maxLength) return compute(text, language);
    const known = cache.get(text);
    if (known && known.language === language) return known.value;
    const value = compute(text, language);
    if (!known) {
      if (chars + text.length > bounds.maxChars) {
        cache.clear();
        chars = 0;
      }
      chars += text.length;
    }
    cache.set(text, { language, value });
    return value;
  };
}
