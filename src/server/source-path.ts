/** Checking a requested source file name before it is looked up (only ever in the loaded index, never on disk). */
import { apiError } from './errors.js';

const MAX_FILE_NAME = 1024;
// Anything still percent-encoded after one decoding is double-encoded or malformed.
const STILL_ENCODED = /%[0-9a-f]{2}/i;
const CONTROL = /[\u0000-\u001F\u007F]/;

/**
 * Throws a 400 for names that try to leave the corpus: `..` or `.` segments, absolute or drive paths,
 * backslashes, control characters (null bytes), empty segments, or leftover percent-encoding.
 * Subfolders are written with `/` (sent URL-encoded as %2F in one path segment).
 * @example assertSafeFileName('sub/notes.txt'); // ok
 */
export function assertSafeFileName(name: string): void {
  const bad = (why: string) => apiError(400, 'invalid_path', `Invalid source file name: ${why}. Use a path relative to the corpus folder, as in a citation's "file".`);
  if (name.length === 0 || name.length > MAX_FILE_NAME) throw bad(`it must be 1–${MAX_FILE_NAME} characters`);
  if (CONTROL.test(name)) throw bad('it contains control characters');
  if (name.includes('\\')) throw bad('it contains a backslash');
  if (STILL_ENCODED.test(name)) throw bad('it is still percent-encoded after decoding');
  if (name.startsWith('/') || /^[a-z]:/i.test(name)) throw bad('it is an absolute path');
  if (name.split('/').some((segment) => segment === '' || segment === '.' || segment === '..')) {
    throw bad('it has an empty, "." or ".." segment');
  }
}

/** Parses a 1-based paragraph number written as plain digits, or throws a 400. */
export function parseParagraphNumber(text: string): number {
  if (!/^[1-9]\d{0,8}$/.test(text)) {
    throw apiError(400, 'invalid_request', 'paragraph: must be a whole number from 1 (as in a citation\'s "paragraph").');
  }
  return Number(text);
}
