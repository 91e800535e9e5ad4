/**
 * The one answer to "which model?" for every command: EMBEDDING_MODEL when set; else the model the index was built
 * with, when it is on disk; else the default recorded under MODELS_DIR; else the built-in default.
 */
import path from 'node:path';
import type { Config } from '../../config.js';
import { readManifest } from '../../index/manifest.js';
import { locateModel } from '../model-location.js';
import { defaultModelName, readDefaultModel } from './default-model.js';
import { checkModelFolder } from './model-folder-check.js';

export type ModelChoice = 'EMBEDDING_MODEL' | 'index' | 'MODELS_DIR default' | 'built-in default';

export interface ResolvedModel {
  config: Config;
  /** Why this model: shown in the start-up line. */
  chosenBy: ModelChoice;
}

/** Whether the model's folder (given, or under MODELS_DIR for a hub id) is complete on disk. */
export async function modelOnDisk(model: string, config: Config, cwd: string): Promise<boolean> {
  const location = await locateModel(model, cwd, config.modelsDir);
  return (await checkModelFolder(location.dir, config.embedding.quantized)).complete;
}

/** Two names of one model: equal strings, or two paths to the same folder. */
export async function sameModel(a: string, b: string, config: Config, cwd: string): Promise<boolean> {
  if (a === b) return true;
  const [la, lb] = await Promise.all([locateModel(a, cwd, config.modelsDir), locateModel(b, cwd, config.modelsDir)]);
  return path.resolve(la.dir) === path.resolve(lb.dir);
}

/**
 * Returns the config with `embedding.model` set to the model every command should use.
 * @example const { config, chosenBy } = await resolveModel(loadConfig());
 */
export async function resolveModel(config: Config, cwd = process.cwd()): Promise<ResolvedModel> {
  const withModel = (model: string, chosenBy: ModelChoice): ResolvedModel => ({ config: { ...config, embedding: { ...config.embedding, model } }, chosenBy });
  const manifest = await readManifest(config.indexDir).catch(() => null);
  const indexModel = manifest?.retrieval === 'hybrid' ? manifest.model : null;
  if (config.embedding.explicit) {
    // The index's spelling of the same folder, so that `./models/x` and `models/x` do not count as a change of model.
    const same = indexModel && (await sameModel(config.embedding.model, indexModel, config, cwd));
    return withModel(same ? indexModel : config.embedding.model, 'EMBEDDING_MODEL');
  }
  if (indexModel && (await modelOnDisk(indexModel, config, cwd))) return withModel(indexModel, 'index');
  const recorded = await readDefaultModel(config.modelsDir);
  if (recorded) {
    const name = defaultModelName(recorded, config.modelsDir, cwd);
    if (await modelOnDisk(name, config, cwd)) return withModel(name, 'MODELS_DIR default');
  }
  return withModel(config.embedding.model, 'built-in default');
}
