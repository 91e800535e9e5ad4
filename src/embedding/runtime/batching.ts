/** Pure helpers around a forward pass: batches of similar token counts, padded feeds, mean pooling. */

/**
 * Indices of `lengths` in batches of at most `maxTexts` texts and `maxTokens` padded tokens (texts × the longest;
 * a longer text goes alone), shortest first, so each batch pads to a similar length (ordering by characters padded
 * ~28% extra work on mixed languages; by tokens ~3%).
 * @example batchesByLength([5, 1, 3], 2) // [[1, 2], [0]]
 * @example batchesByLength([5, 1, 3], 8, 6) // [[1, 2], [0]]
 */
export function batchesByLength(lengths: readonly number[], maxTexts: number, maxTokens = Number.POSITIVE_INFINITY): number[][] {
  const order = lengths.map((_, i) => i).sort((a, b) => lengths[a]! - lengths[b]! || a - b);
  const batches: number[][] = [];
  let batch: number[] = [];
  for (const i of order) {
    // Ascending order: the text added is the batch's longest, so the padded size is (texts + 1) × its length.
    if (batch.length && (batch.length >= maxTexts || (batch.length + 1) * lengths[i]! > maxTokens)) {
      batches.push(batch);
      batch = [];
    }
    batch.push(i);
  }
  if (batch.length) batches.push(batch);
  return batches;
}

export interface PaddedBatch {
  inputIds: BigInt64Array;
  attentionMask: BigInt64Array;
  tokenTypeIds: BigInt64Array;
  rows: number;
  columns: number;
}

/** Right-padded `[rows, columns]` inputs for token id lists (`padId` where there is no token). */
export function padBatch(sequences: readonly number[][], padId: number): PaddedBatch {
  const rows = sequences.length;
  const columns = Math.max(1, ...sequences.map((s) => s.length));
  const inputIds = new BigInt64Array(rows * columns).fill(BigInt(padId));
  const attentionMask = new BigInt64Array(rows * columns);
  sequences.forEach((ids, r) =>
    ids.forEach((id, c) => {
      inputIds[r * columns + c] = BigInt(id);
      attentionMask[r * columns + c] = 1n;
    }),
  );
  return { inputIds, attentionMask, tokenTypeIds: new BigInt64Array(rows * columns), rows, columns };
}

/** Scales a vector in place to unit length (a zero vector stays zero). */
export function normalize(vector: Float32Array): Float32Array {
  let sum = 0;
  for (const v of vector) sum += v * v;
  const norm = Math.sqrt(sum);
  if (norm > 0) for (let i = 0; i < vector.length; i++) vector[i]! /= norm;
  return vector;
}

/** Unit-length mean of row `row`'s first `length` token states in a `[rows, columns, hidden]` tensor. */
export function meanPooled(states: Float32Array, row: number, length: number, columns: number, hidden: number): Float32Array {
  const out = new Float32Array(hidden);
  for (let t = 0; t < length; t++) {
    const at = (row * columns + t) * hidden;
    for (let h = 0; h < hidden; h++) out[h]! += states[at + h]!;
  }
  for (let h = 0; h < hidden; h++) out[h]! /= Math.max(1, length);
  return normalize(out);
}
