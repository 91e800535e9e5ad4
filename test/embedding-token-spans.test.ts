import { describe, expect, it } from 'vitest';
import { tokenSpans } from '../src/embedding/token-spans.js';

const slices = (text: string, pieces: string[]) => tokenSpans(text, pieces).map(([s, e]) => text.slice(s, e));

describe('tokenSpans', () => {
  it('finds each piece, word starts and inner pieces alike', () => {
    expect(slices('Press freedom: rank 158', ['▁Press', '▁freedom', ':', '▁rank', '▁15', '8'])).toEqual(['Press', 'freedom', ':', 'rank', '15', '8']);
  });

  it('matches pieces of Arabic and Cyrillic text', () => {
    expect(slices('حرية الصحافة', ['▁حرية', '▁الصحاف', 'ة'])).toEqual(['حرية', 'الصحاف', 'ة']);
    expect(slices('Қазақстан астанасы', ['▁Қазақстан', '▁аста', 'насы'])).toEqual(['Қазақстан', 'аста', 'насы']);
  });

  it('maps a piece the tokenizer normalised back to the characters it came from', () => {
    // U+FEFB is the isolated lam-alef ligature; NFKC makes it two letters.
    expect(slices('\uFEFB', ['▁لا'])).toEqual(['\uFEFB']);
    expect(slices('ＡＢ c', ['▁AB', '▁c'])).toEqual(['ＡＢ', 'c']);
  });

  it('gives an unknown piece the characters up to the next match', () => {
    expect(slices('a ☃ b', ['▁a', '▁<unk>', '▁b'])).toEqual(['a', '☃', 'b']);
  });
});
