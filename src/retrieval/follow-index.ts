/**
 * An index that changes under a running server (a new PostgreSQL generation): a view whose every read goes to the
 * index serving now, and per-index values (a searcher, a lookup) rebuilt once when the index changes. A search takes
 * one snapshot, so its chunk positions and its chunks always come from the same generation.
 */
import type { LoadedIndex } from '../index/types.js';

export interface FollowedIndex {
  /** Reads through to the current index. */
  view: LoadedIndex;
  /** `make` applied to the current index, made again only when the index changes. */
  per<T>(make: (index: LoadedIndex) => T): () => T;
}

/**
 * @example const followed = followIndex(() => live.current()); const searcher = followed.per((index) => createSearcher({ index }));
 */
export function followIndex(current: () => LoadedIndex): FollowedIndex {
  const view: LoadedIndex = {
    get manifest() {
      return current().manifest;
    },
    get chunks() {
      return current().chunks;
    },
    get documents() {
      return current().documents;
    },
    get lexical() {
      return current().lexical;
    },
    get dense() {
      return current().dense;
    },
    get servedGeneration() {
      return current().servedGeneration;
    },
  };
  function per<T>(make: (index: LoadedIndex) => T): () => T {
    let made: { index: LoadedIndex; value: T } | undefined;
    return () => {
      const index = current();
      if (made?.index !== index) made = { index, value: make(index) };
      return made.value;
    };
  }
  return { view, per };
}
