/**
 * Every glyph a PDF page draws, with its position, from pdf.js's operator list. Reading glyphs rather than
 * pdf.js's text runs keeps two things runs lose: where each glyph really stands (LibreOffice draws a line's
 * main font first and fills in letters from a fallback font afterwards) and which characters one glyph shows
 * (a lam-alef ligature is one glyph for two letters, so putting a right-to-left line in order moves it whole).
 */
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { ReaderLimitError } from './reader-limits.js';

/** One drawn glyph: its text (one or more characters, as the font maps it), left edge, baseline, advance and size. */
export interface PdfGlyph {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m1 then m2 (PDF's row-vector convention: a point p maps to p·m1·m2). */
function multiply(m1: Matrix, m2: Matrix): Matrix {
  return [
    m1[0] * m2[0] + m1[1] * m2[2],
    m1[0] * m2[1] + m1[1] * m2[3],
    m1[2] * m2[0] + m1[3] * m2[2],
    m1[2] * m2[1] + m1[3] * m2[3],
    m1[4] * m2[0] + m1[5] * m2[2] + m2[4],
    m1[4] * m2[1] + m1[5] * m2[3] + m2[5],
  ];
}

interface OperatorList {
  fnArray: number[];
  argsArray: unknown[][];
}

interface GlyphData {
  unicode?: string;
  width?: number;
  isSpace?: boolean;
}

/**
 * Walks the text operators of one page's operator list (text matrix, line moves, font size, character, word
 * and horizontal spacing, rise, the graphics transform with save/restore, form XObjects) and returns the
 * glyphs drawn, in drawing order, in page coordinates. Assumes fonts with a 1/1000 glyph space (Type 1,
 * TrueType, CID fonts); a Type 3 font's glyphs get approximate positions.
 * @throws ReaderLimitError when forms nest deeper than `maxFormDepth`.
 */
export function pageGlyphs(list: OperatorList, maxFormDepth = Infinity): PdfGlyph[] {
  const glyphs: PdfGlyph[] = [];
  let ctm: Matrix = IDENTITY;
  const ctmStack: Matrix[] = [];
  let formDepth = 0;
  let tm: Matrix = IDENTITY;
  let tlm: Matrix = IDENTITY;
  let fontSize = 0;
  let charSpacing = 0;
  let wordSpacing = 0;
  let hScale = 1;
  let leading = 0;
  let rise = 0;
  const moveLine = (tx: number, ty: number) => {
    tlm = multiply([1, 0, 0, 1, tx, ty], tlm);
    tm = tlm;
  };
  list.fnArray.forEach((fn, i) => {
    const args = list.argsArray[i] ?? [];
    switch (fn) {
      case OPS.save:
        ctmStack.push(ctm);
        break;
      case OPS.restore:
        ctm = ctmStack.pop() ?? IDENTITY;
        break;
      case OPS.transform:
        ctm = multiply(args.slice(0, 6) as Matrix, ctm);
        break;
      case OPS.paintFormXObjectBegin:
        formDepth += 1;
        if (formDepth > maxFormDepth) throw new ReaderLimitError('formDepth', 'form XObjects nested deeper', maxFormDepth);
        ctmStack.push(ctm);
        if (args[0]) ctm = multiply(Array.from(args[0] as ArrayLike<number>) as Matrix, ctm);
        break;
      case OPS.paintFormXObjectEnd:
        formDepth -= 1;
        ctm = ctmStack.pop() ?? IDENTITY;
        break;
      case OPS.beginText:
        tm = IDENTITY;
        tlm = IDENTITY;
        break;
      case OPS.setTextMatrix:
        tlm = Array.from((args.length >= 6 ? args : args[0]) as ArrayLike<number>) as Matrix;
        tm = tlm;
        break;
      case OPS.moveText:
        moveLine(args[0] as number, args[1] as number);
        break;
      case OPS.setLeadingMoveText:
        leading = -(args[1] as number);
        moveLine(args[0] as number, args[1] as number);
        break;
      case OPS.nextLine:
        moveLine(0, -leading);
        break;
      case OPS.setLeading:
        leading = args[0] as number;
        break;
      case OPS.setFont:
        fontSize = args[1] as number;
        break;
      case OPS.setCharSpacing:
        charSpacing = args[0] as number;
        break;
      case OPS.setWordSpacing:
        wordSpacing = args[0] as number;
        break;
      case OPS.setHScale:
        hScale = (args[0] as number) / 100;
        break;
      case OPS.setTextRise:
        rise = args[0] as number;
        break;
      case OPS.showText: {
        let x = 0;
        for (const item of args[0] as (number | GlyphData | null)[]) {
          if (typeof item === 'number') {
            x -= (item * fontSize) / 1000;
            continue;
          }
          if (!item) continue;
          // Word spacing applies to character code 32 (pdf.js's isSpace), whatever glyph that code shows.
          const advance = ((item.width ?? 0) * fontSize) / 1000 + charSpacing + (item.isSpace ? wordSpacing : 0);
          const start = multiply([1, 0, 0, 1, x * hScale, rise], multiply(tm, ctm));
          const end = multiply([1, 0, 0, 1, (x + advance) * hScale, rise], multiply(tm, ctm));
          const size = Math.hypot(start[2], start[3]) * fontSize;
          glyphs.push({ text: item.unicode ?? '', x: start[4], y: start[5], width: end[4] - start[4], size });
          x += advance;
        }
        tm = multiply([1, 0, 0, 1, x * hScale, 0], tm);
        break;
      }
    }
  });
  return glyphs;
}
