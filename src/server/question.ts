/** Cleaning and measuring question text before it reaches retrieval: odd Unicode must never break a request. */

/** Longest question accepted, in Unicode code points after cleaning. */
export const MAX_QUESTION_CHARS = 2000;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// C0/C1 controls except tab, newline and carriage return, which are ordinary whitespace.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
/**
 * Characters that do not make a question visible, as the body of a regex character class: whitespace, C0/C1
 * controls, the format characters of the Basic Multilingual Plane (RTL marks, zero-width spaces, BOM, …) and the
 * replacement character. Spelled out, not `\s\p{Cf}`, so the OpenAPI document can state the same rule as a
 * `pattern` any regex engine reads.
 */
export const INVISIBLE_CHARACTERS =
  '\\u0000-\\u0020\\u007F-\\u00A0\\u00AD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u1680\\u180E' +
  '\\u2000-\\u200F\\u2028-\\u202F\\u205F-\\u2064\\u2066-\\u206F\\u3000\\uFEFF\\uFFF9-\\uFFFB\\uFFFD';
/** Matches text holding at least one visible character (the OpenAPI `pattern` of a question). */
export const VISIBLE_PATTERN = `[^${INVISIBLE_CHARACTERS}]`;
const VISIBLE = new RegExp(VISIBLE_PATTERN);

/**
 * Makes question text safe to process: lone surrogates become U+FFFD, control characters become spaces,
 * and the ends are trimmed. Letters, marks, emoji and mixed scripts are kept as they are.
 * @example cleanQuestion('  Chi?\u0000 ') // 'Chi?'
 */
export function cleanQuestion(raw: string): string {
  return raw.replace(LONE_SURROGATE, '\uFFFD').replace(CONTROL, ' ').trim();
}

/** True when the text has nothing visible: only whitespace, format characters or replacement characters. */
export function isBlank(text: string): boolean {
  return !VISIBLE.test(text);
}

/** Length in Unicode code points (an emoji counts once, as a person would count it). */
export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}
