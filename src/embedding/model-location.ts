/** Decides whether EMBEDDING_MODEL names a local folder or a hub model, and where that model's files live on disk. */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { PROFILE_FILE_NAME, parseDeclaredProfile, type ModelProfile } from './model-profile.js';

/** A model folder given by path (never downloaded), or a hub id looked for under MODELS_DIR and downloaded there. */
export type ModelLocation = { kind: 'local'; dir: string } | { kind: 'hub'; id: string; dir: string };

/** Whether `p` exists and is a directory. */
export async function isDirectory(p: string): Promise<boolean> {
  return (await stat(p).catch(() => undefined))?.isDirectory() ?? false;
}

/**
 * A folder when `model` is absolute, starts with `./` or `../`, or names an existing directory under `cwd`;
 * otherwise a hub id (`owner/name`), whose files are expected in `modelsDir/owner/name`.
 * @example await locateModel('./test/fixtures/tiny-model', '/repo', '/repo/models') // { kind: 'local', dir: '/repo/test/fixtures/tiny-model' }
 */
export async function locateModel(model: string, cwd: string, modelsDir: string): Promise<ModelLocation> {
  const dir = path.resolve(cwd, model);
  const looksLikePath = path.isAbsolute(model) || /^\.\.?([\\/]|$)/.test(model);
  if (looksLikePath || (await isDirectory(dir))) return { kind: 'local', dir };
  return { kind: 'hub', id: model, dir: path.join(modelsDir, model) };
}

/**
 * The profile declared in the model folder's `embedding-profile.json`, or undefined when there is none.
 * @throws Error when the file exists but is not a valid declaration.
 */
export async function readDeclaredProfile(location: ModelLocation): Promise<ModelProfile | undefined> {
  const file = path.join(location.dir, PROFILE_FILE_NAME);
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  return text === undefined ? undefined : parseDeclaredProfile(text, file);
}
