/**
 * From the positioned glyphs of PDF pages to paragraphs: glyphs grouped into lines and put in reading order
 * (right-to-left runs reversed), lines into paragraphs by spacing, running headers, footers and page numbers dropped,
 * hyphenation at line ends undone. Pure: pdf.js is only in read-pdf.ts.
 */
import type { ExtractedParagraph } from './parse-document.js';
import type { PdfGlyph } from './pdf-glyphs.js';
import { logicalOrder, normalizePresentationForms } from './rtl-text.js';

interface Line {
  text: string;
  y: number;
  size: number;
  left: number;
  right: number;
}

const PAGE_NUMBER = /^(?:[-–—]\s*)?(?:page|pagina|pag\.|бет|صفحة)?\s*\d{1,4}(?:\s*(?:\/|of|di)\s*\d{1,4})?(?:\s*[-–—])?$/i;

/**
 * The paragraphs of a document's pages (`pages[i]` holds page i + 1's glyphs), each with the page it starts on.
 * A paragraph whose last line on a page reaches the right margin and whose next page starts with text of the
 * same size continues there (it is cited by the page it starts on).
 * @example pdfParagraphs([[{ text: 'C', x: 50, y: 700, width: 8, size: 11 }, …]]) // [{ text: 'Ciao.', page: 1 }]
 */
export function pdfParagraphs(pages: readonly PdfGlyph[][]): ExtractedParagraph[] {
  const linesByPage = dropRunningLines(pages.map(toLines));
  const paragraphs: ExtractedParagraph[] = [];
  let open: { lines: Line[]; page: number } | undefined;
  let previousFullWidth = 0;
  const close = () => {
    if (open) paragraphs.push({ text: joinLines(open.lines.map((l) => l.text)), page: open.page });
    open = undefined;
  };
  const pitches = pitchBySize(linesByPage);
  linesByPage.forEach((lines, pageIndex) => {
    lines.forEach((line, i) => {
      const previous = open?.lines.at(-1);
      const sameSize = previous !== undefined && Math.abs(previous.size - line.size) < 0.5;
      const near = i > 0 ? previous !== undefined && previous.y - line.y <= Math.max(line.size * 1.2, pitches.get(Math.round(line.size)) ?? 0) * 1.25 : previous !== undefined && isFull(previous, previousFullWidth);
      if (!(sameSize && near)) close();
      open ??= { lines: [], page: pageIndex + 1 };
      open.lines.push(line);
    });
    previousFullWidth = lines.reduce((widest, l) => Math.max(widest, l.right - l.left), 0);
  });
  close();
  return paragraphs;
}

/** Glyphs → lines, top to bottom, each line's text in reading order. */
function toLines(glyphs: readonly PdfGlyph[]): Line[] {
  return groupIntoLines(glyphs)
    .map((group) => ({
      text: lineText(group),
      // Folds, not Math.max(...spread): a line can hold more glyphs than a call can take arguments.
      y: group.reduce((m, g) => Math.max(m, g.y), -Infinity),
      size: group.reduce((m, g) => Math.max(m, g.size), 0),
      left: group.reduce((m, g) => Math.min(m, g.x), Infinity),
      right: group.reduce((m, g) => Math.max(m, g.x + g.width), -Infinity),
    }))
    .filter((line) => line.text !== '')
    .sort((a, b) => b.y - a.y);
}

/**
 * Glyphs grouped by baseline: a glyph joins the first-made group whose first glyph stands within 0.4 of the larger
 * of their sizes. Groups are found through buckets of their first glyph's baseline (one point wide), so a page of
 * many lines costs time linear in its glyphs rather than glyphs × lines.
 */
function groupIntoLines(glyphs: readonly PdfGlyph[]): PdfGlyph[][] {
  const groups: PdfGlyph[][] = [];
  const buckets = new Map<number, number[]>();
  let largest = 0;
  for (const glyph of glyphs) {
    if (glyph.text === '' || glyph.size <= 0 || !Number.isFinite(glyph.y)) continue;
    const reach = Math.max(largest, glyph.size) * 0.4;
    const matches = (g: PdfGlyph[]) => Math.abs(g[0]!.y - glyph.y) < Math.max(g[0]!.size, glyph.size) * 0.4;
    let found = -1;
    const low = Math.floor(glyph.y - reach);
    const high = Math.floor(glyph.y + reach);
    if (high - low <= groups.length) {
      for (let key = low; key <= high; key += 1) {
        for (const index of buckets.get(key) ?? []) if ((found < 0 || index < found) && matches(groups[index]!)) found = index;
      }
    } else {
      found = groups.findIndex(matches);
    }
    if (found >= 0) {
      groups[found]!.push(glyph);
      continue;
    }
    const key = Math.floor(glyph.y);
    const bucket = buckets.get(key);
    if (bucket) bucket.push(groups.length);
    else buckets.set(key, [groups.length]);
    groups.push([glyph]);
    largest = Math.max(largest, glyph.size);
  }
  return groups;
}

/**
 * One line's text: glyphs left to right, a space wherever glyphs leave a gap, then put in logical order.
 * A combining mark (an Arabic vowel) keeps its place in drawing order, just before the glyph drawn after it:
 * writers draw it beside its letter in visual order, while its position on the page can sit over the next
 * letter (a tanween over an alef).
 */
function lineText(glyphs: readonly PdfGlyph[]): string {
  // A mark sorts just before the next non-mark glyph drawn after it (or last, when none follows).
  const keys: number[] = new Array(glyphs.length);
  let next = Infinity;
  for (let i = glyphs.length - 1; i >= 0; i -= 1) {
    if (MARKS.test(glyphs[i].text)) keys[i] = next - 1e-6;
    else next = keys[i] = glyphs[i].x;
  }
  const keyed = glyphs.map((glyph, order) => ({ glyph: { ...glyph, text: normalizePresentationForms(glyph.text) }, key: keys[order], order }));
  const visual = keyed.sort((a, b) => a.key - b.key || a.order - b.order).map((k) => k.glyph);
  const units: string[] = [];
  let before: PdfGlyph | undefined;
  for (const glyph of visual) {
    const space = /^\s+$/.test(glyph.text);
    const mark = MARKS.test(glyph.text);
    if (before && !space && !mark && units.at(-1) !== ' ' && glyph.x - (before.x + before.width) > glyph.size * 0.15) units.push(' ');
    // A mark drawn twice over one letter (a fallback font redrawing it) is one mark.
    if (!(mark && units.at(-1) === glyph.text)) units.push(space ? ' ' : glyph.text);
    if (!mark) before = glyph;
  }
  return logicalOrder(units).join('').replace(/\s+/g, ' ').trim();
}

const MARKS = /^\p{M}+$/u;

/**
 * Drops each page's first and last lines when they repeat on at least half of the pages (digits ignored,
 * so "Report · 3" matches "Report · 4"), and lone page numbers at a page's top or bottom.
 */
function dropRunningLines(pages: Line[][]): Line[][] {
  const key = (line: Line) => line.text.replace(/\d+/g, '#');
  const counts = new Map<string, number>();
  for (const lines of pages) {
    for (const k of new Set(edges(lines).map(key))) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const repeated = (line: Line) => pages.length > 1 && (counts.get(key(line)) ?? 0) >= Math.max(2, pages.length / 2);
  return pages.map((lines) => {
    const drop = new Set(edges(lines).filter((line) => repeated(line) || PAGE_NUMBER.test(line.text)));
    return lines.filter((line) => !drop.has(line));
  });
}

/** A page's two first and two last lines: where running headers and footers sit. */
function edges(lines: Line[]): Line[] {
  return [...new Set([...lines.slice(0, 2), ...lines.slice(-2)])];
}

/**
 * The line pitch of each font size (rounded) in the document: the lower quartile of the distances between
 * consecutive lines of that size on a page, so pages of one-line paragraphs do not count their gaps as pitch.
 */
function pitchBySize(pages: Line[][]): Map<number, number> {
  const gaps = new Map<number, number[]>();
  for (const lines of pages) {
    lines.slice(1).forEach((line, i) => {
      const size = Math.round(line.size);
      if (Math.round(lines[i].size) !== size || lines[i].y <= line.y) return;
      const list = gaps.get(size);
      if (list) list.push(lines[i].y - line.y);
      else gaps.set(size, [lines[i].y - line.y]);
    });
  }
  return new Map([...gaps].map(([size, list]) => [size, list.sort((a, b) => a - b)[Math.floor((list.length - 1) / 4)]]));
}

function isFull(line: Line, fullWidth: number): boolean {
  return line.right - line.left >= fullWidth * 0.9;
}

/**
 * Lines of one paragraph joined with spaces; a word hyphenated at a line end is joined back. Pieces are collected
 * and joined once, and only the previous piece is tested, so a paragraph of many lines costs linear time.
 */
export function joinLines(lines: readonly string[]): string {
  const pieces: string[] = [];
  for (const line of lines) {
    const last = pieces.at(-1);
    if (last === undefined || last === '') pieces.push(line);
    else if ((/\p{Ll}-$/u.test(last) && /^\p{Ll}/u.test(line)) || /\u00AD$/.test(last)) pieces[pieces.length - 1] = last.slice(0, -1) + line;
    else pieces.push(' ', line);
  }
  return pieces.join('');
}
