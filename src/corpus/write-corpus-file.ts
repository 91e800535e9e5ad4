/** Writing and removing corpus files safely: a file appears whole or not at all, and is on disk before it is acknowledged. */
import { randomBytes } from 'node:crypto';
import { open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes `bytes` to `<corpusDir>/<name>` through a hidden temp file (ignored by the corpus reader), flushed to disk,
 * then renamed over the target, so readers and builds see the old file or the new one, never half of one.
 * Returns whether a file of that name was replaced.
 * @example await writeCorpusFile('./corpus', 'report.pdf', bytes) // { replaced: false }
 */
export async function writeCorpusFile(corpusDir: string, name: string, bytes: Uint8Array): Promise<{ replaced: boolean }> {
  const target = path.join(corpusDir, name);
  const temp = path.join(corpusDir, `.upload-${randomBytes(6).toString('hex')}.tmp`);
  const replaced = await stat(target).then((s) => s.isFile(), () => false);
  try {
    const handle = await open(temp, 'wx', 0o644);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncFolder(corpusDir);
  return { replaced };
}

/**
 * Removes `<corpusDir>/<name>`; false when there was no such file.
 * @example await removeCorpusFile('./corpus', 'old.txt') // true
 */
export async function removeCorpusFile(corpusDir: string, name: string): Promise<boolean> {
  const target = path.join(corpusDir, name);
  const isFile = await stat(target).then((s) => s.isFile(), () => false);
  if (!isFile) return false;
  await rm(target);
  await syncFolder(corpusDir);
  return true;
}

/** Makes the rename or removal itself durable (a no-op where folders cannot be opened, as on Windows). */
async function syncFolder(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => {});
  await handle.close();
}
