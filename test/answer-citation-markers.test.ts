import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCitationMarkers } from '../src/answer/citation-markers.js';

describe('checkCitationMarkers', () => {
  it('removes markers that name no passage, with the space before them', () => {
    expect(checkCitationMarkers('Il voto è il 10 gennaio [1], non il 6 [9].', 3)).toEqual({
      text: 'Il voto è il 10 gennaio [1], non il 6.',
      cited: [1],
      removed: [9],
    });
  });

  it('reports no citation when every marker is invalid', () => {
    expect(checkCitationMarkers('[0] Only this [4].', 3)).toEqual({ text: 'Only this.', cited: [], removed: [0, 4] });
    expect(checkCitationMarkers('No markers at all.', 3).cited).toEqual([]);
  });

  it('writes lists and ranges as separate markers, keeping their valid numbers', () => {
    expect(checkCitationMarkers('A [1, 2]. B [2-3]. C [3; 7].', 3)).toEqual({
      text: 'A [1][2]. B [2][3]. C [3].',
      cited: [1, 2, 3],
      removed: [7],
    });
  });

  it('leaves other bracketed text alone', () => {
    expect(checkCitationMarkers('See [note] and [a1] [2].', 2).text).toBe('See [note] and [a1] [2].');
  });

  it('leaves only markers naming passages 1…n, and keeps text without markers unchanged', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.stringMatching(/^[a-z .,]{0,8}$/), fc.nat({ max: 12 }).map((n) => `[${n}]`))),
        fc.integer({ min: 0, max: 6 }),
        (parts, passageCount) => {
          const { text, cited } = checkCitationMarkers(parts.join(''), passageCount);
          const left = [...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
          expect(left.every((n) => n >= 1 && n <= passageCount)).toBe(true);
          expect(new Set(left)).toEqual(new Set(cited));
          expect(text.replace(/\s*\[\d+\]/g, '').replace(/\s+/g, '')).toBe(parts.join('').replace(/\s*\[\d+\]/g, '').replace(/\s+/g, ''));
        },
      ),
    );
  });
});
