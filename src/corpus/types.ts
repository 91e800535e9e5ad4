/** Plain data types shared by reading, chunking, indexing and answering. */

/** Languages the service understands; anything else is `other`. */
export const LANGUAGES = ['ar', 'it', 'kk', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export type DetectedLanguage = Language | 'other';

/** One paragraph of a source file, numbered from 1 as every citation counts it. */
export interface Paragraph {
  /** 1-based paragraph number within its file. */
  number: number;
  /** Exact text as in the file (no trailing newline, no BOM, CR removed). */
  text: string;
  language: DetectedLanguage;
}

/** A readable corpus file, split into paragraphs. */
export interface SourceDocument {
  /** Path relative to the corpus folder, with `/` separators. */
  file: string;
  /** sha256 of the file's bytes, hex. */
  sha256: string;
  /** The document's main language (most paragraph characters). */
  language: DetectedLanguage;
  paragraphs: Paragraph[];
}

/** A file the reader skipped, and why. */
export interface SkippedFile {
  file: string;
  reason: string;
}
