/** What an uploaded corpus file must be: a name the corpus can serve, and content that matches its extension. */
import { decodeText } from './decode-text.js';
import { documentFormatOf, type DocumentFormat } from './document-readers.js';

/** Longest accepted file name, in UTF-8 bytes (file systems allow 255; the rest is room for temp suffixes). */
const MAX_NAME_BYTES = 200;

// The corpus's own rules (corpus-file-safety.ts) plus: one name, no folder, nothing hidden.
const NAME_RULES: [RegExp, string][] = [
  [/[\u0000-\u001F\u007F-\u009F]/, 'holds a control character'],
  [/[\\/]/, 'holds a slash or backslash: upload into the corpus folder itself, not a subfolder'],
  [/%/, 'holds a "%", which a URL would read as percent-encoding'],
  [/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/, 'holds a bidirectional control character'],
  [/^\./, 'starts with ".", which the corpus reader ignores'],
  [/^\s|\s$/, 'starts or ends with a space'],
];

/**
 * Why `name` cannot be a corpus file, or undefined when it can.
 * @example uploadNameProblem('../etc/passwd') // 'holds a slash or backslash: …'
 */
export function uploadNameProblem(name: string): string | undefined {
  if (!name) return 'is empty';
  if (Buffer.byteLength(name, 'utf8') > MAX_NAME_BYTES) return `is longer than ${MAX_NAME_BYTES} bytes`;
  const broken = NAME_RULES.find(([pattern]) => pattern.test(name));
  if (broken) return broken[1];
  if (!documentFormatOf(name)) return 'does not end in .txt, .md, .pdf, .docx, .html or .htm';
  return undefined;
}

/**
 * Why `bytes` cannot be read as `format`, judged by the content (never by a client's Content-Type), or undefined.
 * Text formats must be UTF-8 text, as the corpus reader takes it (decodeText); a PDF must start as one;
 * a DOCX must be a ZIP holding `word/document.xml`.
 * @example contentProblem('pdf', new TextEncoder().encode('hello')) // 'is not a PDF (it does not start with %PDF-)'
 */
export function contentProblem(format: DocumentFormat, bytes: Uint8Array): string | undefined {
  if (bytes.length === 0) return 'is empty';
  if (format === 'pdf') return startsWith(bytes, '%PDF-') ? undefined : 'is not a PDF (it does not start with %PDF-)';
  if (format === 'docx') {
    if (!startsWith(bytes, 'PK\u0003\u0004')) return 'is not a Word .docx file (it is not a ZIP archive)';
    // ZIP keeps entry names uncompressed, so the main part's name is visible in the bytes.
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes('word/document.xml') ? undefined : 'is a ZIP archive but not a Word document (no word/document.xml)';
  }
  const text = decodeText(bytes);
  return text.ok ? undefined : `is not usable text: ${text.reason}`;
}

function startsWith(bytes: Uint8Array, prefix: string): boolean {
  const expected = Buffer.from(prefix, 'utf8');
  return bytes.length >= expected.length && expected.every((byte, i) => bytes[i] === byte);
}
