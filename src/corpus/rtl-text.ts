/**
 * Right-to-left text from a PDF line: glyphs stand in visual order (left to right on the page); readers need
 * logical order. A simplified Unicode bidi pass over whole glyphs (so a lam-alef ligature, one glyph for two
 * letters, keeps its letters in order), plus presentation forms turned back into letters.
 */

const PRESENTATION_FORMS = /[\uFB50-\uFDFF\uFE70-\uFEFF]+/g;
const RTL_LETTER = /[\u0590-\u065F\u066A-\u06EF\u06FA-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const DIGIT = /^\p{Nd}/u;
const LETTER = /\p{L}/u;

/** A line's paragraph direction: the side its text starts from, which decides where neutral characters at its ends go. */
export type Direction = 'rtl' | 'ltr';

/** A unit's class for ordering: left-to-right letters, right-to-left letters, a number inside right-to-left text, or neutral. */
type Class = 'L' | 'R' | 'EN' | 'N';

/**
 * Presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) become the letters they show (NFKC), other text is kept.
 * @example normalizePresentationForms('\uFEFB') // 'لا'
 */
export function normalizePresentationForms(text: string): string {
  return text.replace(PRESENTATION_FORMS, (forms) => forms.normalize('NFKC'));
}

/** True when most letters of `text` are right-to-left ones (Arabic, Hebrew, …). */
export function isMostlyRightToLeft(texts: readonly string[]): boolean {
  let rtl = 0;
  let ltr = 0;
  for (const text of texts) {
    if (RTL_LETTER.test(text)) rtl += 1;
    else if (LETTER.test(text)) ltr += 1;
  }
  return rtl > ltr;
}

/**
 * The logical order of a line's units (glyph texts and spaces) given in visual order, left to right.
 * Right-to-left runs are reversed unit by unit; numbers and left-to-right words inside a right-to-left line
 * keep their order; a space or punctuation takes the direction of the text on both sides when they agree, else
 * the paragraph's. `direction` is the paragraph's (by default the line's majority): a right-to-left sentence set in a
 * left-to-right paragraph has its full stop, closing quote or leading bullet outside the reversed run, so they stay
 * where the paragraph direction puts them.
 * @example logicalOrder(['م', 'ل', 'س', ' ', '1', '2']) // ['1', '2', ' ', 'س', 'ل', 'م'] (a right-to-left line)
 * @example logicalOrder(['ب', 'ا', '.'], 'ltr') // ['ا', 'ب', '.']
 */
export function logicalOrder(units: readonly string[], direction?: Direction): string[] {
  return logicalIndices(units, direction).map((i) => units[i]!);
}

/**
 * The permutation behind `logicalOrder`: position i of the result is the visual index of the i-th unit in
 * logical order. Embedding levels as in the Unicode bidi algorithm (paragraph 0 or 1, right-to-left text 1,
 * left-to-right text in a right-to-left paragraph 2, numbers inside right-to-left text 2), then runs reversed from
 * the highest level down; reversing visual order this way gives logical order, as the reversals undo themselves.
 */
export function logicalIndices(units: readonly string[], direction: Direction = isMostlyRightToLeft(units) ? 'rtl' : 'ltr', known: KnownEdges = {}): number[] {
  const guessed = direction === 'ltr' && isMostlyRightToLeft(units) ? rtlTextEdges(units) : undefined;
  const edges = guessed && { left: known.left ? CLASS_OF[known.left] : guessed.left, right: known.right ? CLASS_OF[known.right] : guessed.right };
  const classes = resolveNeutrals(resolveNumbers(units.map((unit) => classOf(unit, direction)), direction), direction, edges);
  const levels = classes.map((c) => LEVELS[direction][c as Exclude<Class, 'N'>]);
  const order = [...units.keys()];
  const highest = levels.reduce((m, l) => Math.max(m, l), 0);
  for (let level = highest; level >= 1; level -= 1) {
    for (let i = 0; i < order.length; ) {
      if (levels[order[i]!]! < level) {
        i += 1;
        continue;
      }
      let j = i;
      while (j < order.length && levels[order[j]!]! >= level) j += 1;
      reverse(order, i, j);
      i = j;
    }
  }
  return order;
}

/**
 * What the text beyond a line's visual edge is, when the caller knows it: a right-to-left line that starts its
 * left-to-right paragraph has the paragraph's start beyond its right edge ('ltr'), not more right-to-left text.
 */
export interface KnownEdges {
  left?: Direction;
  right?: Direction;
}

const CLASS_OF: Record<Direction, Class> = { ltr: 'L', rtl: 'R' };

const LEVELS: Record<Direction, Record<Exclude<Class, 'N'>, number>> = {
  ltr: { L: 0, R: 1, EN: 2 },
  rtl: { L: 2, R: 1, EN: 2 },
};

function reverse(list: number[], from: number, to: number): void {
  for (let a = from, b = to - 1; a < b; a += 1, b -= 1) [list[a], list[b]] = [list[b]!, list[a]!];
}

function classOf(unit: string, direction: Direction): Class {
  if (RTL_LETTER.test(unit)) return 'R';
  if (DIGIT.test(unit)) return direction === 'rtl' ? 'L' : 'EN';
  if (LETTER.test(unit)) return 'L';
  return 'N';
}

/**
 * Each neutral takes the class of the nearest non-neutral units on both sides when they agree (a number counts
 * as right-to-left beside right-to-left text), else the paragraph's; a line's ends count as the paragraph's
 * direction. Two passes, so a line of many neutrals stays linear.
 */
function resolveNeutrals(classes: readonly Class[], direction: Direction, edges?: { left: Class; right: Class }): Class[] {
  const edge: Class = direction === 'rtl' ? 'R' : 'L';
  const before: Class[] = new Array(classes.length);
  let last: Class = edges?.left ?? edge;
  classes.forEach((c, i) => {
    before[i] = last;
    if (c !== 'N') last = c;
  });
  const resolved: Class[] = new Array(classes.length);
  let after: Class = edges?.right ?? edge;
  for (let i = classes.length - 1; i >= 0; i -= 1) {
    const c = classes[i]!;
    resolved[i] = c !== 'N' ? c : agree(before[i]!, after) ?? edge;
    if (c !== 'N') after = c;
  }
  return resolved;
}

const OPENING = /[([{«“‘„‹•\u2022\u25AA-\u25CF*\-–—]/u;
const CLOSING = /[.!?…:;,)\]}»”’›\u061F\u061B\u060C]/u;

/**
 * A right-to-left line in a left-to-right paragraph: the bidi algorithm ran over the whole paragraph, so what stands
 * at a visual edge of the line depends on the text across the line break. Punctuation that opens (a bullet, an
 * opening bracket or quote) at the left edge starts the paragraph, outside the reversed text; anything else there
 * ends the line inside it (a full stop before more right-to-left text on the next line). Punctuation that closes at
 * the right edge ends the paragraph, outside the reversed text; anything else there starts the line inside it.
 */
function rtlTextEdges(units: readonly string[]): { left: Class; right: Class } {
  const leading = edgeNeutrals(units, 1);
  const trailing = edgeNeutrals(units, -1);
  return { left: OPENING.test(leading) ? 'L' : 'R', right: CLOSING.test(trailing) ? 'L' : 'R' };
}

/** The neutral units at the start (step 1) or end (step -1) of a line, joined. */
function edgeNeutrals(units: readonly string[], step: 1 | -1): string {
  let text = '';
  for (let i = step === 1 ? 0 : units.length - 1; i >= 0 && i < units.length && !RTL_LETTER.test(units[i]!) && !LETTER.test(units[i]!) && !DIGIT.test(units[i]!); i += step) text += units[i];
  return text;
}

function agree(a: Class, b: Class): Class | undefined {
  if (a === b) return a;
  if ((a === 'EN' && b === 'R') || (a === 'R' && b === 'EN')) return 'R';
  return undefined;
}

/**
 * In a left-to-right paragraph a number is part of the right-to-left text around it unless a left-to-right
 * letter is its nearest letter on either side (then it is left-to-right text: "il 2022 è").
 */
function resolveNumbers(classes: readonly Class[], direction: Direction): Class[] {
  if (direction === 'rtl') return [...classes];
  const letterBefore: (Class | undefined)[] = new Array(classes.length);
  let last: Class | undefined;
  classes.forEach((c, i) => {
    letterBefore[i] = last;
    if (c === 'L' || c === 'R') last = c;
  });
  const resolved = [...classes];
  let next: Class | undefined;
  for (let i = classes.length - 1; i >= 0; i -= 1) {
    const c = classes[i]!;
    if (c === 'EN' && (letterBefore[i] === 'L' || next === 'L' || (letterBefore[i] === undefined && next === undefined))) resolved[i] = 'L';
    if (c === 'L' || c === 'R') next = c;
  }
  return resolved;
}
