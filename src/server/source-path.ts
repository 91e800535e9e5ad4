/** Checking a requested source file name before it is looked up (only ever in the loaded index, never on disk). */
import { apiError } from './errors.js';

/** Longest name, in code points. */
export const MAX_FILE_NAME = 1024;
// A `%` left after one decoding is double-encoding or a malformed escape; the corpus reader skips such names too.
const STILL_ENCODED = /%/;
const CONTROL = /[\u0000-\u001F\u007F]/;

// The same rules as a regex without look-arounds, for the OpenAPI document: segments of characters other than
// controls, `\`, `/` and `%`, none of them `.` or `..`, the first not starting with a drive letter and colon.
const NAME_CHAR = '[^\\u0000-\\u001F\\u007F\\\\/%]';
const NAME_CHAR_NO_DOT = '[^\\u0000-\\u001F\\u007F\\\\/%.]';
const DOTTED = `\\.${NAME_CHAR_NO_DOT}${NAME_CHAR}*|\\.\\.${NAME_CHAR}+`;
const SEGMENT = `${NAME_CHAR_NO_DOT}${NAME_CHAR}*|${DOTTED}`;
const FIRST_SEGMENT = `[^\\u0000-\\u001F\\u007F\\\\/%.A-Za-z]${NAME_CHAR}*|[A-Za-z](?:[^\\u0000-\\u001F\\u007F\\\\/%:]${NAME_CHAR}*)?|${DOTTED}`;
/** What `assertSafeFileName` accepts, as a JSON Schema `pattern`. */
export const SAFE_FILE_NAME_PATTERN = `^(?:${FIRST_SEGMENT})(?:/(?:${SEGMENT}))*$`;

/**
 * Throws a 400 for names that try to leave the corpus: `..` or `.` segments, absolute or drive paths,
 * backslashes, control characters (null bytes), empty segments, or leftover percent-encoding.
 * Subfolders are written with `/` (sent URL-encoded as %2F in one path segment).
 * @example assertSafeFileName('sub/notes.txt'); // ok
 */
export function assertSafeFileName(name: string): void {
  const bad = (why: string) => apiError(400, 'invalid_path', `Invalid source file name: ${why}. Use a path relative to the corpus folder, as in a citation's "file".`);
  const length = [...name].length;
  if (length === 0 || length > MAX_FILE_NAME) throw bad(`it must be 1–${MAX_FILE_NAME} characters`);
  if (CONTROL.test(name)) throw bad('it contains control characters');
  if (name.includes('\\')) throw bad('it contains a backslash');
  if (STILL_ENCODED.test(name)) throw bad('it holds a "%" after decoding (double-encoded or malformed)');
  if (name.startsWith('/') || /^[a-z]:/i.test(name)) throw bad('it is an absolute path');
  if (name.split('/').some((segment) => segment === '' || segment === '.' || segment === '..')) {
    throw bad('it has an empty, "." or ".." segment');
  }
}

/** Largest paragraph number a URL may name. */
export const MAX_PARAGRAPH_NUMBER = 999_999_999;

/** Parses a 1-based paragraph number written as plain digits, or throws a 400. */
export function parseParagraphNumber(text: string, name = 'paragraph'): number {
  if (!/^[1-9]\d{0,8}$/.test(text)) {
    throw apiError(400, 'invalid_request', `${name}: must be a whole number from 1 (as in a citation's "paragraph").`);
  }
  return Number(text);
}
