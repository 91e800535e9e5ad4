/** Turns one corpus file's bytes into a SourceDocument (paragraphs with languages), or says why it is skipped. */
import { createHash } from 'node:crypto';
import { decodeText } from './decode-text.js';
import { detectParagraphLanguages } from './language.js';
import { splitParagraphs, type TextFormat } from './paragraphs.js';
import type { SkippedFile, SourceDocument } from './types.js';

/** The parsed document, or the skip record for a file that is not usable text. */
export type ParsedFile = { document: SourceDocument } | { skipped: SkippedFile };

/**
 * Parses a corpus file. `file` is its corpus-relative path (kept as given), `bytes` its raw content
 * (hashed as is), `format` how to split it into paragraphs.
 * @example parseDocument('a.txt', new TextEncoder().encode('Ciao a tutti.\n'), 'txt')
 */
export function parseDocument(file: string, bytes: Uint8Array, format: TextFormat): ParsedFile {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { skipped: { file, reason: decoded.reason } };
  const texts = splitParagraphs(decoded.text, format);
  if (texts.length === 0) return { skipped: { file, reason: 'empty (no non-space text)' } };
  const { languages, documentLanguage } = detectParagraphLanguages(texts);
  return {
    document: {
      file,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      language: documentLanguage,
      paragraphs: texts.map((text, i) => ({ number: i + 1, text, language: languages[i] })),
    },
  };
}
