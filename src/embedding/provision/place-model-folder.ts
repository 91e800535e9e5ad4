/** Puts a downloaded model folder in place: whole folders by one rename, added files one by one, the record last. */
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { DOWNLOAD_RECORD_FILE, modelFiles, type DownloadRecord } from './model-files.js';
import { readDownloadRecord } from './model-folder-check.js';

/** Deletes the partial folders of downloads whose process is gone (killed mid-download): never taken for a model, only disk. */
export async function removeAbandonedPartials(target: string): Promise<void> {
  const prefix = `.${path.basename(target)}.partial-`;
  const names = await readdir(path.dirname(target)).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.startsWith(prefix))) {
    const pid = Number(name.slice(prefix.length));
    if (pid === process.pid || !isAlive(pid)) await rm(path.join(path.dirname(target), name), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The record of a folder already in place, with this download's files replacing its entries. */
export async function mergedRecord(target: string, record: DownloadRecord): Promise<DownloadRecord> {
  const previous = await readDownloadRecord(target);
  if (!previous) return record;
  const names = new Set(record.files.map((f) => f.name));
  return { ...record, files: [...previous.files.filter((f) => !names.has(f.name)), ...record.files] };
}

/** Renames the finished folder into place, or (a folder is there) each new file into it, the record last. */
export async function placeFolder(partial: string, target: string): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  const existing = await stat(target).catch(() => undefined);
  if (!existing) return rename(partial, target);
  const names = [...modelFiles(true), ...modelFiles(false)].map((f) => f.name);
  for (const name of [...new Set(names), DOWNLOAD_RECORD_FILE]) {
    const from = path.join(partial, name);
    if (!(await stat(from).catch(() => undefined))) continue;
    await mkdir(path.dirname(path.join(target, name)), { recursive: true });
    await rename(from, path.join(target, name));
  }
}
