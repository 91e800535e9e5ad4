/** Atomic replacement of a folder: build beside it, then swap, so a crash never leaves half an index. */
import { chmod, mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

const BUILD_PREFIX = '.index-build-';
const OLD_PREFIX = '.index-old-';

/** Creates an empty working folder next to `target` (same file system, so rename is atomic). */
export async function createBuildDir(target: string): Promise<string> {
  const parent = path.dirname(path.resolve(target));
  // The pid in the name lets `recoverIndexDir` leave the folders of builds still running alone.
  const dir = await mkdtemp(path.join(parent, `${BUILD_PREFIX}${path.basename(target)}-${process.pid}-`));
  await chmod(dir, 0o755); // mkdtemp makes it private; the index is an ordinary readable folder
  return dir;
}

/**
 * Moves `built` into place at `target`. The old folder is renamed aside first and removed last;
 * if the process dies between the two renames, `recoverIndexDir` puts the old one back.
 */
export async function swapIntoPlace(built: string, target: string): Promise<void> {
  const parent = path.dirname(path.resolve(target));
  const aside = path.join(parent, `${OLD_PREFIX}${path.basename(target)}-${process.pid}-${Date.now()}`);
  const hadTarget = await exists(target);
  if (hadTarget) await rename(target, aside);
  try {
    await rename(built, target);
  } catch (error) {
    if (hadTarget) await rename(aside, target);
    throw error;
  }
  if (hadTarget) await rm(aside, { recursive: true, force: true });
}

/**
 * Removes build folders whose process is gone (and this process's own leftovers) and restores an index left aside
 * by an interrupted swap. Folders of builds running in other processes are left alone.
 */
export async function recoverIndexDir(target: string): Promise<void> {
  const parent = path.dirname(path.resolve(target));
  const name = path.basename(target);
  let entries: string[];
  try {
    entries = await readdir(parent);
  } catch {
    return;
  }
  const aside = entries.filter((e) => e.startsWith(`${OLD_PREFIX}${name}-`)).sort();
  if (!(await exists(target)) && aside.length > 0) {
    await rename(path.join(parent, aside.pop()!), target);
  }
  const abandoned = entries.filter((e) => e.startsWith(`${BUILD_PREFIX}${name}-`) && !isRunning(pidOf(e, `${BUILD_PREFIX}${name}-`)));
  const stale = [...aside, ...abandoned];
  await Promise.all(stale.map((e) => rm(path.join(parent, e), { recursive: true, force: true })));
}

function pidOf(entry: string, prefix: string): number {
  return Number.parseInt(entry.slice(prefix.length), 10);
}

/** Whether a process with this id is alive (signal 0 only checks); our own process counts as not running a build. */
function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}
