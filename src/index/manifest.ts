/** Reading and checking index/manifest.json: version, and agreement with the configured model. */
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
  let manifest: Manifest;
  try {
    manifest = JSON.parse(raw) as Manifest;
  } catch (error) {
    throw new IndexCorruptError(
      `The index file ${indexPath(dir, 'manifest')} is corrupt (${(error as Error).message}). Run \`npm run index\` to rebuild the index.`,
    );
  }
  if (manifest?.version !== MANIFEST_VERSION) {
    throw new IndexMismatchError(
      `The index in ${dir} has format version ${manifest.version}; this version of the service reads ${MANIFEST_VERSION}. Run \`npm run index\` to rebuild it.`,
    );
  }
  return manifest;
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
