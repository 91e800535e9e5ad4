/** Where paragraphs end in a PDF whose paragraphs have no space between them: the line-fit, trailing-space and indent rules. */
import { describe, expect, it } from 'vitest';
import { pdfParagraphs } from '../src/corpus/pdf-layout.js';
import type { PdfGlyph } from '../src/corpus/pdf-glyphs.js';

const SIZE = 10;
const ADVANCE = 6; // a monospaced font, as LibreOffice sets a plain text file
const COLUMN = 80; // characters per line
const LEFT = 57;

/** A greedy line breaker's lines: a word goes on the line when it fits; the space after a wrapped line's last word is kept when it fits too. */
function wrap(paragraph: string, width = COLUMN, indent = 0): string[] {
  const lines: string[] = [];
  let line = ' '.repeat(indent);
  for (const word of paragraph.split(' ')) {
    if (line.trim() !== '' && (line + word).length > width) {
      lines.push(line.length < width ? line : line.trimEnd());
      line = '';
    }
    line += `${word} `;
  }
  lines.push(line.trimEnd());
  return lines;
}

/** Glyphs of lines set one under the other at the same pitch, one glyph per character (spaces included, as LibreOffice draws them). */
function page(lines: readonly string[], options: { trailingSpaces?: boolean } = {}): PdfGlyph[] {
  return lines.flatMap((line, row) => {
    const shown = options.trailingSpaces === false ? line.trimEnd() : line;
    return [...shown].flatMap((text, column) => (text === ' ' && column < line.length - line.trimStart().length ? [] : [{ text, x: LEFT + column * ADVANCE, y: 780 - row * 12, width: ADVANCE, size: SIZE }]));
  });
}

const WORDS = 'tra le elezioni e il voto si svolgeranno molte riunioni dei partiti con osservatori internazionali e giornalisti indipendenti'.split(' ');
/** A paragraph of `count` words drawn from a fixed list, starting at `offset`. */
const text = (count: number, offset = 0) => Array.from({ length: count }, (_, i) => WORDS[(i + offset) % WORDS.length]).join(' ');

describe('paragraphs without space between them', () => {
  it('end where the next line’s first word would have fitted on the line before', () => {
    const paragraphs = [`Primo. ${text(40)}.`, `Secondo ${text(25, 3)}.`, `Terzo ${text(31, 5)}.`, `Quarto ${text(12, 7)}.`];
    const lines = paragraphs.flatMap((p) => wrap(p));
    expect(pdfParagraphs([page(lines)]).map((p) => p.text)).toEqual(paragraphs);
    // Writers that draw no trailing space give the same paragraphs wherever a line has room to spare.
    expect(pdfParagraphs([page(lines, { trailingSpaces: false })]).map((p) => p.text)).toEqual(paragraphs);
  });

  it('end before a first-line indent, but not before the lines of a hanging indent', () => {
    const indented = [`${text(30)} ${'x'.repeat(20)}`, `${'internazionalizzazione'.repeat(2)} ${text(30, 2)}`];
    const lines = indented.flatMap((p) => wrap(p, COLUMN, 4));
    expect(pdfParagraphs([page(lines)]).map((p) => p.text)).toEqual(indented);
    const hanging = ['1. ' + text(40)];
    const hangingLines = wrap(hanging[0]!).map((l, i) => (i === 0 ? l : `   ${l}`));
    expect(pdfParagraphs([page(hangingLines)]).map((p) => p.text)).toHaveLength(1);
  });

  it('continue after a line that ends in a hyphen, and across a page break when the next word would not have fitted', () => {
    const hyphenated = [...wrap(text(30)).slice(0, 2), 'una prova di sil-', 'labazione finita.'];
    expect(pdfParagraphs([page(hyphenated)]).map((p) => p.text)).toHaveLength(1);
    const paragraphs = [`Uno ${text(30)}.`, `Due ${text(60, 4)}.`, `Tre ${text(10, 9)}.`];
    const [one, two, three] = paragraphs.map((p) => wrap(p));
    const read = pdfParagraphs([page([...one!, ...two!.slice(0, 3)]), page([...two!.slice(3), ...three!])]);
    expect(read.map((p) => [p.text, p.page])).toEqual([[paragraphs[0], 1], [paragraphs[1], 1], [paragraphs[2], 2]]);
  });
});
