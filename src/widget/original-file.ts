/** The original bytes of an indexed corpus file, for GET /originals/:file: only files the index holds, unchanged since. */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_TYPES, documentFormatOf } from '../corpus/document-readers.js';
import type { LoadedIndex } from '../index/types.js';

export type OriginalFile = { ok: true; bytes: ArrayBuffer; contentType: string } | { ok: false; status: 404 | 409; message: string };

/**
 * Reads `file` (a corpus-relative path, as in a citation) from the folder the index was built from. A name
 * the index does not hold is a 404 without touching the disk; a file that changed or vanished since the build
 * is a 409 or 404, so the bytes served are always the ones the citations were made from.
 * @example await readOriginalFile(index, 'report.pdf') // { ok: true, contentType: 'application/pdf', … }
 */
export async function readOriginalFile(index: LoadedIndex, file: string): Promise<OriginalFile> {
  const document = index.documents.get(file);
  const format = documentFormatOf(file);
  if (!document || !format) return { ok: false, status: 404, message: `No source file "${file}" in the index.` };
  const bytes = await readFile(path.join(index.manifest.corpusDir, ...file.split('/'))).catch(() => undefined);
  if (!bytes) return { ok: false, status: 404, message: `"${file}" is in the index but no longer in the corpus folder.` };
  if (createHash('sha256').update(bytes).digest('hex') !== document.sha256) {
    return { ok: false, status: 409, message: `"${file}" changed since the index was built; rebuild the index (npm run index).` };
  }
  return { ok: true, bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, contentType: CONTENT_TYPES[format] };
}
