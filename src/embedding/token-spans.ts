/**
 * Where each SentencePiece token of a text sits in that text. The tokenizer normalises (NFKC-like: presentation
 * forms, full-width letters) and marks word starts with `▁`, so a piece is matched against the text's characters
 * after the same normalisation, walking left to right; a piece that matches nowhere (an unknown token) takes the
 * characters up to the next piece's match.
 */
const WORD_START = '\u2581';
/** How many text characters one piece character may stand for under NFKC (e.g. a ligature), bounded for speed. */
const MAX_EXPANSION = 4;
/** How far past an unknown piece the next piece is looked for. */
const SEARCH_AFTER_UNKNOWN = 16;

/** `[start, end)` of each piece in `text`, in order; pieces are the tokenizer's strings without special tokens. */
export function tokenSpans(text: string, pieces: readonly string[]): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let cursor = 0;
  for (const piece of pieces) {
    const wanted = piece.split(WORD_START).join('');
    while (cursor < text.length && /\s/u.test(text[cursor]!)) cursor += 1;
    const pending = spans.length > 0 && spans.at(-1)![0] === spans.at(-1)![1];
    const found = wanted ? findMatch(text, cursor, wanted, pending ? SEARCH_AFTER_UNKNOWN : 0) : undefined;
    if (!found) {
      spans.push([cursor, cursor]); // filled in below once the next match is known
      continue;
    }
    spans.push(found);
    cursor = found[1];
  }
  // An unmatched piece (unknown token, dropped character) covers the gap to the next matched one.
  for (let i = 0; i < spans.length; i += 1) {
    const span = spans[i]!;
    if (span[0] !== span[1]) continue;
    const next = spans.slice(i + 1).find(([s, e]) => s !== e);
    span[1] = next ? Math.max(span[0], next[0]) : nextBreak(text, span[0]);
    while (span[1] > span[0] && /\s/u.test(text[span[1] - 1]!)) span[1] -= 1;
  }
  return spans;
}

/** `[start, end)` of `wanted` at `from`, or up to `searchAhead` characters later (after an unknown piece). */
function findMatch(text: string, from: number, wanted: string, searchAhead: number): [number, number] | undefined {
  for (let start = from; start <= Math.min(text.length - 1, from + searchAhead); start += 1) {
    const end = matchEnd(text, start, wanted);
    if (end !== undefined) return [start, end];
  }
  return undefined;
}

function matchEnd(text: string, from: number, wanted: string): number | undefined {
  if (text.startsWith(wanted, from)) return from + wanted.length;
  const limit = Math.min(text.length, from + wanted.length * MAX_EXPANSION);
  for (let end = from + 1; end <= limit; end += 1) {
    const normalised = text.slice(from, end).normalize('NFKC');
    if (normalised === wanted) return end;
    if (normalised.length > wanted.length && !normalised.startsWith(wanted)) break;
  }
  return undefined;
}

function nextBreak(text: string, from: number): number {
  const match = /\s/u.exec(text.slice(from));
  return match ? from + match.index : text.length;
}
