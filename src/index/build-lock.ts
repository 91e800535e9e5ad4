/** One build at a time per INDEX_DIR: a lock file beside it names the process that holds it. */
import { hostname } from 'node:os';
import { link, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Another live process is building the same index. */
export class BuildLockedError extends Error {
  override name = 'BuildLockedError';
}

interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
}

/** The lock file of an index folder: beside it (same prefix as the build folders, so git and the corpus ignore it). */
export function lockPath(indexDir: string): string {
  const resolved = path.resolve(indexDir);
  return path.join(path.dirname(resolved), `.index-lock-${path.basename(resolved)}`);
}

/**
 * Takes the build lock of `indexDir`, runs `work`, and releases it. A lock left by a process that is gone is taken over.
 * @throws BuildLockedError naming the pid, host and start time of the build that holds it.
 * @example await withBuildLock(config.indexDir, () => build());
 */
export async function withBuildLock<T>(indexDir: string, work: () => Promise<T>): Promise<T> {
  const file = lockPath(indexDir);
  await acquire(file);
  try {
    return await work();
  } finally {
    await rm(file, { force: true });
  }
}

async function acquire(file: string): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (await tryCreate(file)) return;
    const owner = await readOwner(file);
    if (owner && isAlive(owner)) {
      throw new BuildLockedError(
        `Another build of this index is running (process ${owner.pid} on ${owner.host}, since ${owner.startedAt}; lock ${file}). Wait for it to finish, or stop it.`,
      );
    }
    await rm(file, { force: true }); // its process is gone: the lock is stale
  }
  throw new BuildLockedError(`Could not take the build lock ${file}; another build keeps taking it.`);
}

/** The owner is written to a private file first and hard-linked into place, so a lock is never seen half-written. */
async function tryCreate(file: string): Promise<boolean> {
  const owner: LockOwner = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
  const draft = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  await writeFile(draft, JSON.stringify(owner));
  try {
    await link(draft, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return false;
  } finally {
    await rm(draft, { force: true });
  }
}

async function readOwner(file: string): Promise<LockOwner | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as LockOwner;
  } catch {
    return undefined; // unreadable or half-written: treated as stale
  }
}

function isAlive(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return true; // another machine's process cannot be checked: assume it runs
  if (!Number.isInteger(owner.pid) || owner.pid <= 0) return false;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
