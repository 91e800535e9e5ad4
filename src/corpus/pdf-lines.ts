/**
 * From a PDF page's positioned glyphs to lines: glyphs grouped by baseline, put left to right with spaces where
 * they leave gaps, then in logical order for a given paragraph direction. Pure: pdf.js is only in read-pdf.ts.
 */
import type { PdfGlyph } from './pdf-glyphs.js';
import { isMostlyRightToLeft, logicalIndices, normalizePresentationForms, type Direction, type KnownEdges } from './rtl-text.js';

/** A piece of a line in visual order: a glyph's text, or a space found between glyphs, with where it stands. */
interface Unit {
  text: string;
  x: number;
  width: number;
}

/** One line of a page, its text in logical order for `direction`. */
export interface Line {
  text: string;
  y: number;
  size: number;
  left: number;
  right: number;
  /** Most of its letters are right-to-left ones. */
  rtl: boolean;
  /** The paragraph direction its text was ordered for. */
  direction: Direction;
  /** How wide its first word (in logical order) is drawn: what would have had to fit at the end of the line before. */
  firstWordWidth: number;
  /** A space is drawn at one of its ends: some writers (LibreOffice) draw the space after the last word of a wrapped line. */
  spaceAtEnd: boolean;
  /** The median width of the spaces between its words (a font size's quarter when it has none). */
  spaceWidth: number;
  /** Its units in visual order, kept for right-to-left lines only. */
  units: Unit[];
}

/** Glyphs → lines, top to bottom, each line ordered for its majority direction. */
export function toLines(glyphs: readonly PdfGlyph[]): Line[] {
  return groupIntoLines(glyphs)
    .map((group) => {
      const units = visualUnits(group);
      const rtl = isMostlyRightToLeft(units.map((u) => u.text));
      return {
        ...ordered(units, rtl ? 'rtl' : 'ltr'),
        // Folds, not Math.max(...spread): a line can hold more glyphs than a call can take arguments.
        y: group.reduce((m, g) => Math.max(m, g.y), -Infinity),
        size: group.reduce((m, g) => Math.max(m, g.size), 0),
        left: group.reduce((m, g) => Math.min(m, g.x), Infinity),
        right: group.reduce((m, g) => Math.max(m, g.x + g.width), -Infinity),
        rtl,
        spaceAtEnd: units[0]?.text === ' ' || units.at(-1)?.text === ' ',
        spaceWidth: medianSpace(units) ?? group.reduce((m, g) => Math.max(m, g.size), 0) * 0.25,
        // Only a right-to-left line may be ordered again (for its page's paragraph direction).
        units: rtl ? units : [],
      };
    })
    .filter((line) => line.text !== '')
    .sort((a, b) => b.y - a.y);
}

/** The line with its text put in logical order for another paragraph direction, or with what lies beyond its edges known. */
export function reorderLine(line: Line, direction: Direction, edges?: KnownEdges): Line {
  return line.direction === direction && !edges ? line : { ...line, ...ordered(line.units, direction, edges) };
}

function ordered(units: readonly Unit[], direction: Direction, edges?: KnownEdges): Pick<Line, 'text' | 'direction' | 'firstWordWidth'> {
  const order = logicalIndices(units.map((u) => u.text), direction, edges);
  const text = markedLigatures(order.map((i) => units[i]!.text)).join('').replace(/\s+/g, ' ').trim();
  let from = Infinity;
  let to = -Infinity;
  for (const i of order) {
    const unit = units[i]!;
    if (/^\s*$/.test(unit.text)) {
      if (to > from) break;
      continue;
    }
    from = Math.min(from, unit.x);
    to = Math.max(to, unit.x + unit.width);
  }
  return { text, direction, firstWordWidth: to > from ? to - from : 0 };
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
 * One line's units left to right, a space wherever glyphs leave a gap.
 * A combining mark (an Arabic vowel) keeps its place in drawing order, just before the glyph drawn after it:
 * writers draw it beside its letter in visual order, while its position on the page can sit over the next
 * letter (a tanween over an alef).
 */
function visualUnits(glyphs: readonly PdfGlyph[]): Unit[] {
  // A mark sorts just before the next non-mark glyph drawn after it (or last, when none follows).
  const keys: number[] = new Array(glyphs.length);
  let next = Infinity;
  for (let i = glyphs.length - 1; i >= 0; i -= 1) {
    if (MARKS.test(glyphs[i]!.text)) keys[i] = next - 1e-6;
    else next = keys[i] = glyphs[i]!.x;
  }
  const keyed = glyphs.map((glyph, order) => ({ glyph: { ...glyph, text: normalizePresentationForms(glyph.text) }, key: keys[order]!, order }));
  const visual = keyed.sort((a, b) => a.key - b.key || a.order - b.order).map((k) => k.glyph);
  const units: Unit[] = [];
  let before: PdfGlyph | undefined;
  for (const glyph of visual) {
    const space = /^\s+$/.test(glyph.text);
    const mark = MARKS.test(glyph.text);
    const gapStart = before ? before.x + before.width : 0;
    if (before && !space && !mark && units.at(-1)?.text !== ' ' && glyph.x - gapStart > glyph.size * 0.15) {
      units.push({ text: ' ', x: gapStart, width: glyph.x - gapStart });
    }
    // A mark drawn twice over one letter (a fallback font redrawing it, or a glyph that shows letter and mark
    // together drawn after the mark alone) is one mark.
    const last = units.at(-1)?.text;
    if (!mark && last !== undefined && MARKS.test(last) && glyph.text.length > 1 && glyph.text.endsWith(last)) units.pop();
    if (!(mark && last === glyph.text)) units.push({ text: space ? ' ' : glyph.text, x: glyph.x, width: glyph.width });
    if (!mark) before = glyph;
  }
  return units;
}

/**
 * A mark drawn over a lam-alef ligature (one glyph for two letters) goes after the lam, as in "لًا" and "لَا": the
 * glyph cannot say which letter carries it, and a vowel or a fathatan before the alef is how such words are typed.
 */
function markedLigatures(texts: string[]): string[] {
  for (let i = 0; i + 1 < texts.length; i += 1) {
    const ligature = LAM_ALEF.exec(texts[i]!);
    if (!ligature || !MARKS.test(texts[i + 1]!)) continue;
    let end = i + 1;
    while (end + 1 < texts.length && MARKS.test(texts[end + 1]!)) end += 1;
    texts.splice(i, end - i + 1, ligature[1]!, ...texts.slice(i + 1, end + 1), ligature[2]!);
    i = end + 1;
  }
  return texts;
}

const LAM_ALEF = /^(\u0644)([\u0622\u0623\u0625\u0627])$/u;

function medianSpace(units: readonly Unit[]): number | undefined {
  const widths = units.filter((u) => u.text === ' ' && u.width > 0).map((u) => u.width).sort((a, b) => a - b);
  return widths[Math.floor(widths.length / 2)];
}

const MARKS = /^\p{M}+$/u;
