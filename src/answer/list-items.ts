/**
 * A sentence that ends in ":" announces what follows, often a list whose items are paragraphs of their own
 * ("… four new criteria:" then "1. …", "2. …"). Quoting the sentence without them would answer nothing.
 */
import type { Chunk } from '../chunking/types.js';

/** Most list items brought after one sentence. */
const MAX_ITEMS = 10;
/** "1." "2)" "١." "a)" "-" "•" "–" … at the start of a paragraph. */
const LIST_ITEM = /^\s*(?:[\p{Nd}]{1,3}[.)]|\p{Ll}[.)]|[-–—•*▪●◦·])\s+\S/u;
const ENDS_WITH_COLON = /[:：]\s*$/u;

/** The list items that follow a chunk ending in ":" in its document (its paragraph's last chunk), in order. */
export type ListItemsAfter = (chunk: Chunk) => Chunk[];

/**
 * Builds the lookup over an index's chunks: the first chunk of each paragraph that directly follows `chunk`'s
 * paragraph and reads as a list item, up to MAX_ITEMS; `[]` when `chunk` does not end in ":" or is not the last
 * chunk of its paragraph.
 * @example createListItemLookup(index.chunks)(chunkEndingInColon).map((c) => c.paragraph) // [6, 7, 8, 9]
 */
export function createListItemLookup(chunks: readonly Chunk[]): ListItemsAfter {
  const firstChunk = new Map<string, Chunk>();
  const lastEnd = new Map<string, number>();
  for (const chunk of chunks) {
    const key = paragraphKey(chunk.file, chunk.paragraph);
    const first = firstChunk.get(key);
    if (!first || chunk.start < first.start) firstChunk.set(key, chunk);
    lastEnd.set(key, Math.max(lastEnd.get(key) ?? 0, chunk.end));
  }
  return (chunk) => {
    if (!endsWithColon(chunk.text) || chunk.end < (lastEnd.get(paragraphKey(chunk.file, chunk.paragraph)) ?? 0)) return [];
    const items: Chunk[] = [];
    for (let paragraph = chunk.paragraph + 1; items.length < MAX_ITEMS; paragraph += 1) {
      const next = firstChunk.get(paragraphKey(chunk.file, paragraph));
      if (!next || !isListItem(next.text)) break;
      items.push(next);
    }
    return items;
  };
}

/** Whether a paragraph opens like a list item: a number, a letter or a bullet, then text. */
export function isListItem(text: string): boolean {
  return LIST_ITEM.test(text);
}

export function endsWithColon(text: string): boolean {
  return ENDS_WITH_COLON.test(text);
}

function paragraphKey(file: string, paragraph: number): string {
  return `${paragraph}\0${file}`;
}
