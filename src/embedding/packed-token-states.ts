/**
 * Token states as caches keep them: each token's row as int8 codes with one float32 scale (its largest magnitude
 * over 127), a quarter of float32's bytes. Rows are unpacked into float32 where cosines are computed.
 */
import type { PackedTokenStates, TokenStates } from './token-states.js';

/** Bytes a JavaScript `[start, end]` pair takes in `spans` (array header, elements, pointer), roughly. */
const SPAN_BYTES = 48;
/** Bytes of the objects around the arrays, roughly. */
const ENTRY_BYTES = 200;

/**
 * @example const kept = packTokenStates(states); unpackTokenStates(kept).vectors // within 1/254 of each row's largest value
 */
export function packTokenStates(states: TokenStates): PackedTokenStates {
  const { spans, vectors, dimensions: d } = states;
  const rows = spans.length;
  const codes = new Int8Array(rows * d);
  const scales = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    let largest = 0;
    for (let k = r * d; k < (r + 1) * d; k++) largest = Math.max(largest, Math.abs(vectors[k]!));
    const scale = largest / 127;
    scales[r] = scale;
    if (scale > 0) for (let k = r * d; k < (r + 1) * d; k++) codes[k] = Math.round(vectors[k]! / scale);
  }
  return { spans, codes, scales, dimensions: d };
}

export function unpackTokenStates(packed: PackedTokenStates): TokenStates {
  const { codes, scales, dimensions: d } = packed;
  const vectors = new Float32Array(codes.length);
  for (let r = 0; r < scales.length; r++) {
    const scale = scales[r]!;
    for (let k = r * d; k < (r + 1) * d; k++) vectors[k] = codes[k]! * scale;
  }
  return { spans: packed.spans, vectors, dimensions: d };
}

/** About what one packed entry holds in memory, its key of `keyChars` characters included. */
export function packedBytes(packed: PackedTokenStates, keyChars: number): number {
  return packed.codes.byteLength + packed.scales.byteLength + packed.spans.length * SPAN_BYTES + keyChars * 2 + ENTRY_BYTES;
}
