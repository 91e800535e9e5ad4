/** Cleaning and measuring question text before it reaches retrieval: odd Unicode must never break a request. */

/** Longest question accepted, in Unicode code points after cleaning. */
export const MAX_QUESTION_CHARS = 2000;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// C0/C1 controls except tab, newline and carriage return, which are ordinary whitespace.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
// Whitespace, invisible format characters (RTL marks, zero-width spaces, BOM) and replacement characters.
const INVISIBLE = /[\s\p{Cf}\uFFFD]/gu;

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
  return text.replace(INVISIBLE, '').length === 0;
}

/** Length in Unicode code points (an emoji counts once, as a person would count it). */
export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}
