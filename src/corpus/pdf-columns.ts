/**
 * Where paragraphs end when nothing but the lines themselves shows it (no extra space between paragraphs, as in a
 * PDF made straight from a plain text file): a page's text column estimated from its lines, the paragraph
 * direction of its right-to-left lines, and the line-fit rule. Pure: plain numbers in, decisions out.
 */
import type { Line } from './pdf-lines.js';
import type { Direction } from './rtl-text.js';

/** A page's text column and the direction its right-to-left paragraphs are set in. */
export interface Column {
  left: number;
  right: number;
  rtlDirection: Direction;
  /** Most lines of the page have a space drawn at an end, so a line without one ends its paragraph. */
  spacedLineEnds: boolean;
}

/** Share of a font size a line may stand off a column edge and still count as touching it. */
const FLUSH = 0.5;
/** Share of a font size by which the next line must stand further in than this one to count as indented. */
const INDENT = 0.8;

/**
 * The column of a page's lines: its left edge a low percentile of their left ends, its right edge a high
 * percentile of their right ends (a ragged right margin reaches the edge only on some lines; one overlong line
 * should not move it). Right-to-left lines are in left-to-right paragraphs when more of them touch only the
 * left edge than only the right one (a text file converted as it is), else in right-to-left ones.
 * @example pageColumn(lines) // { left: 56.7, right: 538.6, rtlDirection: 'ltr' }
 */
export function pageColumn(lines: readonly Line[]): Column {
  const lefts = lines.map((l) => l.left).sort((a, b) => a - b);
  const rights = lines.map((l) => l.right).sort((a, b) => a - b);
  const column = { left: lefts[Math.floor((lefts.length - 1) * 0.05)] ?? 0, right: rights[Math.ceil((rights.length - 1) * 0.95)] ?? 0 };
  let leftOnly = 0;
  let rightOnly = 0;
  let spaced = 0;
  for (const line of lines) {
    if (line.spaceAtEnd) spaced += 1;
    if (!line.rtl) continue;
    const atLeft = line.left - column.left < line.size * FLUSH;
    const atRight = column.right - line.right < line.size * FLUSH;
    if (atLeft && !atRight) leftOnly += 1;
    if (atRight && !atLeft) rightOnly += 1;
  }
  return { ...column, rtlDirection: leftOnly > rightOnly ? 'ltr' : 'rtl', spacedLineEnds: spaced >= 3 && spaced >= lines.length / 2 };
}

/**
 * True when `previous` ends its paragraph although `next` follows at the usual spacing: the first word of `next`
 * would have fitted in the room left at the end of `previous` (a line breaker would have put it there), unless
 * `previous` ends in a hyphen or dash; or, on a page whose wrapped lines carry their trailing space, `previous`
 * has none; or `next` starts further in than `previous` while the line after it (`after`) does not (a first-line
 * indent, not a hanging one).
 * @example endsParagraph({ right: 300, … }, { firstWordWidth: 40, … }, undefined, { left: 57, right: 538, … }) // true
 */
export function endsParagraph(previous: Line, next: Line, after: Line | undefined, column: Column): boolean {
  const room = previous.direction === 'ltr' ? column.right - previous.right : previous.left - column.left;
  // A line breaks without a space only after a hyphen, a dash or a slash (or inside an overlong word).
  if (!/[-\u2010\u2013\u2014\u00AD/]$/u.test(previous.text)) {
    const slack = previous.size * 0.05;
    const space = previous.spaceAtEnd ? 0 : previous.spaceWidth;
    if (room >= next.firstWordWidth + space - slack) return true;
    // Its trailing space would have fitted, so a wrapped line would show it. Not for right-to-left text, whose
    // trailing space a writer may leave out when the bidi algorithm moves it to the line's end.
    if (column.spacedLineEnds && !previous.rtl && !previous.spaceAtEnd && room >= previous.spaceWidth - slack) return true;
  }
  const indent = (line: Line) => (line.direction === 'ltr' ? line.left - column.left : column.right - line.right);
  const indented = (line: Line) => indent(line) - indent(previous) > line.size * INDENT;
  return indented(next) && indent(previous) < previous.size * FLUSH && (after === undefined || !indented(after));
}
