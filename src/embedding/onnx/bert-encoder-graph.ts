/**
 * A BERT encoder (BertModel: word + position + token-type embeddings, post-LayerNorm transformer layers with exact
 * GELU) as an ONNX graph at opset 13, with the inputs transformers.js feeds (`input_ids`, `attention_mask`,
 * `token_type_ids`) and two outputs: `last_hidden_state` (what the sentence vector is pooled from) and
 * `alignment_hidden_state`, the token states after a middle layer. Multilingual encoders align words across languages
 * best in their middle layers (SimAlign, Jalili Sabet et al. 2020), so the answer layer matches question words with
 * passage words on these states. Positions count from 0.
 *
 * A weight matrix is given either as float32 values or as 4-bit block-quantized values unpacked to one byte per
 * weight plus one scale per block of 32. The byte form is dequantized inside the graph with Cast/Sub/Mul; those
 * nodes read only initializers, so onnxruntime folds them into float constants when the session opens, and a
 * forward pass costs the same as the float graph. The word-embedding table is the exception: it is gathered
 * first and only the looked-up rows are dequantized, so it stays at one byte per weight in memory.
 *
 * Options select onnxruntime's own kernels where they are faster or leaner (see docs/performance.md): 4-bit
 * matrices as `MatMulNBits` (the blocks stay packed in memory, two weights a byte), int8 per-channel matrices as
 * `DynamicQuantizeMatMul`, and `LayerNormalization` (opset 17) with `Gelu` as single kernels.
 */
import type { onnx } from 'onnx-proto';
import { GraphBuilder, MICROSOFT_DOMAIN } from './graph-builder.js';
import { DataType, valueInfo, type OpsetImport } from './onnx-builders.js';

export interface BertDimensions {
  vocabSize: number;
  hiddenSize: number;
  layers: number;
  heads: number;
  intermediateSize: number;
  maxPositions: number;
  typeVocabSize: number;
  layerNormEps: number;
}

/** Row-major `[rows, cols]`; for a linear layer rows are outputs and cols inputs, as in PyTorch's `Linear.weight`. */
export type Matrix =
  | { kind: 'float'; values: Float32Array }
  /** `nibbles[i]` in 0..15 is weight `(nibble - 8) * scales[i / 32]`; blocks run along a row. */
  | { kind: 'q4'; nibbles: Uint8Array; scales: Float32Array }
  /** Weight `values[i] * scales[row]`: symmetric int8 with one scale per output channel. */
  | { kind: 'int8'; values: Int8Array; scales: Float32Array };

export interface Linear {
  weight: Matrix;
  bias: Float32Array;
  /**
   * int8 only: input channels kept out of the int8 product (zeroed before quantizing) and multiplied in float32 with
   * their weight columns (`weights`, `[channels.length, outputs]` row-major): LLM.int8()'s mixed-precision
   * decomposition (Dettmers et al. 2022). Layers reading one input must list the same channels.
   */
  outliers?: { channels: number[]; weights: Float32Array };
}

export interface LayerNormWeights {
  gamma: Float32Array;
  beta: Float32Array;
}

export interface BertLayerWeights {
  query: Linear;
  key: Linear;
  value: Linear;
  attentionOutput: Linear;
  attentionNorm: LayerNormWeights;
  intermediate: Linear;
  output: Linear;
  outputNorm: LayerNormWeights;
}

export interface BertWeights {
  wordEmbeddings: Matrix;
  positionEmbeddings: Float32Array;
  typeEmbeddings: Float32Array;
  embeddingNorm: LayerNormWeights;
  layers: BertLayerWeights[];
}

/** The graph's name for what layer `i`'s query, key and value read: the embeddings' or the previous layer's output. */
export const layerInputName = (i: number) => (i === 0 ? 'embeddings.norm.out' : `layer${i - 1}.output.norm.out`);

/** The name of the middle layer's token-state output (see the file comment). */
export const ALIGNMENT_OUTPUT = 'alignment_hidden_state';
/** Layers applied before `alignment_hidden_state` when the caller does not choose: 8 of 12, as SimAlign's best for mBERT. */
export const DEFAULT_ALIGNMENT_LAYER = 8;

export interface BertGraphOptions {
  /** How many encoder layers `alignment_hidden_state` has gone through (1..layers). */
  alignmentLayer?: number;
  /** How `q4` linear weights run: dequantized to float when the session opens (default), or packed in `MatMulNBits`. */
  q4MatMul?: 'dequantize' | 'nbits';
  /**
   * `MatMulNBits`' `accuracy_level`: 0 computes in float32 from the 4-bit weights; 4 quantizes activations to int8
   * per block and runs integer kernels (faster, activations rounded as in the int8 format). Default 0.
   */
  nbitsAccuracyLevel?: 0 | 4;
  /** `LayerNormalization` (opset 17) and `Gelu` kernels instead of their element-wise decomposition. Default false. */
  fusedOps?: boolean;
  /** Each layer's input (`layerInputName`) as an output too, for measuring activations. Default false. */
  layerInputOutputs?: boolean;
  /**
   * A 4-bit word table two values a byte (each gathered row unpacked in the graph) instead of one a byte: the same
   * numbers in half the memory (250,002 × 384 values: 48 MB less in every process holding the model). Default false.
   */
  packedWordTable?: boolean;
}

/** The operator sets a graph written with `options` needs. */
export function bertOpsets(options: BertGraphOptions = {}, weights?: BertWeights): OpsetImport[] {
  const usesInt8 = weights?.layers.some((l) => l.query.weight.kind === 'int8') ?? false;
  const microsoft = options.fusedOps || options.q4MatMul === 'nbits' || usesInt8;
  return [{ domain: '', version: options.fusedOps ? 17 : 13 }, ...(microsoft ? [{ domain: MICROSOFT_DOMAIN, version: 1 }] : [])];
}

const QUANT_BLOCK = 32;
/** Added to attention scores of padding positions: exp() of it is exactly 0 in float32. */
const MASKED_SCORE = -1e9;

const eight = (g: GraphBuilder) => g.constant('eight', () => g.float('eight', [], new Float32Array([8])));

const tiny = (g: GraphBuilder) => g.constant('tiny', () => g.float('tiny', [], new Float32Array([1e-12])));
const int8Max = (g: GraphBuilder) => g.constant('int8_max', () => g.float('int8_max', [], new Float32Array([127])));
const unitScale = (g: GraphBuilder) => g.constant('unit_scale', () => g.float('unit_scale', [], new Float32Array([1])));
const offset128 = (g: GraphBuilder) => g.constant('offset128', () => g.bytes('offset128', [], new Uint8Array([128])));

/** Per-graph choices every helper below reads. */
interface Writer {
  g: GraphBuilder;
  options: BertGraphOptions;
  eps: number;
  /** Inputs already quantized per token (see `quantizedPerToken`), with their outlier channels picked out. */
  perToken: Map<string, QuantizedInput>;
}

function layerNorm({ g, options, eps }: Writer, input: string, prefix: string, w: LayerNormWeights, hidden: number): string {
  const gamma = g.float(`${prefix}.gamma`, [hidden], w.gamma);
  const beta = g.float(`${prefix}.beta`, [hidden], w.beta);
  if (options.fusedOps) return g.add('LayerNormalization', [input, gamma, beta], `${prefix}.out`, { axis: -1, epsilon: { float: eps } });
  const mean = g.add('ReduceMean', [input], `${prefix}.mean`, { axes: [-1], keepdims: 1 });
  const centered = g.add('Sub', [input, mean], `${prefix}.centered`);
  const squared = g.add('Mul', [centered, centered], `${prefix}.squared`);
  const variance = g.add('ReduceMean', [squared], `${prefix}.variance`, { axes: [-1], keepdims: 1 });
  const deviation = g.add('Sqrt', [g.add('Add', [variance, 'eps'], `${prefix}.variance_eps`)], `${prefix}.deviation`);
  const normed = g.add('Div', [centered, deviation], `${prefix}.normed`);
  const scaled = g.add('Mul', [normed, gamma], `${prefix}.scaled`);
  return g.add('Add', [scaled, beta], `${prefix}.out`);
}

/** A `[rows, cols]` matrix as a float tensor: an initializer, or the folded dequantization of its bytes. */
function matrix(g: GraphBuilder, name: string, m: Matrix, rows: number, cols: number): string {
  if (m.kind === 'int8') throw new Error(`bertEncoderGraph: ${name} is int8, which only linear layers take.`);
  if (m.kind === 'float') return g.float(name, [rows, cols], m.values);
  const blocks = cols / QUANT_BLOCK;
  const nibbles = g.bytes(`${name}.nibbles`, [rows, blocks, QUANT_BLOCK], m.nibbles);
  const centered = g.add('Sub', [g.add('Cast', [nibbles], `${name}.cast`, { to: DataType.FLOAT }), eight(g)], `${name}.centered`);
  const scaled = g.add('Mul', [centered, g.float(`${name}.scales`, [rows, blocks, 1], m.scales)], `${name}.scaled`);
  return g.add('Reshape', [scaled, g.int64(`${name}.shape`, [2], [rows, cols])], name);
}

/** Two 4-bit weights a byte, low nibble first: `MatMulNBits`' layout for blocks along a row (and the packed word table's). */
function packNibbles(nibbles: Uint8Array): Uint8Array {
  const packed = new Uint8Array(nibbles.length / 2);
  for (let i = 0; i < packed.length; i++) packed[i] = nibbles[2 * i]! | (nibbles[2 * i + 1]! << 4);
  return packed;
}

/** `[rows, cols]` int8 → `[cols, rows]`. */
function transposeInt8(values: Int8Array, rows: number, cols: number): Int8Array {
  const out = new Int8Array(values.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = values[r * cols + c]!;
  return out;
}

/** An int8 linear layer's input: quantized per token, and its outlier channels in float32 (`picked`, when it has some). */
interface QuantizedInput {
  quantized: string;
  fromGrid: string;
  picked?: string;
}

/**
 * `input` as uint8 around 128 with one scale per token (row), so a text's vector never depends on its batch and an
 * outlier token costs only its own precision. `outliers` (channels whose values run far beyond the others, which
 * would set every token's scale) are zeroed before quantizing and gathered apart. Computed once per input: query,
 * key and value share theirs.
 */
function quantizedPerToken(writer: Writer, rawInput: string, width: number, outliers: number[] = []): QuantizedInput {
  const { g } = writer;
  const known = writer.perToken.get(rawInput);
  if (known) return known;
  let input = rawInput;
  let picked: string | undefined;
  if (outliers.length) {
    const regular = new Float32Array(width).fill(1);
    for (const c of outliers) regular[c] = 0;
    input = g.add('Mul', [rawInput, g.float(`${rawInput}.regular_mask`, [width], regular)], `${rawInput}.regular`);
    picked = g.add('Gather', [rawInput, g.int64(`${rawInput}.outlier_channels`, [outliers.length], outliers)], `${rawInput}.outliers`, { axis: -1 });
  }
  const peak = g.add('ReduceMax', [g.add('Abs', [input], `${input}.abs`)], `${input}.peak`, { axes: [-1], keepdims: 1 });
  const safePeak = g.add('Max', [peak, tiny(g)], `${input}.safe_peak`);
  const gridded = g.add('Mul', [input, g.add('Div', [int8Max(g), safePeak], `${input}.to_grid`)], `${input}.gridded`);
  const quantized = g.add('QuantizeLinear', [gridded, unitScale(g), offset128(g)], `${input}.quantized`);
  const made = { quantized, fromGrid: g.add('Div', [safePeak, int8Max(g)], `${input}.from_grid`), picked };
  writer.perToken.set(rawInput, made);
  return made;
}

/** `input · Wᵀ + b` for a `[out, in]` weight. */
function linear(writer: Writer, input: string, name: string, l: Linear, outputs: number, inputs: number): string {
  const { g, options } = writer;
  const bias = g.float(`${name}.bias`, [outputs], l.bias);
  const w = l.weight;
  if (w.kind === 'int8') {
    // Activations quantized per token, then onnxruntime's integer matmul (its fastest CPU path); one scale per batch
    // (DynamicQuantizeMatMul) measured 12% faster but 5× further from the 4-bit vectors, and batch-dependent.
    const weight = g.int8(`${name}.weight_int8`, [inputs, outputs], transposeInt8(w.values, outputs, inputs));
    const scales = g.float(`${name}.weight_scales`, [outputs], w.scales);
    const { quantized, fromGrid, picked } = quantizedPerToken(writer, input, inputs, l.outliers?.channels);
    const product = g.addMicrosoft('MatMulIntegerToFloat', [quantized, weight, unitScale(g), scales, offset128(g)], `${name}.product`);
    const scaled = g.add('Mul', [product, fromGrid], `${name}.scaled`);
    if (!picked || !l.outliers) return g.add('Add', [scaled, bias], `${name}.out`);
    const outlierWeights = g.float(`${name}.outlier_weights`, [l.outliers.channels.length, outputs], l.outliers.weights);
    const exact = g.add('MatMul', [picked, outlierWeights], `${name}.outlier_product`);
    return g.add('Add', [g.add('Add', [scaled, exact], `${name}.with_outliers`), bias], `${name}.out`);
  }
  if (w.kind === 'q4' && options.q4MatMul === 'nbits') {
    const blocks = inputs / QUANT_BLOCK;
    // Zero point left out: MatMulNBits then subtracts 8, as Q4_0 does, so the blocks are carried exactly.
    const packed = g.bytes(`${name}.weight_q4`, [outputs, blocks, QUANT_BLOCK / 2], packNibbles(w.nibbles));
    const scales = g.float(`${name}.weight_scales`, [outputs * blocks], w.scales);
    const product = g.addMicrosoft('MatMulNBits', [input, packed, scales], `${name}.product`, {
      K: inputs,
      N: outputs,
      bits: 4,
      block_size: QUANT_BLOCK,
      accuracy_level: options.nbitsAccuracyLevel ?? 0,
    });
    return g.add('Add', [product, bias], `${name}.out`);
  }
  const weight = matrix(g, `${name}.weight_out_in`, l.weight, outputs, inputs);
  const transposed = g.add('Transpose', [weight], `${name}.weight`, { perm: [1, 0] });
  const product = g.add('MatMul', [input, transposed], `${name}.product`);
  return g.add('Add', [product, bias], `${name}.out`);
}

/** Word-embedding rows of `input_ids`; a byte table is gathered, then only those rows are dequantized. */
function wordEmbeddings(g: GraphBuilder, d: BertDimensions, m: Matrix, packed: boolean): string {
  if (m.kind === 'int8') throw new Error('bertEncoderGraph: an int8 word-embedding table is not supported; use q4 or float.');
  if (m.kind === 'float') return g.add('Gather', [g.float('word_embeddings', [d.vocabSize, d.hiddenSize], m.values), 'input_ids'], 'words');
  const blocks = d.hiddenSize / QUANT_BLOCK;
  const nibbles = packed ? packedNibbleRows(g, d, m.nibbles) : byteNibbleRows(g, d, m.nibbles);
  const centered = g.add('Sub', [nibbles, eight(g)], 'words.centered');
  const blocked = g.add('Reshape', [centered, g.int64('words.blocked_shape', [4], [0, 0, blocks, QUANT_BLOCK])], 'words.blocked');
  const scales = g.add('Gather', [g.float('word_embeddings.scales', [d.vocabSize, blocks], m.scales), 'input_ids'], 'words.scales');
  const scaled = g.add('Mul', [blocked, g.add('Unsqueeze', [scales, g.int64('words.scales_axis', [1], [-1])], 'words.scales_column')], 'words.scaled');
  return g.add('Reshape', [scaled, g.int64('words.shape', [3], [0, 0, d.hiddenSize])], 'words');
}

/** The nibbles (0–15, as floats) of the gathered rows of a table holding one value a byte. */
function byteNibbleRows(g: GraphBuilder, d: BertDimensions, nibbles: Uint8Array): string {
  const bytes = g.add('Gather', [g.bytes('word_embeddings.nibbles', [d.vocabSize, d.hiddenSize], nibbles), 'input_ids'], 'words.nibbles');
  return g.add('Cast', [bytes], 'words.cast', { to: DataType.FLOAT });
}

/**
 * The nibbles (0–15, as floats) of the gathered rows of a table holding value 2j in byte j's low half and 2j + 1 in
 * its high half; split with float arithmetic (exact on 0–255), which every onnxruntime version runs.
 */
function packedNibbleRows(g: GraphBuilder, d: BertDimensions, nibbles: Uint8Array): string {
  const bytes = g.add('Gather', [g.bytes('word_embeddings.packed', [d.vocabSize, d.hiddenSize / 2], packNibbles(nibbles)), 'input_ids'], 'words.packed');
  const value = g.add('Cast', [bytes], 'words.bytes', { to: DataType.FLOAT });
  const high = g.add('Floor', [g.add('Div', [value, g.float('words.sixteen', [], new Float32Array([16]))], 'words.sixteenths')], 'words.high');
  const low = g.add('Sub', [value, g.add('Mul', [high, 'words.sixteen'], 'words.high_bytes')], 'words.low');
  const axis = g.int64('words.pair_axis', [1], [-1]);
  const pairs = g.add('Concat', [g.add('Unsqueeze', [low, axis], 'words.low_column'), g.add('Unsqueeze', [high, axis], 'words.high_column')], 'words.pairs', { axis: -1 });
  return g.add('Reshape', [pairs, g.int64('words.unpacked_shape', [3], [0, 0, d.hiddenSize])], 'words.nibble_values');
}

function embeddings(writer: Writer, d: BertDimensions, w: BertWeights): string {
  const { g } = writer;
  const words = wordEmbeddings(g, d, w.wordEmbeddings, writer.options.packedWordTable ?? false);
  const sequenceLength = g.add('Gather', [g.add('Shape', ['input_ids'], 'input_shape'), 'one'], 'sequence_length', { axis: 0 });
  const positionIds = g.add('Range', ['zero', sequenceLength, 'one'], 'position_ids');
  const positionTable = g.float('position_embeddings', [d.maxPositions, d.hiddenSize], w.positionEmbeddings);
  const positions = g.add('Gather', [positionTable, positionIds], 'positions');
  const typeTable = g.float('token_type_embeddings', [d.typeVocabSize, d.hiddenSize], w.typeEmbeddings);
  const types = g.add('Gather', [typeTable, 'token_type_ids'], 'types');
  const sum = g.add('Add', [g.add('Add', [words, positions], 'words_positions'), types], 'embeddings.sum');
  return layerNorm(writer, sum, 'embeddings.norm', w.embeddingNorm, d.hiddenSize);
}

/** `[batch, 1, 1, seq]`: 0 where attention_mask is 1, a large negative score where it is 0. */
function attentionBias(g: GraphBuilder): string {
  const mask = g.add('Cast', ['attention_mask'], 'mask.float', { to: DataType.FLOAT });
  const inverted = g.add('Sub', [g.float('one_float', [], new Float32Array([1])), mask], 'mask.inverted');
  const bias = g.add('Mul', [inverted, g.float('masked_score', [], new Float32Array([MASKED_SCORE]))], 'mask.bias2d');
  return g.add('Unsqueeze', [bias, g.int64('mask.axes', [2], [1, 2])], 'mask.bias');
}

function gelu({ g, options }: Writer, up: string, p: string): string {
  if (options.fusedOps) return g.addMicrosoft('Gelu', [up], `${p}.gelu`);
  const erf = g.add('Erf', [g.add('Mul', [up, 'inv_sqrt2'], `${p}.gelu.scaled`)], `${p}.gelu.erf`);
  return g.add('Mul', [g.add('Mul', [up, g.add('Add', [erf, 'one_float'], `${p}.gelu.shift`)], `${p}.gelu.product`), 'half'], `${p}.gelu`);
}

function encoderLayer(writer: Writer, d: BertDimensions, input: string, bias: string, l: BertLayerWeights, i: number): string {
  const { g } = writer;
  const H = d.hiddenSize;
  const p = `layer${i}`;
  const headSize = H / d.heads;
  const heads = (name: string, x: string, perm: number[]) =>
    g.add('Transpose', [g.add('Reshape', [x, 'heads_shape'], `${name}.split`)], `${name}.heads`, { perm });
  const q = heads(`${p}.q`, linear(writer, input, `${p}.attention.query`, l.query, H, H), [0, 2, 1, 3]);
  const k = heads(`${p}.k`, linear(writer, input, `${p}.attention.key`, l.key, H, H), [0, 2, 3, 1]);
  const v = heads(`${p}.v`, linear(writer, input, `${p}.attention.value`, l.value, H, H), [0, 2, 1, 3]);
  const scores = g.add('Mul', [g.add('MatMul', [q, k], `${p}.scores_raw`), g.float(`${p}.scale`, [], new Float32Array([1 / Math.sqrt(headSize)]))], `${p}.scores_scaled`);
  const probabilities = g.add('Softmax', [g.add('Add', [scores, bias], `${p}.scores`)], `${p}.probabilities`, { axis: -1 });
  const context = g.add('Transpose', [g.add('MatMul', [probabilities, v], `${p}.context_heads`)], `${p}.context_t`, { perm: [0, 2, 1, 3] });
  const merged = g.add('Reshape', [context, 'hidden_shape'], `${p}.context`);
  const attended = linear(writer, merged, `${p}.attention.output`, l.attentionOutput, H, H);
  const afterAttention = layerNorm(writer, g.add('Add', [attended, input], `${p}.attention.residual`), `${p}.attention.norm`, l.attentionNorm, H);

  const up = linear(writer, afterAttention, `${p}.intermediate`, l.intermediate, d.intermediateSize, H);
  const down = linear(writer, gelu(writer, up, p), `${p}.output`, l.output, H, d.intermediateSize);
  return layerNorm(writer, g.add('Add', [down, afterAttention], `${p}.output.residual`), `${p}.output.norm`, l.outputNorm, H);
}

/**
 * The encoder graph; `name` becomes the graph's name.
 * @example encodeModel(bertEncoderGraph('e5', dimensions, weights), 'multilingual-e5-small')
 */
export function bertEncoderGraph(name: string, d: BertDimensions, w: BertWeights, options: BertGraphOptions = {}): onnx.IGraphProto {
  if (w.layers.length !== d.layers) throw new Error(`bertEncoderGraph: ${w.layers.length} layers of weights for ${d.layers} layers.`);
  const alignmentLayer = options.alignmentLayer ?? Math.min(DEFAULT_ALIGNMENT_LAYER, d.layers);
  if (!Number.isInteger(alignmentLayer) || alignmentLayer < 1 || alignmentLayer > d.layers) {
    throw new Error(`bertEncoderGraph: alignmentLayer ${alignmentLayer} is not a layer of 1..${d.layers}.`);
  }
  const g = new GraphBuilder();
  const writer: Writer = { g, options, eps: d.layerNormEps, perToken: new Map() };
  if (!options.fusedOps) {
    g.float('eps', [], new Float32Array([d.layerNormEps]));
    g.float('half', [], new Float32Array([0.5]));
    g.float('inv_sqrt2', [], new Float32Array([Math.SQRT1_2]));
  }
  g.int64('zero', [], [0]);
  g.int64('one', [], [1]);
  g.int64('heads_shape', [4], [0, 0, d.heads, d.hiddenSize / d.heads]);
  g.int64('hidden_shape', [3], [0, 0, d.hiddenSize]);

  const bias = attentionBias(g);
  let hidden = embeddings(writer, d, w);
  w.layers.forEach((layer, i) => {
    hidden = encoderLayer(writer, d, hidden, bias, layer, i);
    if (i + 1 === alignmentLayer) g.add('Identity', [hidden], ALIGNMENT_OUTPUT);
  });
  g.add('Identity', [hidden], 'last_hidden_state');
  return {
    name,
    node: g.nodes,
    initializer: g.initializers,
    input: ['input_ids', 'attention_mask', 'token_type_ids'].map((n) => valueInfo(n, DataType.INT64, ['batch', 'sequence'])),
    output: ['last_hidden_state', ALIGNMENT_OUTPUT, ...(options.layerInputOutputs ? w.layers.map((_, i) => layerInputName(i)) : [])].map((n) =>
      valueInfo(n, DataType.FLOAT, ['batch', 'sequence', d.hiddenSize]),
    ),
  };
}
