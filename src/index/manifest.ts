/** Reading and checking index/manifest.json: version, and agreement with the configured model. */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { IndexCorruptError } from './checksums.js';
import { indexPath } from './index-files.js';
import { MANIFEST_VERSION, type Manifest } from './types.js';

/** The index on disk cannot be used as configured; the message says how to fix it. */
export class IndexMismatchError extends Error {
  override name = 'IndexMismatchError';
}

/** Reads the manifest of an index folder, or returns null when there is none. */
export async function readManifest(dir: string): Promise<Manifest | null> {
  let raw: string;
  try {
    raw = await readFile(indexPath(dir, 'manifest'), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return parseManifest(raw, dir);
}

/**
 * The manifest in `raw` (the text of `dir`'s manifest.json), checked: JSON, its own checksum, its version.
 * @throws IndexCorruptError or IndexMismatchError, saying to rebuild.
 */
export function parseManifest(raw: string, dir: string): Manifest {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(raw) as Manifest;
  } catch (error) {
    throw new IndexCorruptError(
      `The index file ${indexPath(dir, 'manifest')} is corrupt (${(error as Error).message}). Run \`npm run index\` to rebuild the index.`,
    );
  }
  if (manifest?.version === MANIFEST_VERSION && !manifestChecksumMatches(manifest)) {
    throw new IndexCorruptError(
      `The index file ${indexPath(dir, 'manifest')} does not match its own checksum (damaged, edited, or written by an older version). Run \`npm run index\` to rebuild the index.`,
    );
  }
  if (manifest?.version !== MANIFEST_VERSION) {
    throw new IndexMismatchError(
      `The index in ${dir} has format version ${manifest?.version}; this version of the service reads ${MANIFEST_VERSION}. Run \`npm run index\` to rebuild it.`,
    );
  }
  return manifest;
}

/**
 * The manifest as written to disk: pretty JSON carrying `manifestSha256`, the sha256 of the same JSON without
 * that field, so a damaged manifest (which names the other files' checksums) is refused rather than trusted.
 * @example await writeFile(indexPath(dir, 'manifest'), serializeManifest(manifest));
 */
export function serializeManifest(manifest: Manifest): string {
  const { manifestSha256: _, ...content } = manifest;
  return JSON.stringify({ ...content, manifestSha256: sha256(JSON.stringify(content, null, 2)) }, null, 2);
}

function manifestChecksumMatches(manifest: Manifest): boolean {
  const { manifestSha256, ...content } = manifest;
  return typeof manifestSha256 === 'string' && manifestSha256 === sha256(JSON.stringify(content, null, 2));
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Throws when a hybrid index was built with another model or dimension count than the one configured,
 * since its vectors would not be comparable with query vectors.
 */
export function assertSameModel(manifest: Manifest, model: string, dimensions?: number): void {
  if (manifest.retrieval !== 'hybrid') return;
  if (manifest.model !== model || (dimensions !== undefined && manifest.dimensions !== dimensions)) {
    const built = `${manifest.model} (${manifest.dimensions} dimensions)`;
    const wanted = dimensions === undefined ? model : `${model} (${dimensions} dimensions)`;
    throw new IndexMismatchError(
      `The index was built with ${built}, but EMBEDDING_MODEL is ${wanted}. Run \`npm run index\` to rebuild it with the configured model.`,
    );
  }
}
