/**
 * Test helper: temporary folders that are removed once their test file has run (test/helpers/remove-temp-dirs.ts,
 * a vitest setup file), so `npm test` leaves nothing behind in the system's temp folder.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const created: string[] = [];

/** A new empty folder under the system's temp folder, named `<prefix>XXXXXX`. */
export async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** Removes every folder `tempDir` made so far. */
export async function removeTempDirs(): Promise<void> {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}
