/** The corpus's file formats: which reader a file gets, by extension, and reading it into a document. */
import { buildDocument, parseDocument, type Extracted, type ParsedFile } from './parse-document.js';
import { readDocx } from './read-docx.js';
import { readHtml } from './read-html.js';
import { readPdf } from './read-pdf.js';

export type DocumentFormat = 'txt' | 'md' | 'pdf' | 'docx' | 'html';

const EXTENSIONS: ReadonlyArray<[string, DocumentFormat]> = [
  ['.txt', 'txt'],
  ['.md', 'md'],
  ['.pdf', 'pdf'],
  ['.docx', 'docx'],
  ['.html', 'html'],
  ['.htm', 'html'],
];

const READERS: Record<'pdf' | 'docx' | 'html', (bytes: Uint8Array) => Promise<Extracted>> = {
  pdf: readPdf,
  docx: readDocx,
  html: readHtml,
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
 * (a `.pdf` that is not a PDF) and files the reader cannot use come back as skipped, with the reason.
 * @example await readDocument('a.docx', bytes, 'docx')
 */
export async function readDocument(file: string, bytes: Uint8Array, format: DocumentFormat): Promise<ParsedFile> {
  if (format === 'txt' || format === 'md') return parseDocument(file, bytes, format);
  try {
    return buildDocument(file, bytes, await READERS[format](bytes));
  } catch (error) {
    return { skipped: { file, reason: `could not be read as ${format.toUpperCase()} (${(error as Error)?.message ?? String(error)})` } };
  }
}
