/** Reads every .txt, .md, .pdf, .docx and .html file under the corpus folder into SourceDocuments; unusable files are skipped with a warning. */
import type { Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { corpusFileProblem, printableName } from './corpus-file-safety.js';
import { documentFormatOf, readDocument } from './document-readers.js';
import type { DocumentReader } from './isolated-reader.js';
import { DEFAULT_READER_LIMITS, READER_LIMIT_SETTINGS, type ReaderLimits } from './reader-limits.js';
import type { SkippedFile, SourceDocument } from './types.js';

export interface ReadCorpusOptions {
  /** Called once per skipped file with a message naming it and saying why. Default: ignore. */
  onWarning?: (message: string) => void;
  /** Bounds on each file (default DEFAULT_READER_LIMITS). */
  limits?: ReaderLimits;
  /**
   * Reads PDF, DOCX and HTML files (the formats whose parsers can be made to expand), e.g. an isolated reader
   * with time and memory budgets. Default: in this thread, within `limits` only. Text files are always read here.
   */
  reader?: DocumentReader;
  /** Aborting stops reading between files (the build then stops). */
  signal?: AbortSignal;
}

export interface CorpusContents {
  /** Readable documents, sorted by `file`. */
  documents: SourceDocument[];
  /** Files that were skipped (binary, not UTF-8, empty, unreadable), sorted by `file`. */
  skipped: SkippedFile[];
}

/** Thrown when the corpus folder itself cannot be read. */
export class CorpusReadError extends Error {
  override name = 'CorpusReadError';
}

/**
 * Reads the corpus folder recursively. Files ending in `.txt`, `.md`, `.pdf`, `.docx`, `.html` or `.htm` (any case)
 * are read; other files, and names starting with `.` (such as `.git`), are ignored. Symbolic links to files inside
 * the folder are followed; links leading out of it, and names a citation could not open, are skipped with a
 * warning. Links to folders are not followed. Order is by relative path (code-unit order), so builds are deterministic.
 * @throws CorpusReadError when `corpusDir` is missing or not a folder.
 * @example const { documents, skipped } = await readCorpus('./corpus', { onWarning: console.warn });
 */
export async function readCorpus(corpusDir: string, options: ReadCorpusOptions = {}): Promise<CorpusContents> {
  const warn = options.onWarning ?? (() => {});
  const limits = options.limits ?? DEFAULT_READER_LIMITS;
  const root = path.resolve(corpusDir);
  const isFolder = await stat(root).then((s) => s.isDirectory(), () => false);
  if (!isFolder) {
    throw new CorpusReadError(`Corpus folder not found: ${root}. Set CORPUS_DIR to a folder of .txt, .md, .pdf, .docx or .html files.`);
  }
  const documents: SourceDocument[] = [];
  const skipped: SkippedFile[] = [];
  const skip = (file: string, reason: string) => {
    skipped.push({ file, reason });
    warn(`Skipped corpus file ${printableName(file)}: ${reason}.`);
  };
  const files = (await listFiles(root, '', skip)).sort(byCodeUnits);
  for (const file of files) {
    options.signal?.throwIfAborted();
    const format = documentFormatOf(file);
    if (format === undefined) continue;
    const problem = await corpusFileProblem(root, file);
    if (problem) {
      skip(file, problem);
      continue;
    }
    const absolute = path.join(root, ...file.split('/'));
    if (options.reader && format !== 'txt' && format !== 'md') {
      const parsed = await options.reader.read(file, absolute, format);
      if ('document' in parsed) documents.push(parsed.document);
      else skip(file, parsed.skipped.reason);
      continue;
    }
    const size = await stat(absolute).then((s) => s.size, () => 0);
    if (size > limits.fileBytes) {
      skip(file, `exceeds the reader limit ${READER_LIMIT_SETTINGS.fileBytes}=${limits.fileBytes} (a ${size}-byte file)`);
      continue;
    }
    const bytes = await readFile(absolute).catch((error: unknown) => {
      skip(file, `could not be read (${describe(error)})`);
      return undefined;
    });
    if (bytes === undefined) continue;
    const parsed = await readDocument(file, bytes, format, limits);
    if ('document' in parsed) documents.push(parsed.document);
    else skip(file, parsed.skipped.reason);
  }
  skipped.sort((a, b) => byCodeUnits(a.file, b.file));
  return { documents, skipped };
}

/**
 * Relative paths (with `/`) of the corpus's readable files, sorted, without reading them.
 * @example await listCorpusFiles('./corpus') // ['000_68c45a22bf89f6e7.txt', …]
 */
export async function listCorpusFiles(corpusDir: string): Promise<string[]> {
  const files = await listFiles(path.resolve(corpusDir), '', () => {});
  return files.filter((file) => documentFormatOf(file) !== undefined).sort(byCodeUnits);
}

/** Relative paths (with `/`) of the files under `relativeDir`, unsorted; an unreadable subfolder is skipped. */
async function listFiles(root: string, relativeDir: string, skip: (file: string, reason: string) => void): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(path.join(root, ...relativeDir.split('/')), { withFileTypes: true });
  } catch (error) {
    if (relativeDir === '') throw error;
    skip(`${relativeDir}/`, `folder could not be read (${describe(error)})`);
    return [];
  }
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const relative = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      files.push(...(await listFiles(root, relative, skip)));
    } else if (entry.isFile() || (entry.isSymbolicLink() && (await isLinkToFile(path.join(root, relative))))) {
      files.push(relative);
    }
  }
  return files;
}

async function isLinkToFile(target: string): Promise<boolean> {
  return stat(target).then((s) => s.isFile(), () => false);
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function describe(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? String(error);
}
