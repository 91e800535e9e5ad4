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
