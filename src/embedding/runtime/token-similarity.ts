/**
 * Cosine of every question token with every token of many sentences in one float32 matrix product on onnxruntime
 * (`Gemm`, B transposed): word alignment's hot spot, ~8× faster than the same products in JavaScript. The sentences'
 * rows arrive packed (int8 codes, a scale per row) and are unpacked inside the graph (`DequantizeLinear` per row:
 * the same float32 values as `unpackTokenStates`, ~6× faster than unpacking them in JavaScript). Runs on the calling
 * thread (one intra-op thread): ~0.5 ms for a question against fifty sentences.
 */
import * as ort from 'onnxruntime-node';
import type { TokenSimilarities } from '../token-states.js';
import { DataType, encodeModel, node, valueInfo } from '../onnx/onnx-builders.js';

/**
 * Opens the session. Sentence codes and scales are copied into reused buffers (grown as needed), not new ones per call.
 * @example const similarities = await openTokenSimilarities(); const [m] = await similarities(q, [packed]); m[i * sTokens + j]
 */
export async function openTokenSimilarities(): Promise<TokenSimilarities & { dispose(): Promise<void> }> {
  const graph = {
    name: 'token_similarity',
    node: [
      node('DequantizeLinear', ['codes', 'scales', 'zeros'], ['sentences'], { axis: 0 }),
      node('Gemm', ['question', 'sentences'], ['cosine'], { transB: 1 }),
    ],
    initializer: [],
    input: [
      valueInfo('question', DataType.FLOAT, ['q', 'd']),
      valueInfo('codes', DataType.INT8, ['s', 'd']),
      valueInfo('scales', DataType.FLOAT, ['s']),
      valueInfo('zeros', DataType.INT8, ['s']),
    ],
    output: [valueInfo('cosine', DataType.FLOAT, ['q', 's'])],
  };
  const session = await ort.InferenceSession.create(encodeModel(graph, 'token similarity'), { intraOpNumThreads: 1, interOpNumThreads: 1 });
  let codes = new Int8Array(0);
  let scales = new Float32Array(0);
  let zeros = new Int8Array(0);

  const similarities: TokenSimilarities = async (question, sentences) => {
    const d = question.dimensions;
    const n = question.spans.length;
    const counts = sentences.map((s) => s.spans.length);
    const total = counts.reduce((a, b) => a + b, 0);
    if (n === 0 || total === 0) return counts.map((m) => new Float32Array(n * m));
    if (scales.length < total) {
      const rows = Math.max(total, scales.length * 2);
      [codes, scales, zeros] = [new Int8Array(rows * d), new Float32Array(rows), new Int8Array(rows)];
    }
    let at = 0;
    for (const s of sentences) {
      codes.set(s.codes.subarray(0, s.spans.length * d), at * d);
      scales.set(s.scales.subarray(0, s.spans.length), at);
      at += s.spans.length;
    }
    const feeds = {
      question: new ort.Tensor('float32', question.vectors.subarray(0, n * d), [n, d]),
      codes: new ort.Tensor('int8', codes.subarray(0, total * d), [total, d]),
      scales: new ort.Tensor('float32', scales.subarray(0, total), [total]),
      zeros: new ort.Tensor('int8', zeros.subarray(0, total), [total]),
    };
    const { cosine } = await session.run(feeds);
    const all = cosine!.data as Float32Array;
    let from = 0;
    const matrices = counts.map((m) => {
      const matrix = new Float32Array(n * m);
      for (let i = 0; i < n; i++) matrix.set(all.subarray(i * total + from, i * total + from + m), i * m);
      from += m;
      return matrix;
    });
    cosine!.dispose();
    return matrices;
  };
  return Object.assign(similarities, { dispose: () => session.release() });
}
