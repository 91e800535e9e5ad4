/** Logical order of PDF lines, presentation forms, and line joining: the pure parts of PDF reading. */
import { describe, expect, it } from 'vitest';
import { joinLines } from '../src/corpus/pdf-layout.js';
import { logicalOrder, normalizePresentationForms } from '../src/corpus/rtl-text.js';

describe('logicalOrder', () => {
  it('reverses a right-to-left line glyph by glyph, keeping a ligature glyph and numbers whole', () => {
    // «لا 12 سلم» drawn left to right: م ل س, space, 1 2, space, the lam-alef glyph.
    expect(logicalOrder(['م', 'ل', 'س', ' ', '1', '2', ' ', 'لا']).join('')).toBe('لا 12 سلم');
  });

  it('keeps a left-to-right line in order with an Arabic word reversed inside it', () => {
    expect(logicalOrder(['A', ' ', 'ب', 'ا', ' ', 'B']).join('')).toBe('A اب B');
  });

  it('puts punctuation at the end of a right-to-left sentence', () => {
    expect(logicalOrder(['.', 'ب', 'ا']).join('')).toBe('اب.');
  });
});

describe('logicalOrder of a right-to-left line in a left-to-right paragraph', () => {
  // Drawn as LibreOffice sets a plain text file: the Arabic reversed from the left margin, the paragraph's own
  // punctuation where the left-to-right paragraph puts it.
  it('keeps the full stop and a closing » at the end of the paragraph (drawn at the right)', () => {
    expect(logicalOrder(['م', 'ل', 'س', '.'], 'ltr').join('')).toBe('سلم.');
    expect(logicalOrder(['م', 'ل', 'س', ' ', '»'], 'ltr').join('')).toBe('سلم »');
  });

  it('keeps a bullet at the start (drawn at the left)', () => {
    expect(logicalOrder(['•', ' ', 'م', 'ل', 'س'], 'ltr').join('')).toBe('• سلم');
  });

  it('keeps a full stop that ends a line inside the paragraph at the end of the line (drawn at the left, inside the Arabic)', () => {
    expect(logicalOrder([' ', '.', 'م', 'ل', 'س', ' ', 'ا', 'ب'], 'ltr').join('')).toBe('با سلم. ');
  });

  it('keeps a number inside the Arabic in its place, its digits in order', () => {
    expect(logicalOrder(['م', 'ل', 'س', ' ', '1', '2', ' ', 'ا', 'ب'], 'ltr').join('')).toBe('با 12 سلم');
    expect(logicalOrder(['A', ' ', '1', '2', ' ', 'B'], 'ltr').join('')).toBe('A 12 B');
  });
});

describe('normalizePresentationForms', () => {
  it('turns presentation forms into letters and leaves other text alone', () => {
    expect(normalizePresentationForms('\uFEFB\uFE8E …')).toBe('لاا …');
  });
});

describe('joinLines', () => {
  it('joins lines with spaces and undoes hyphenation at line ends', () => {
    expect(joinLines(['una prova di sil-', 'labazione', 'finita'])).toBe('una prova di sillabazione finita');
    expect(joinLines(['Nur Otan-', 'Partito'])).toBe('Nur Otan- Partito');
  });
});
