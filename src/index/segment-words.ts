/** Splits normalised text into words as Intl.Segmenter does, with a shortcut for plain words between punctuation. */

const SEGMENTER = new Intl.Segmenter('und', { granularity: 'word' });
/** Apostrophes join elisions into one segment ("dell’esecutivo", "kazakhstan's"); words are split apart at them. */
const APOSTROPHES = /['’‘ʼ`´]/u;

// A piece that is letters of the Latin, Cyrillic or Arabic script, digits and apostrophes, with only punctuation
// around them, is one word segment by Unicode's word-boundary rules (UAX #29 WB5–WB13: letters and digits join,
// and punctuation joins nothing that is not between letters or digits), so it needs no segmenter.
// The punctuation listed here is only the common kind; anything else takes the segmenter.
const PUNCTUATION = '!"#$%&()*+,-./:;<=>?@[\\]^{|}~«»“”„‹›–—…•·¡¿§°،؛؟٪‐‑‒−';
// In a /v character class these must be escaped (and may be).
const escapeForClass = (chars: string): string => chars.replace(/[&\-!#%,:;<=>@`~^$\\.*+?()[\]{}|/]/g, '\\$&');
const PLAIN_PIECE = new RegExp(
  `^[${escapeForClass(PUNCTUATION)}]*` +
    `([[\\p{L}&&[\\p{Script=Latin}\\p{Script=Cyrillic}\\p{Script=Arabic}]]0-9\\u0660-\\u0669\\u06F0-\\u06F9${escapeForClass("'’‘ʼ`")}]+)` +
    `[${escapeForClass(PUNCTUATION)}]*$`,
  'v',
);

/**
 * The words of `text` (already normalised, see `normalizeText`): its word-like segments by Unicode's
 * word-boundary rules (Intl.Segmenter, root locale), each split at apostrophes, empty parts dropped.
 * @example segmentWords("«dell’esecutivo, 2021»") // ['dell', 'esecutivo', '2021']
 */
export function segmentWords(text: string): string[] {
  const plain = PLAIN_PIECE.exec(text);
  if (plain === null) return segmentWordsWithSegmenter(text);
  const words: string[] = [];
  for (const part of plain[1].split(APOSTROPHES)) if (part) words.push(part);
  return words;
}

/** `segmentWords` without the shortcut: always Intl.Segmenter (the reference the shortcut agrees with). */
export function segmentWordsWithSegmenter(text: string): string[] {
  const words: string[] = [];
  for (const { segment, isWordLike } of SEGMENTER.segment(text)) {
    if (!isWordLike) continue;
    for (const part of segment.split(APOSTROPHES)) if (part) words.push(part);
  }
  return words;
}
