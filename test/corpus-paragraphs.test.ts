import { describe, expect, it } from 'vitest';
import { splitParagraphs, textFormatOf } from '../src/corpus/paragraphs.js';

describe('splitParagraphs (txt): one paragraph per non-blank line', () => {
  it('counts lines the same whether paragraphs are separated by blank lines or single newlines', () => {
    expect(splitParagraphs('One.\n\nTwo.\n\n\nThree.\n', 'txt')).toEqual(['One.', 'Two.', 'Three.']);
    expect(splitParagraphs('One.\nTwo.\nThree.', 'txt')).toEqual(['One.', 'Two.', 'Three.']);
  });

  it('ignores whitespace-only lines and drops CR from CRLF', () => {
    expect(splitParagraphs('One.\r\n \t\r\nTwo.\r\n\u00a0\r\n', 'txt')).toEqual(['One.', 'Two.']);
  });

  it('trims edge whitespace of a line but keeps inner text verbatim (no NFC)', () => {
    const decomposed = 'caffe\u0300  e  te\u0301'; // combining accents, double spaces
    expect(splitParagraphs(`  • ${decomposed}  \n`, 'txt')).toEqual([`• ${decomposed}`]);
  });

  it('returns paragraphs that are substrings of the LF-normalised text', () => {
    const text = 'Title\r\n\r\n  Indented line. \r\nLast';
    for (const p of splitParagraphs(text, 'txt')) expect(text.replace(/\r\n/g, '\n')).toContain(p);
  });
});

describe('splitParagraphs (md): blank-line-separated blocks', () => {
  it('joins the lines of a block with \\n and splits on blank lines', () => {
    const md = '# Heading\n\nFirst line\nsecond line\n\n\n  - item one\n  - item two  \n';
    expect(splitParagraphs(md, 'md')).toEqual(['# Heading', 'First line\nsecond line', '- item one\n  - item two']);
  });

  it('handles CRLF and whitespace-only separator lines', () => {
    expect(splitParagraphs('A\r\nB\r\n \r\nC\r\n', 'md')).toEqual(['A\nB', 'C']);
  });
});

describe('textFormatOf', () => {
  it('reads .txt and .md in any case and nothing else', () => {
    expect(textFormatOf('a/b.TXT')).toBe('txt');
    expect(textFormatOf('notes.Md')).toBe('md');
    expect(textFormatOf('report.pdf')).toBeUndefined();
    expect(textFormatOf('txt')).toBeUndefined();
  });
});
