/** Opens a transformers.js feature-extraction pipeline for a located model, configuring the library for that one load. */
import path from 'node:path';
import { env, pipeline, type FeatureExtractionPipeline } from '@xenova/transformers';
import type { ModelLocation } from '../../embedding/model-location.js';
import type { ModelProgress } from '../../embedding/model-progress.js';

export type { ModelProgress };

export interface LoadSettings {
  location: ModelLocation;
  modelsDir: string;
  /** Allow downloading a hub model that is not under `modelsDir` yet. Never used for a folder. */
  remoteAllowed: boolean;
  quantized: boolean;
  onProgress?: (event: ModelProgress) => void;
}

/** Chains loads one after another: see `configureLibrary`. */
let previousLoad: Promise<unknown> = Promise.resolve();

/**
 * transformers.js v2 takes these settings only from its module-wide `env` object, read again at every file
 * fetch during a load, not from per-call options. So they are set right before each load, from the caller's
 * settings, and loads run one at a time so that two embedders with different settings cannot mix them.
 * Returns the model id to pass to `pipeline`, relative to `env.localModelPath`.
 */
function configureLibrary(s: LoadSettings): string {
  env.allowLocalModels = true;
  if (s.location.kind === 'local') {
    // The library looks for `localModelPath + '/' + id`, stripping a leading slash from the id, so an absolute
    // folder only works split into its parent and its name.
    env.localModelPath = path.dirname(s.location.dir);
    env.allowRemoteModels = false;
    env.useFSCache = false;
    return path.basename(s.location.dir);
  }
  // Looked up as a local file first, and downloads are cached to the same `modelsDir/owner/name` layout.
  env.localModelPath = s.modelsDir;
  env.cacheDir = s.modelsDir;
  env.useFSCache = true;
  env.allowRemoteModels = s.remoteAllowed;
  return s.location.id;
}

/**
 * Loads the tokenizer and ONNX model. Rejects with the library's own error; callers wrap it.
 * @example const extract = await loadFeatureExtractor({ location, modelsDir, remoteAllowed: false, quantized: true });
 */
export function loadFeatureExtractor(settings: LoadSettings): Promise<FeatureExtractionPipeline> {
  const load = async () => {
    const id = configureLibrary(settings);
    const remoteAllowed = settings.location.kind === 'hub' && settings.remoteAllowed;
    return pipeline('feature-extraction', id, {
      quantized: settings.quantized,
      local_files_only: !remoteAllowed,
      progress_callback: settings.onProgress,
    });
  };
  const result = previousLoad.then(load, load);
  previousLoad = result.catch(() => undefined);
  return result;
}
