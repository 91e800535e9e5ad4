/**
 * Right-to-left text from a PDF line: glyphs stand in visual order (left to right on the page); readers need
 * logical order. A simplified Unicode bidi pass over whole glyphs (so a lam-alef ligature, one glyph for two
 * letters, keeps its letters in order), plus presentation forms turned back into letters.
 */

const PRESENTATION_FORMS = /[\uFB50-\uFDFF\uFE70-\uFEFF]+/g;
const RTL_LETTER = /[\u0590-\u065F\u066A-\u06EF\u06FA-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const DIGIT = /^\p{Nd}/u;
const LETTER = /\p{L}/u;

type Direction = 'rtl' | 'ltr' | 'neutral';

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
    const direction = directionOf(text);
    if (direction === 'rtl') rtl += 1;
    else if (direction === 'ltr' && LETTER.test(text)) ltr += 1;
  }
  return rtl > ltr;
}

/**
 * The logical order of a line's units (glyph texts and spaces) given in visual order, left to right.
 * Right-to-left runs are reversed unit by unit; numbers and left-to-right words inside a right-to-left line
 * keep their order; a space or punctuation takes the direction of the text on both sides when they agree, else
 * the line's.
 * @example logicalOrder(['م', 'ل', 'س', ' ', '1', '2']) // ['1', '2', ' ', 'س', 'ل', 'م'] (a right-to-left line)
 */
export function logicalOrder(units: readonly string[]): string[] {
  const rtlLine = isMostlyRightToLeft(units);
  const strong = units.map(directionOf);
  const resolved = resolveNeutrals(strong, rtlLine);
  // No bracket mirroring: PDF writers map a mirrored glyph to the character it stands for.
  const shown = units;
  const order = rtlLine ? [...shown.keys()].reverse() : [...shown.keys()];
  const flip = rtlLine ? 'ltr' : 'rtl';
  const logical: string[] = [];
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && resolved[order[j]] === flip) j += 1;
    if (j > i) {
      for (let k = j - 1; k >= i; k -= 1) logical.push(shown[order[k]]);
      i = j;
    } else {
      logical.push(shown[order[i]]);
      i += 1;
    }
  }
  return logical;
}

function directionOf(text: string): Direction {
  if (RTL_LETTER.test(text)) return 'rtl';
  if (DIGIT.test(text) || LETTER.test(text)) return 'ltr';
  return 'neutral';
}

/**
 * Each unit's direction: a neutral takes the direction of the nearest strong units on both sides when they agree,
 * else the line's. Nearest strong units are found in two passes, so a line of many neutrals stays linear.
 */
function resolveNeutrals(strong: readonly Direction[], rtlLine: boolean): Direction[] {
  const line: Direction = rtlLine ? 'rtl' : 'ltr';
  const before: Direction[] = new Array(strong.length);
  let last: Direction = line;
  strong.forEach((direction, i) => {
    before[i] = last;
    if (direction !== 'neutral') last = direction;
  });
  const resolved: Direction[] = new Array(strong.length);
  let after: Direction = line;
  for (let i = strong.length - 1; i >= 0; i -= 1) {
    const direction = strong[i]!;
    resolved[i] = direction !== 'neutral' ? direction : before[i] === after ? after : line;
    if (direction !== 'neutral') after = direction;
  }
  return resolved;
}
