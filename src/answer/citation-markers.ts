/** Post-processing of a generated answer: keeps the [n] markers that name a passage, drops the rest. */

/** A generated answer after its citation markers were checked. */
export interface CheckedMarkers {
  /** The answer with invalid markers removed and valid ones written as `[n]` (lists like `[1, 2]` become `[1][2]`). */
  text: string;
  /** Passage numbers the answer still cites, in order of first appearance. */
  cited: number[];
  /** Numbers that named no passage and were removed, in order of appearance. */
  removed: number[];
}

/** `[3]`, `[1, 2]`, `[1-3]` with the whitespace before it; other bracketed text is not a marker. */
const MARKER = /\s*\[\s*(\d+(?:\s*[-–]\s*\d+)?(?:\s*[,;]\s*\d+(?:\s*[-–]\s*\d+)?)*)\s*\]/g;

/** Longest range expanded (`[1-3]`); anything longer is not a sensible citation. */
const MAX_RANGE = 20;

/**
 * Keeps markers naming passages 1…passageCount, removes the others (with the space before them).
 * @example checkCitationMarkers('Yes [1], surely [9].', 3) // { text: 'Yes [1], surely.', cited: [1], removed: [9] }
 */
export function checkCitationMarkers(answer: string, passageCount: number): CheckedMarkers {
  const cited: number[] = [];
  const removed: number[] = [];
  const text = answer.replace(MARKER, (marker, list: string) => {
    const numbers = list.split(/[,;]/).flatMap(expandRange);
    const valid = numbers.filter((n) => n >= 1 && n <= passageCount);
    removed.push(...numbers.filter((n) => !valid.includes(n)));
    for (const n of valid) if (!cited.includes(n)) cited.push(n);
    if (valid.length === 0) return '';
    const leadingSpace = marker.slice(0, marker.length - marker.trimStart().length);
    return leadingSpace + [...new Set(valid)].map((n) => `[${n}]`).join('');
  });
  return { text: text.trim(), cited, removed };
}

function expandRange(item: string): number[] {
  const [from, to] = item.split(/[-–]/).map((n) => Number.parseInt(n, 10));
  if (to === undefined) return [from];
  if (to < from || to - from >= MAX_RANGE) return [from, to];
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
