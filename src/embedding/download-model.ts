/** Fetches the configured embedding model into MODELS_DIR, so the folder can be copied to machines without internet. */
import type { Config } from '../config.js';
import type { ModelProgress } from './model-progress.js';
import { locateModel } from './model-location.js';
import { TransformersEmbeddings } from './transformers-embeddings.js';
import { readDefaultModel, recordDefaultModel } from './provision/default-model.js';

export interface DownloadResult {
  model: string;
  /** Where the model's files now are. */
  dir: string;
  /** Whether `dir` is a local folder named by EMBEDDING_MODEL, so nothing needed downloading. */
  localFolder: boolean;
  dimensions: number;
}

/** Downloading was asked for with OFFLINE set. */
export class OfflineDownloadError extends Error {
  override name = 'OfflineDownloadError';
}

/**
 * Downloads (or finds already present) the tokenizer, config and ONNX file of `config.embedding.model` under
 * `config.modelsDir/<owner>/<name>`, then loads it once to check it runs.
 * @throws OfflineDownloadError when OFFLINE is set; ModelLoadError when the files cannot be fetched or opened.
 * @example await downloadModel(loadConfig(), (event) => console.log(event.status, event.file));
 */
export async function downloadModel(config: Config, onProgress?: (event: ModelProgress) => void): Promise<DownloadResult> {
  const { model, quantized, offline } = config.embedding;
  const location = await locateModel(model, process.cwd(), config.modelsDir);
  if (offline && location.kind === 'hub') {
    throw new OfflineDownloadError(
      `OFFLINE is set, so ${model} cannot be downloaded. Unset OFFLINE for this command (e.g. \`OFFLINE=0 npm run model:download\`).`,
    );
  }
  const embeddings = new TransformersEmbeddings({ model, modelsDir: config.modelsDir, offline: false, quantized, batchSize: 1, hubUrl: config.embedding.hubUrl, onProgress });
  try {
    await embeddings.load();
    if (location.kind === 'hub' && !(await readDefaultModel(config.modelsDir))) await recordDefaultModel(config.modelsDir, { hubId: model }, 'npm run model:download');
    return { model, dir: location.dir, localFolder: location.kind === 'local', dimensions: embeddings.dimensions };
  } finally {
    await embeddings.dispose();
  }
}

