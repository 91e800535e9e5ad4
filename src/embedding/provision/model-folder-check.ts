/** Whether a model folder on disk is whole: every needed file present, and a downloaded one matching its record's sizes. */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { DOWNLOAD_RECORD_FILE, modelFiles, type DownloadRecord } from './model-files.js';

export type FolderCheck = { complete: true } | { complete: false; missing: boolean; problem: string };

/** The download record of a folder, or undefined when it has none (a folder made by the converter or by hand). */
export async function readDownloadRecord(dir: string): Promise<DownloadRecord | undefined> {
  const text = await readFile(path.join(dir, DOWNLOAD_RECORD_FILE), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as DownloadRecord;
  } catch {
    return undefined;
  }
}

/**
 * Checks the folder without reading the weights: files listed by `modelFiles`, and for a downloaded folder each
 * file's size against `download.json` (a file cut short or replaced after the download is refused by name).
 * @example await checkModelFolder('models/Xenova/multilingual-e5-small', true) // { complete: true }
 */
export async function checkModelFolder(dir: string, quantized: boolean): Promise<FolderCheck> {
  if (!(await stat(dir).catch(() => undefined))?.isDirectory()) return { complete: false, missing: true, problem: `missing file ${path.join(dir, modelFiles(quantized)[0]!.name)} (no folder ${dir})` };
  const record = await readDownloadRecord(dir);
  for (const file of modelFiles(quantized)) {
    const info = await stat(path.join(dir, file.name)).catch(() => undefined);
    const recorded = record?.files.find((f) => f.name === file.name);
    if (!info) {
      if (file.optional) continue;
      return { complete: false, missing: false, problem: `missing file ${path.join(dir, file.name)}` };
    }
    if (recorded && recorded.bytes !== info.size) {
      return { complete: false, missing: false, problem: `${file.name} in ${dir} is truncated or corrupt: ${info.size} bytes, the download recorded ${recorded.bytes}` };
    }
  }
  return { complete: true };
}
