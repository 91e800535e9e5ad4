/** The fixture network as ONNX graphs: BERT-style embeddings, LayerNorm and one tanh dense layer with a residual, in float32 and uint8-weight form. */
import type { onnx } from 'onnx-proto';
import { ALIGNMENT_OUTPUT } from '../../src/embedding/onnx/bert-encoder-graph.js';
import { DataType, floatTensor, int64Tensor, node, uint8Tensor, valueInfo } from '../../src/embedding/onnx/onnx-builders.js';
import { quantizeUint8 } from './quantize.js';
import { seededRandom, uniformWeights } from './seeded-random.js';
import type { FixtureDimensions } from './tokenizer-files.js';

/** Every learned tensor, row-major. */
export interface FixtureWeights {
  wordEmbeddings: Float32Array;
  positionEmbeddings: Float32Array;
  typeEmbeddings: Float32Array;
  dense: Float32Array;
}

/** Seeded weights. Word embeddings dominate, so mean-pooled vectors of texts sharing tokens end up close. */
export function makeWeights(d: FixtureDimensions, seed: number): FixtureWeights {
  const random = seededRandom(seed);
  return {
    wordEmbeddings: uniformWeights(random, d.vocabSize * d.hiddenSize, 1),
    positionEmbeddings: uniformWeights(random, d.maxPositions * d.hiddenSize, 0.05),
    typeEmbeddings: uniformWeights(random, d.typeVocabSize * d.hiddenSize, 0.05),
    dense: uniformWeights(random, d.hiddenSize * d.hiddenSize, 1 / Math.sqrt(d.hiddenSize)),
  };
}

const INPUT_NAMES = ['input_ids', 'attention_mask', 'token_type_ids'];

/** Embedding lookup and sum, LayerNorm, tanh dense with residual, padded positions zeroed; `dense` makes `projected` from `normed`. */
function trunk(wordTable: string, dense: onnx.INodeProto[]): onnx.INodeProto[] {
  return [
    node('Gather', [wordTable, 'input_ids'], ['word']),
    node('Shape', ['input_ids'], ['input_shape']),
    node('Gather', ['input_shape', 'one'], ['sequence_length'], { axis: 0 }),
    node('Range', ['zero', 'sequence_length', 'one'], ['position_ids']),
    node('Gather', ['position_embeddings', 'position_ids'], ['positions']),
    node('Gather', ['type_embeddings', 'token_type_ids'], ['types']),
    node('Add', ['word', 'positions'], ['word_positions']),
    node('Add', ['word_positions', 'types'], ['embeddings']),
    node('ReduceMean', ['embeddings'], ['mean'], { axes: [-1], keepdims: 1 }),
    node('Sub', ['embeddings', 'mean'], ['centered']),
    node('Mul', ['centered', 'centered'], ['squared']),
    node('ReduceMean', ['squared'], ['variance'], { axes: [-1], keepdims: 1 }),
    node('Add', ['variance', 'epsilon'], ['variance_epsilon']),
    node('Sqrt', ['variance_epsilon'], ['deviation']),
    node('Div', ['centered', 'deviation'], ['normed']),
    ...dense,
    node('Tanh', ['projected'], ['activated']),
    node('Add', ['normed', 'activated'], ['hidden']),
    node('Cast', ['attention_mask'], ['mask_float'], { to: DataType.FLOAT }),
    node('Unsqueeze', ['mask_float', 'last_axis'], ['mask']),
    node('Mul', ['hidden', 'mask'], ['last_hidden_state']),
    // The states before the dense layer stand for the middle layer a real encoder's word alignment reads.
    node('Identity', ['normed'], [ALIGNMENT_OUTPUT]),
  ];
}

function sharedInitializers(d: FixtureDimensions, w: FixtureWeights): onnx.ITensorProto[] {
  return [
    floatTensor('position_embeddings', [d.maxPositions, d.hiddenSize], w.positionEmbeddings),
    floatTensor('type_embeddings', [d.typeVocabSize, d.hiddenSize], w.typeEmbeddings),
    floatTensor('epsilon', [], new Float32Array([1e-12])),
    int64Tensor('zero', [], [0]),
    int64Tensor('one', [], [1]),
    int64Tensor('last_axis', [1], [-1]),
  ];
}

function graph(name: string, d: FixtureDimensions, nodes: onnx.INodeProto[], initializer: onnx.ITensorProto[]): onnx.IGraphProto {
  return {
    name,
    node: nodes,
    initializer,
    input: INPUT_NAMES.map((n) => valueInfo(n, DataType.INT64, ['batch', 'sequence'])),
    output: [
      valueInfo('last_hidden_state', DataType.FLOAT, ['batch', 'sequence', d.hiddenSize]),
      valueInfo(ALIGNMENT_OUTPUT, DataType.FLOAT, ['batch', 'sequence', d.hiddenSize]),
    ],
  };
}

/** The float32 graph (`onnx/model.onnx`). */
export function floatGraph(d: FixtureDimensions, w: FixtureWeights): onnx.IGraphProto {
  const nodes = trunk('word_embeddings', [node('MatMul', ['normed', 'dense_weight'], ['projected'])]);
  return graph('tiny_bert', d, nodes, [
    floatTensor('word_embeddings', [d.vocabSize, d.hiddenSize], w.wordEmbeddings),
    floatTensor('dense_weight', [d.hiddenSize, d.hiddenSize], w.dense),
    ...sharedInitializers(d, w),
  ]);
}

/**
 * The quantized graph (`onnx/model_quantized.onnx`): word embeddings and dense weight stored as uint8 and
 * dequantized in the graph. Weight-only on purpose: onnxruntime's dynamic quantization (DynamicQuantizeLinear +
 * MatMulInteger) takes one activation scale over the whole batch, so a text's vector would depend on its batch.
 */
export function quantizedGraph(d: FixtureDimensions, w: FixtureWeights): onnx.IGraphProto {
  const words = quantizeUint8(w.wordEmbeddings);
  const dense = quantizeUint8(w.dense);
  const nodes = [
    node('DequantizeLinear', ['word_embeddings_quantized', 'word_embeddings_scale', 'word_embeddings_zero_point'], ['word_embeddings']),
    node('DequantizeLinear', ['dense_weight_quantized', 'dense_weight_scale', 'dense_weight_zero_point'], ['dense_weight']),
    ...trunk('word_embeddings', [node('MatMul', ['normed', 'dense_weight'], ['projected'])]),
  ];
  return graph('tiny_bert_quantized', d, nodes, [
    uint8Tensor('word_embeddings_quantized', [d.vocabSize, d.hiddenSize], words.values),
    floatTensor('word_embeddings_scale', [], new Float32Array([words.scale])),
    uint8Tensor('word_embeddings_zero_point', [], new Uint8Array([words.zeroPoint])),
    uint8Tensor('dense_weight_quantized', [d.hiddenSize, d.hiddenSize], dense.values),
    floatTensor('dense_weight_scale', [], new Float32Array([dense.scale])),
    uint8Tensor('dense_weight_zero_point', [], new Uint8Array([dense.zeroPoint])),
    ...sharedInitializers(d, w),
  ]);
}
