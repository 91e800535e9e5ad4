/** Plain data types shared by reading, chunking, indexing and answering. */

/** Languages the service understands; anything else is `other`. */
export const LANGUAGES = ['ar', 'it', 'kk', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export type DetectedLanguage = Language | 'other';

/** One paragraph of a source file, numbered from 1 as every citation counts it. */
export interface Paragraph {
  /** 1-based paragraph number within its file. */
  number: number;
  /** Exact text as in the file (no trailing newline, no BOM, CR removed), or as extracted from a PDF, DOCX or HTML file. */
  text: string;
  language: DetectedLanguage;
  /** 1-based page of a PDF the paragraph stands on; absent for other formats. */
  page?: number;
}

/** A readable corpus file, split into paragraphs. */
export interface SourceDocument {
  /** Path relative to the corpus folder, with `/` separators. */
  file: string;
  /** sha256 of the file's bytes, hex. */
  sha256: string;
  /** The document's main language (most paragraph characters). */
  language: DetectedLanguage;
  /**
   * The document's title (see documentTitle): HTML `<title>`, Markdown front matter or heading, else the first paragraph.
   * Set by every build and on loading an older index; optional only so hand-made documents need not carry one.
   */
  title?: string;
  paragraphs: Paragraph[];
}

/** A file the reader skipped, and why. */
export interface SkippedFile {
  file: string;
  reason: string;
}
