/** Letters and words of a text by writing system (Arabic, Cyrillic, Latin), from a per-character table instead of per-character regular expressions. */

/** How many letters (`\p{L}`) of `text` belong to each script. */
export interface LetterCounts {
  arabic: number;
  cyrillic: number;
  latin: number;
  other: number;
}

/** The scripts told apart; anything else is `other`. */
export type Script = 'arabic' | 'cyrillic' | 'latin';

// A character's class packs: looked up (1), a letter (2), a word character (4: \p{L}, \p{M}, ' ’ -), its script (8 × 0–3).
const LOOKED_UP = 1;
const LETTER = 2;
const WORD = 4;
const SCRIPT_SHIFT = 3;
const SCRIPT_CODES: Record<Script, number> = { arabic: 1, cyrillic: 2, latin: 3 };
const SCRIPT_PATTERNS: [number, RegExp][] = [
  [SCRIPT_CODES.arabic, /\p{Script=Arabic}/u],
  [SCRIPT_CODES.cyrillic, /\p{Script=Cyrillic}/u],
  [SCRIPT_CODES.latin, /\p{Script=Latin}/u],
];

/** Class of each BMP code point (0 until first seen): a memo of the pure `classify`. */
const bmpClasses = new Uint8Array(0x10000);
const astralClasses = new Map<number, number>();

function classify(char: string): number {
  let cls = LOOKED_UP;
  if (/\p{L}/u.test(char)) cls |= LETTER | WORD;
  else if (/[\p{M}'’-]/u.test(char)) cls |= WORD;
  for (const [code, pattern] of SCRIPT_PATTERNS) if (pattern.test(char)) cls |= code << SCRIPT_SHIFT;
  return cls;
}

/** Added to the class of an astral character, which takes two UTF-16 units. */
const ASTRAL = 64;

/** The class of the code point at `i` (a lone surrogate is a character of no class). */
function classAt(text: string, i: number): number {
  const unit = text.charCodeAt(i);
  if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
    const low = text.charCodeAt(i + 1);
    if (low >= 0xdc00 && low <= 0xdfff) {
      const codePoint = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
      let cls = astralClasses.get(codePoint);
      if (cls === undefined) astralClasses.set(codePoint, (cls = classify(String.fromCodePoint(codePoint))));
      return cls | ASTRAL;
    }
  }
  let cls = bmpClasses[unit];
  if (cls === 0) cls = bmpClasses[unit] = classify(String.fromCharCode(unit));
  return cls;
}

/**
 * Letters of `text` per script: the same counts as testing each `\p{L}` match against
 * `\p{Script=Arabic}`, `\p{Script=Cyrillic}` and `\p{Script=Latin}` in turn.
 * @example letterScripts('Ciao, мир!') // { arabic: 0, cyrillic: 3, latin: 4, other: 0 }
 */
export function letterScripts(text: string): LetterCounts {
  const counts = [0, 0, 0, 0];
  for (let i = 0; i < text.length; ) {
    const cls = classAt(text, i);
    if (cls & LETTER) counts[(cls >> SCRIPT_SHIFT) & 3] += 1;
    i += cls & ASTRAL ? 2 : 1;
  }
  return { arabic: counts[SCRIPT_CODES.arabic], cyrillic: counts[SCRIPT_CODES.cyrillic], latin: counts[SCRIPT_CODES.latin], other: counts[0] };
}

/**
 * The words of `text` (runs of `[\p{L}\p{M}'’-]`) that have a character of `script`, space-joined.
 * @example wordsInScript('Il Majilis, мәжіліс', 'latin') // 'Il Majilis'
 */
export function wordsInScript(text: string, script: Script): string {
  const wanted = SCRIPT_CODES[script];
  const words: string[] = [];
  let start = -1;
  let hasScript = false;
  for (let i = 0; i <= text.length; ) {
    const cls = i < text.length ? classAt(text, i) : 0;
    if (cls & WORD) {
      if (start < 0) start = i;
      if (((cls >> SCRIPT_SHIFT) & 3) === wanted) hasScript = true;
    } else if (start >= 0) {
      if (hasScript) words.push(text.slice(start, i));
      start = -1;
      hasScript = false;
    }
    i += cls & ASTRAL ? 2 : 1;
  }
  return words.join(' ');
}
