/** Turns one corpus file's bytes into a SourceDocument (paragraphs with languages), or says why it is skipped. */
import { createHash } from 'node:crypto';
import { decodeText } from './decode-text.js';
import { documentTitle } from './document-title.js';
import { detectParagraphLanguages } from './language.js';
import { splitParagraphs, type TextFormat } from './paragraphs.js';
import { checkLimit, DEFAULT_READER_LIMITS, type ReaderLimits } from './reader-limits.js';
import type { SkippedFile, SourceDocument } from './types.js';

/** The parsed document, or the skip record for a file that is not usable text. */
export type ParsedFile = { document: SourceDocument } | { skipped: SkippedFile };

/** A paragraph as a reader extracts it: its text and, for PDFs, the page it stands on. */
export interface ExtractedParagraph {
  text: string;
  page?: number;
}

/** What a format reader gives back: the document's paragraphs (and title), or why the file is unusable. */
export type Extracted = { ok: true; paragraphs: ExtractedParagraph[]; title?: string } | { ok: false; reason: string };

/**
 * Parses a .txt or .md corpus file. `file` is its corpus-relative path (kept as given), `bytes` its raw
 * content (hashed as is), `format` how to split it into paragraphs.
 * @example parseDocument('a.txt', new TextEncoder().encode('Ciao a tutti.\n'), 'txt')
 */
export function parseDocument(file: string, bytes: Uint8Array, format: TextFormat, limits: ReaderLimits = DEFAULT_READER_LIMITS): ParsedFile {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { skipped: { file, reason: decoded.reason } };
  checkLimit(limits, 'textChars', decoded.text.length, `${decoded.text.length} characters`);
  return buildDocument(file, bytes, { ok: true, paragraphs: splitParagraphs(decoded.text, format).map((text) => ({ text })) }, limits);
}

/**
 * The SourceDocument for extracted paragraphs: numbered from 1, languages detected, bytes hashed, title derived (see documentTitle).
 * @throws ReaderLimitError past READER_MAX_PARAGRAPHS or READER_MAX_TEXT_CHARS.
 * @example buildDocument('a.pdf', bytes, { ok: true, paragraphs: [{ text: 'Ciao.', page: 1 }] })
 */
export function buildDocument(file: string, bytes: Uint8Array, extracted: Extracted, limits: ReaderLimits = DEFAULT_READER_LIMITS): ParsedFile {
  if (!extracted.ok) return { skipped: { file, reason: extracted.reason } };
  const paragraphs = extracted.paragraphs.filter((p) => /\S/.test(p.text));
  checkLimit(limits, 'paragraphs', paragraphs.length, `${paragraphs.length} paragraphs`);
  const chars = paragraphs.reduce((n, p) => n + p.text.length, 0);
  checkLimit(limits, 'textChars', chars, `${chars} characters`);
  if (paragraphs.length === 0) return { skipped: { file, reason: 'empty (no non-space text)' } };
  const { languages, documentLanguage } = detectParagraphLanguages(paragraphs.map((p) => p.text));
  return {
    document: {
      file,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      language: documentLanguage,
      title: documentTitle({ file, paragraphs, title: extracted.title }),
      paragraphs: paragraphs.map(({ text, page }, i) => ({
        number: i + 1,
        text,
        language: languages[i],
        ...(page !== undefined && { page }),
      })),
    },
  };
}
