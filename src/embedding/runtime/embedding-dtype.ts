/** Which ONNX file of a model folder runs: the weight format (EMBEDDING_DTYPE) and the file each one is read from. */
import { stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * `int8`: linear layers int8 per output channel (the project's converter writes it); `q4`: 4-bit `MatMulNBits`;
 * `quantized`: `model_quantized.onnx` (4-bit values unpacked, or a hub model's own 8-bit file); `fp32`: `model.onnx`.
 */
export const EMBEDDING_DTYPES = ['int8', 'q4', 'quantized', 'fp32'] as const;
export type EmbeddingDtype = (typeof EMBEDDING_DTYPES)[number];
/** `auto` takes the first of `AUTO_ORDER` the folder has. */
export type EmbeddingDtypeSetting = EmbeddingDtype | 'auto';

export const DTYPE_FILES: Record<EmbeddingDtype, string> = {
  int8: 'onnx/model_int8.onnx',
  q4: 'onnx/model_q4.onnx',
  quantized: 'onnx/model_quantized.onnx',
  fp32: 'onnx/model.onnx',
};

/**
 * Formats that lose no measured quality, leanest first (docs/performance.md): int8 is faster but measurably worse,
 * so it is only ever chosen by name. A hub folder, or one converted before `model_q4.onnx` existed, falls through
 * to `model_quantized.onnx`.
 */
export const AUTO_ORDER: readonly EmbeddingDtype[] = ['q4', 'quantized'];

const isFile = async (file: string) => (await stat(file).catch(() => undefined))?.isFile() ?? false;

/**
 * The format to load from `dir`: the one asked for, or under `auto` the first of `AUTO_ORDER` present
 * (`fp32` when `quantized` is false, as EMBEDDING_QUANTIZED=0 always meant). Undefined when `auto` finds none.
 * @example await chooseDtype('/models/e5', 'auto', true) // 'q4' when onnx/model_q4.onnx is there
 */
export async function chooseDtype(dir: string, setting: EmbeddingDtypeSetting, quantized: boolean): Promise<EmbeddingDtype | undefined> {
  if (setting !== 'auto') return setting;
  const order = quantized ? AUTO_ORDER : (['fp32'] as const);
  for (const dtype of order) if (await isFile(path.join(dir, DTYPE_FILES[dtype]))) return dtype;
  return undefined;
}
