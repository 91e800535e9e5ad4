/**
 * The original bytes of an indexed corpus file, for GET /originals/:file: only files the index holds, unchanged
 * since the build. The stored hash is checked by streaming the file once, then again only when its size or
 * modification time changes, so a request never reads the whole file into memory.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { CONTENT_TYPES, documentFormatOf } from '../corpus/document-readers.js';
import type { LoadedIndex } from '../index/types.js';

export type OriginalFile =
  | { ok: true; path: string; size: number; contentType: string; sha256: string }
  | { ok: false; status: 404 | 409; message: string };

export interface OriginalFiles {
  /** The file's path and size when it is indexed and still has the bytes the index was built from. */
  find(file: string): Promise<OriginalFile>;
}

/**
 * Checks originals against the index's hashes; a verdict is kept per file for as long as its size, modification
 * time and inode stay the same, and concurrent first requests share one hashing pass.
 * @example const originals = createOriginalFiles(index); await originals.find('report.pdf') // { ok: true, path, size, … }
 */
export function createOriginalFiles(index: LoadedIndex): OriginalFiles {
  const verdicts = new Map<string, { stamp: string; matches: Promise<boolean> }>();
  return {
    async find(file) {
      const document = index.documents.get(file);
      const format = documentFormatOf(file);
      if (!document || !format) return { ok: false, status: 404, message: `No source file "${file}" in the index.` };
      const absolute = path.join(index.manifest.corpusDir, ...file.split('/'));
      const stats = await stat(absolute).catch(() => undefined);
      if (!stats?.isFile()) return { ok: false, status: 404, message: `"${file}" is in the index but no longer in the corpus folder.` };
      const stamp = `${stats.size}:${stats.mtimeMs}:${stats.ino}`;
      let verdict = verdicts.get(file);
      if (verdict?.stamp !== stamp) {
        verdict = { stamp, matches: sha256Of(absolute).then((hash) => hash === document.sha256, () => false) };
        verdicts.set(file, verdict);
      }
      if (!(await verdict.matches)) {
        return { ok: false, status: 409, message: `"${file}" changed since the index was built; rebuild the index (npm run index).` };
      }
      return { ok: true, path: absolute, size: stats.size, contentType: CONTENT_TYPES[format], sha256: document.sha256 };
    },
  };
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}
