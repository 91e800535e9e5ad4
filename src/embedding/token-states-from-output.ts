/**
 * Turns one text's row of a model's `alignment_hidden_state` into TokenStates: special tokens and the prefix's
 * tokens dropped, spans mapped back into the text as given, rows L2-normalised. Pure, so every runtime shares it.
 */
import { tokenSpans } from './token-spans.js';
import type { TokenStates } from './token-states.js';

export interface TokenRow {
  /** The tokenizer's piece strings of `prefix + text`, specials included, padding excluded. */
  pieces: readonly string[];
  /** Whether each piece is a special token (`<s>`, `</s>`, `<pad>`). */
  special: readonly boolean[];
  /** `pieces.length × dimensions` hidden values of this text, row-major. */
  hidden: ArrayLike<number>;
  dimensions: number;
}

/**
 * @example tokenStatesFromRow('Who won?', 'query: ', row).spans // [[0, 3], [4, 7], [7, 8]]
 */
export function tokenStatesFromRow(text: string, prefix: string, row: TokenRow): TokenStates {
  const { dimensions } = row;
  const kept = row.pieces.flatMap((piece, i) => (row.special[i] ? [] : [{ piece, i }]));
  const spans = tokenSpans(prefix + text, kept.map((k) => k.piece));
  const inText = kept.flatMap((k, j) => (spans[j]![0] >= prefix.trimEnd().length && spans[j]![1] > prefix.length ? [{ ...k, span: spans[j]! }] : []));
  const vectors = new Float32Array(inText.length * dimensions);
  inText.forEach(({ i }, r) => {
    let norm = 0;
    for (let d = 0; d < dimensions; d += 1) norm += Number(row.hidden[i * dimensions + d]) ** 2;
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let d = 0; d < dimensions; d += 1) vectors[r * dimensions + d] = Number(row.hidden[i * dimensions + d]) * scale;
  });
  const shift = (n: number) => Math.max(0, n - prefix.length);
  return { spans: inText.map(({ span }) => [shift(span[0]), shift(span[1])]), vectors, dimensions };
}
