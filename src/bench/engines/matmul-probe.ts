/**
 * The float32 ceiling: how fast onnxruntime multiplies matrices of the encoder's shapes on this machine (a
 * `[tokens, hidden] × [hidden, ffn]` MatMul, all threads), and what that allows in passages/s given the FLOPs of
 * one passage. Quantized kernels can beat it; a float32 engine cannot.
 */
import * as ort from 'onnxruntime-node';
import { encodeModel, floatTensor, node, valueInfo, DataType } from '../../embedding/onnx/onnx-builders.js';

export interface EncoderShape {
  hidden: number;
  intermediate: number;
  layers: number;
}

/** Multiply-adds ×2 of one passage of `tokens` tokens through the encoder (linear layers and attention). */
export function passageGflop(s: EncoderShape, tokens: number): number {
  const linear = 2 * tokens * (4 * s.hidden * s.hidden + 2 * s.hidden * s.intermediate);
  const attention = 2 * 2 * tokens * tokens * s.hidden;
  return (s.layers * (linear + attention)) / 1e9;
}

/**
 * Best GFLOP/s of `repeats` timed MatMuls.
 * @example const gflops = await matmulGflops({ hidden: 384, intermediate: 1536, layers: 12 }, 2);
 */
export async function matmulGflops(s: EncoderShape, threads: number, tokens = 2048, repeats = 8): Promise<number> {
  const weights = Float32Array.from({ length: s.hidden * s.intermediate }, (_, i) => ((i * 7919) % 1000) / 1000 - 0.5);
  const graph = {
    name: 'matmul_probe',
    node: [node('MatMul', ['x', 'w'], ['y'])],
    initializer: [floatTensor('w', [s.hidden, s.intermediate], weights)],
    input: [valueInfo('x', DataType.FLOAT, ['rows', s.hidden])],
    output: [valueInfo('y', DataType.FLOAT, ['rows', s.intermediate])],
  };
  const session = await ort.InferenceSession.create(encodeModel(graph, 'float32 MatMul probe'), { intraOpNumThreads: threads });
  const x = new ort.Tensor('float32', Float32Array.from({ length: tokens * s.hidden }, (_, i) => ((i * 104729) % 1000) / 1000 - 0.5), [tokens, s.hidden]);
  try {
    await session.run({ x });
    let best = Infinity;
    for (let i = 0; i < repeats; i++) {
      const t = performance.now();
      await session.run({ x });
      best = Math.min(best, performance.now() - t);
    }
    return (2 * tokens * s.hidden * s.intermediate) / (best / 1000) / 1e9;
  } finally {
    await session.release();
  }
}
