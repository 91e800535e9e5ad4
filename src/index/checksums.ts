/** SHA-256 checksums of the index files, written into the manifest at build time and verified before loading. */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { INDEX_FILES, indexPath } from './index-files.js';
import type { IndexFileChecksums, Manifest } from './types.js';

/** Files whose content the manifest vouches for (the manifest holds the checksums; the README is prose). */
export type ChecksummedFile = Exclude<keyof typeof INDEX_FILES, 'manifest' | 'readme'>;

/** An index file does not match its checksum, or cannot be parsed: the message names it and says what to do. */
export class IndexCorruptError extends Error {
  override name = 'IndexCorruptError';
}

/** Hex SHA-256 of a file, streamed. */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Checksums of the named files of an index folder, by file name (as in INDEX_FILES).
 * @example await indexChecksums(buildDir, ['chunks', 'documents', 'lexical'])
 */
export async function indexChecksums(dir: string, names: readonly ChecksummedFile[]): Promise<IndexFileChecksums> {
  const entries = await Promise.all(names.map(async (name) => [INDEX_FILES[name], await sha256File(indexPath(dir, name))] as const));
  return Object.fromEntries(entries);
}

/**
 * Throws IndexCorruptError naming the first of `names` whose content differs from the manifest's checksum
 * (edited, truncated, flipped bytes) or that is missing.
 * @example await verifyIndexChecksums(indexDir, manifest, ['documents', 'chunks', 'lexical']);
 */
export async function verifyIndexChecksums(dir: string, manifest: Manifest, names: readonly ChecksummedFile[]): Promise<void> {
  for (const name of names) {
    const file = INDEX_FILES[name];
    const expected = manifest.checksums[file];
    const actual = await sha256File(indexPath(dir, name)).catch((error: unknown) => `unreadable (${(error as NodeJS.ErrnoException).code ?? error})`);
    if (expected === undefined || actual !== expected) {
      throw new IndexCorruptError(
        `The index file ${indexPath(dir, name)} is corrupt: ${expected === undefined ? 'the manifest has no checksum for it' : actual.startsWith('unreadable') ? `it is ${actual}` : 'its content does not match the checksum in manifest.json'}. Run \`npm run index\` to rebuild the index.`,
      );
    }
  }
}
