/** The corpus as an operator sees it: every document file on disk, with what the served index knows of it. */
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { DetectedLanguage, SkippedFile } from '../corpus/types.js';
import { documentFormatOf } from '../corpus/document-readers.js';
import type { LoadedIndex } from '../index/types.js';

export interface DocumentEntry {
  /** Path relative to the corpus folder, `/`-separated. */
  file: string;
  size: number;
  modifiedAt: string;
  /** `indexed`: served as on disk; `pending`: new or changed since the index was built; `skipped`: the last build could not use it. */
  state: 'indexed' | 'pending' | 'skipped';
  title?: string;
  language?: DetectedLanguage;
  paragraphs?: number;
  /** Pages of a PDF, counted from its paragraphs. */
  pages?: number;
  /** When the served index was built, for an indexed file. */
  indexedAt?: string;
  /** Why the last build skipped the file. */
  skipped?: string;
}

/** Most files listed: a corpus beyond this is managed on disk, not through a web page. */
export const MAX_LISTED_FILES = 5000;

/**
 * Lists the corpus folder's document files (hidden names and other extensions left out), sorted by name.
 * @example await listDocuments(config.corpusDir, index, job.status().last?.skipped ?? [])
 */
export async function listDocuments(corpusDir: string, index: LoadedIndex, skipped: SkippedFile[]): Promise<DocumentEntry[]> {
  const builtAt = Date.parse(index.manifest.builtAt);
  const indexed = new Map(index.manifest.files.map((f) => [f.file, f]));
  const skippedWhy = new Map(skipped.map((s) => [s.file, s.reason]));
  const entries: DocumentEntry[] = [];
  for (const file of (await listFiles(corpusDir)).slice(0, MAX_LISTED_FILES)) {
    const info = await stat(path.join(corpusDir, ...file.split('/'))).catch(() => undefined);
    if (!info) continue; // removed while listing
    const base = { file, size: info.size, modifiedAt: info.mtime.toISOString() };
    const known = indexed.get(file);
    if (known && info.mtimeMs <= builtAt) {
      const document = index.documents.get(file);
      const pages = new Set(document?.paragraphs.map((p) => p.page).filter((p) => p !== undefined)).size;
      entries.push({ ...base, state: 'indexed', title: document?.title, language: known.language, paragraphs: known.paragraphs, ...(pages > 0 && { pages }), indexedAt: index.manifest.builtAt });
    } else if (skippedWhy.has(file)) {
      entries.push({ ...base, state: 'skipped', skipped: skippedWhy.get(file) });
    } else {
      entries.push({ ...base, state: 'pending' });
    }
  }
  return entries;
}

async function listFiles(root: string, prefix = '', depth = 0): Promise<string[]> {
  const entries: Dirent[] = await readdir(path.join(root, prefix), { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory() && depth < 8) files.push(...(await listFiles(root, relative, depth + 1)));
    else if (entry.isFile() && documentFormatOf(entry.name)) files.push(relative);
  }
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
