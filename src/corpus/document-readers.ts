/** The corpus's file formats: which reader a file gets, by extension, and reading it into a document. */
import { buildDocument, parseDocument, type Extracted, type ParsedFile } from './parse-document.js';
import { checkLimit, DEFAULT_READER_LIMITS, ReaderLimitError, type ReaderLimits } from './reader-limits.js';

export type DocumentFormat = 'txt' | 'md' | 'pdf' | 'docx' | 'html';

const EXTENSIONS: ReadonlyArray<[string, DocumentFormat]> = [
  ['.txt', 'txt'],
  ['.md', 'md'],
  ['.pdf', 'pdf'],
  ['.docx', 'docx'],
  ['.html', 'html'],
  ['.htm', 'html'],
];

// Loaded on first use: pdf.js, mammoth and the HTML parser hold ~180 MB, which a server that only serves never needs.
const READERS: Record<'pdf' | 'docx' | 'html', (bytes: Uint8Array, limits: ReaderLimits) => Promise<Extracted>> = {
  pdf: async (bytes, limits) => (await import('./read-pdf.js')).readPdf(bytes, limits),
  docx: async (bytes, limits) => (await import('./read-docx.js')).readDocx(bytes, limits),
  html: async (bytes, limits) => (await import('./read-html.js')).readHtml(bytes, limits),
};

/** Content types of the original files, for serving them. */
export const CONTENT_TYPES: Record<DocumentFormat, string> = {
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
};

/**
 * The format a corpus file is read as, from its extension (case-insensitive), or `undefined` for files
 * the corpus does not include.
 * @example documentFormatOf('Report.PDF') // 'pdf'
 */
export function documentFormatOf(file: string): DocumentFormat | undefined {
  const lower = file.toLowerCase();
  return EXTENSIONS.find(([extension]) => lower.endsWith(extension))?.[1];
}

/**
 * Reads one corpus file's bytes with its format's reader; content that does not match the extension
 * (a `.pdf` that is not a PDF) and files the reader cannot use come back as skipped, with the reason; so do
 * files past one of `limits`, the reason naming the limit's setting. This runs in the calling thread: the time and
 * memory budgets are the reader process's (isolated-reader.ts).
 * @example await readDocument('a.docx', bytes, 'docx')
 */
export async function readDocument(file: string, bytes: Uint8Array, format: DocumentFormat, limits: ReaderLimits = DEFAULT_READER_LIMITS): Promise<ParsedFile> {
  try {
    checkLimit(limits, 'fileBytes', bytes.length, `a ${bytes.length}-byte file`);
    if (format === 'txt' || format === 'md') return parseDocument(file, bytes, format, limits);
    return buildDocument(file, bytes, await READERS[format](bytes, limits), limits);
  } catch (error) {
    if (error instanceof ReaderLimitError) return { skipped: { file, reason: error.message } };
    return { skipped: { file, reason: `could not be read as ${format.toUpperCase()} (${(error as Error)?.message ?? String(error)})` } };
  }
}
