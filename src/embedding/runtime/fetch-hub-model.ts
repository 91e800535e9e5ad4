/**
 * Puts a hub model's tokenizer, config and one ONNX file under `modelsDir/owner/name` when they are not there yet,
 * through transformers.js' own hub client (the files it fetches are the ones it would load).
 */
import type { ModelProgress } from '../model-progress.js';
import type { EmbeddingDtype } from './embedding-dtype.js';

/** transformers.js' names for the formats (its file suffix table maps `q8` to `_quantized`). */
const LIBRARY_DTYPE = { int8: 'int8', q4: 'q4', quantized: 'q8', fp32: 'fp32' } as const;

/** Loads run one at a time: transformers.js reads these settings from its module-wide `env`. */
let previous: Promise<unknown> = Promise.resolve();

/**
 * Downloads (or finds cached) `id`'s files for `dtype`. Rejects with the library's error; callers wrap it.
 * @example await fetchHubModel('Xenova/multilingual-e5-small', '/app/models', 'quantized');
 */
export function fetchHubModel(id: string, modelsDir: string, dtype: EmbeddingDtype, onProgress?: (event: ModelProgress) => void): Promise<void> {
  const fetch = async () => {
    // Imported here, not at the top: a process that only serves never loads the library on its main thread.
    const { AutoModel, AutoTokenizer, env } = await import('@huggingface/transformers');
    env.allowLocalModels = true;
    env.localModelPath = modelsDir;
    env.cacheDir = modelsDir;
    env.useFSCache = true;
    env.allowRemoteModels = true;
    const options = { progress_callback: onProgress as never };
    await AutoTokenizer.from_pretrained(id, options);
    const model = await AutoModel.from_pretrained(id, { ...options, dtype: LIBRARY_DTYPE[dtype] });
    await model.dispose();
  };
  const result = previous.then(fetch, fetch);
  previous = result.catch(() => undefined);
  return result;
}
