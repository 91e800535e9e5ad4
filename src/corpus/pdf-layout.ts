/**
 * From the positioned glyphs of PDF pages to paragraphs: glyphs grouped into lines and put in reading order
 * (right-to-left runs reversed, as the page's paragraph direction wants), lines into paragraphs by spacing, by
 * where lines end and by indents, running headers, footers and page numbers dropped, hyphenation at line ends
 * undone. Pure: pdf.js is only in read-pdf.ts.
 */
import type { ExtractedParagraph } from './parse-document.js';
import { endsParagraph, pageColumn, type Column } from './pdf-columns.js';
import type { PdfGlyph } from './pdf-glyphs.js';
import { reorderLine, toLines, type Line } from './pdf-lines.js';

const PAGE_NUMBER = /^(?:[-–—]\s*)?(?:page|pagina|pag\.|бет|صفحة)?\s*\d{1,4}(?:\s*(?:\/|of|di)\s*\d{1,4})?(?:\s*[-–—])?$/i;

/**
 * The paragraphs of a document's pages (`pages[i]` holds page i + 1's glyphs), each with the page it starts on.
 * Within a page a paragraph ends where the spacing grows, the size changes or `endsParagraph` says so (the
 * line-fit, trailing-space and indent rules). A paragraph continues on the next page when that page starts with
 * text of the same size that `endsParagraph` does not set apart (it is cited by the page it starts on).
 * @example pdfParagraphs([[{ text: 'C', x: 50, y: 700, width: 8, size: 11 }, …]]) // [{ text: 'Ciao.', page: 1 }]
 */
export function pdfParagraphs(pages: readonly PdfGlyph[][]): ExtractedParagraph[] {
  const pagesOfLines = dropRunningLines(pages.map(toLines)).map((lines) => {
    const column = pageColumn(lines);
    return { column, lines: lines.map((line) => (line.rtl ? reorderLine(line, column.rtlDirection) : line)) };
  });
  const paragraphs: ExtractedParagraph[] = [];
  let open: { lines: Line[]; page: number } | undefined;
  let previousColumn: Column | undefined;
  const close = () => {
    if (open) paragraphs.push({ text: joinLines(startOrdered(open.lines).map((l) => l.text)), page: open.page });
    open = undefined;
  };
  const pitches = pitchBySize(pagesOfLines.map((p) => p.lines));
  pagesOfLines.forEach(({ lines, column }, pageIndex) => {
    lines.forEach((line, i) => {
      const previous = open?.lines.at(-1);
      const sameSize = previous !== undefined && Math.abs(previous.size - line.size) < 0.5;
      // Across a page break spacing says nothing; the line rules judge by the column the previous line stood in.
      const near = i > 0 ? previous !== undefined && previous.y - line.y <= Math.max(line.size * 1.2, pitches.get(Math.round(line.size)) ?? 0) * 1.25 : true;
      if (!(sameSize && near) || (previous && endsParagraph(previous, line, lines[i + 1], i > 0 ? column : previousColumn!))) close();
      open ??= { lines: [], page: pageIndex + 1 };
      open.lines.push(line);
    });
    previousColumn = column;
  });
  close();
  return paragraphs;
}

/**
 * A paragraph's first line, when it is right-to-left text in a left-to-right paragraph, ordered again now that its
 * place is known: nothing right-to-left comes before it, so what stands beyond its right edge is the paragraph's
 * start, and in a one-line paragraph what stands beyond its left edge is too (its closing quote ends the paragraph).
 */
function startOrdered(lines: Line[]): Line[] {
  const first = lines[0];
  if (!first?.rtl || first.direction !== 'ltr') return lines;
  return [reorderLine(first, 'ltr', lines.length === 1 ? { left: 'ltr', right: 'ltr' } : { right: 'ltr' }), ...lines.slice(1)];
}

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
