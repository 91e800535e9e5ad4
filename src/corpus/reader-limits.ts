/** How much one document may cost to read: the bounds every reader checks, each named after its setting. */

/** Bounds on reading one corpus file; every field is a setting (READER_* in src/config.ts, docs/robustness.md). */
export interface ReaderLimits {
  /** Wall-clock budget for reading one PDF, DOCX or HTML file in the reader process (READER_TIMEOUT_MS). */
  timeoutMs: number;
  /** Resident memory the reader process may reach while reading one file (READER_MEMORY_MB). */
  memoryMb: number;
  /** Size of the file itself (READER_MAX_FILE_BYTES). */
  fileBytes: number;
  /** Bytes a DOCX package, or a PDF's compressed streams, may inflate to, all together (READER_MAX_DECOMPRESSED_BYTES). */
  decompressedBytes: number;
  /** Pages of a PDF (READER_MAX_PAGES). */
  pages: number;
  /** Operators of one PDF page once its forms are expanded (READER_MAX_OPERATORS_PER_PAGE). */
  operatorsPerPage: number;
  /** Nesting of PDF form XObjects (READER_MAX_FORM_DEPTH). */
  formDepth: number;
  /** Paragraphs of one document, any format (READER_MAX_PARAGRAPHS). */
  paragraphs: number;
  /** Element nesting of an HTML page or of a DOCX turned into HTML (READER_MAX_DOM_DEPTH). */
  domDepth: number;
  /** Elements of an HTML page or of a DOCX turned into HTML (READER_MAX_DOM_ELEMENTS). */
  domElements: number;
  /** Characters of text one document yields (READER_MAX_TEXT_CHARS). */
  textChars: number;
}

export const DEFAULT_READER_LIMITS: ReaderLimits = {
  timeoutMs: 30_000,
  memoryMb: 768,
  fileBytes: 256 * 1024 * 1024,
  decompressedBytes: 256 * 1024 * 1024,
  pages: 5_000,
  operatorsPerPage: 500_000,
  formDepth: 12,
  paragraphs: 200_000,
  domDepth: 1_000,
  domElements: 2_000_000,
  textChars: 50_000_000,
};

/** The environment variable of each limit, for messages that say which setting to raise. */
export const READER_LIMIT_SETTINGS: Record<keyof ReaderLimits, string> = {
  timeoutMs: 'READER_TIMEOUT_MS',
  memoryMb: 'READER_MEMORY_MB',
  fileBytes: 'READER_MAX_FILE_BYTES',
  decompressedBytes: 'READER_MAX_DECOMPRESSED_BYTES',
  pages: 'READER_MAX_PAGES',
  operatorsPerPage: 'READER_MAX_OPERATORS_PER_PAGE',
  formDepth: 'READER_MAX_FORM_DEPTH',
  paragraphs: 'READER_MAX_PARAGRAPHS',
  domDepth: 'READER_MAX_DOM_DEPTH',
  domElements: 'READER_MAX_DOM_ELEMENTS',
  textChars: 'READER_MAX_TEXT_CHARS',
};

/** A document went past one of its limits: the file is skipped with this message. */
export class ReaderLimitError extends Error {
  override name = 'ReaderLimitError';
  constructor(readonly limit: keyof ReaderLimits, what: string, value: number) {
    super(`exceeds the reader limit ${READER_LIMIT_SETTINGS[limit]}=${value} (${what})`);
  }
}

/**
 * Throws ReaderLimitError when `count` is over the limit.
 * @example checkLimit(limits, 'pages', pdf.numPages, `${pdf.numPages} pages`)
 */
export function checkLimit(limits: ReaderLimits, limit: Exclude<keyof ReaderLimits, 'timeoutMs' | 'memoryMb'>, count: number, what: string): void {
  if (count > limits[limit]) throw new ReaderLimitError(limit, what, limits[limit]);
}
