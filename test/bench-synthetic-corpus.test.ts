import { describe, expect, it } from 'vitest';
import { createRandomTextEmbedder } from '../src/bench/random-text-embedder.js';
import { lowRankSampler, randomUnitVector, seededRandom } from '../src/bench/seeded-random.js';
import { percentile } from '../src/bench/stats.js';
import { makeSyntheticCorpus } from '../src/bench/synthetic-corpus.js';
import type { SourceDocument } from '../src/corpus/types.js';

const documents: SourceDocument[] = [
  {
    file: 'it.txt',
    sha256: '0',
    language: 'it',
    paragraphs: [
      { number: 1, text: 'Il 10 gennaio si vota in Kazakistan. I partiti registrati sono sei. Ok.', language: 'it' },
      { number: 2, text: 'Gli osservatori hanno nuove regole da rispettare.', language: 'it' },
    ],
  },
  {
    file: 'kk.txt',
    sha256: '0',
    language: 'kk',
    paragraphs: [{ number: 1, text: 'Құқық қорғаушылар билікті сынады. Ұйым есеп жариялады.', language: 'kk' }],
  },
];
const norm = (v: ArrayLike<number>) => Math.sqrt(Array.from(v).reduce((s, x) => s + x * x, 0));

describe('synthetic corpus', () => {
  const options = { paragraphs: 25, paragraphsPerFile: 10, seed: 7, maxParagraphChars: 120 };

  it('is the same for the same seed and different for another', () => {
    expect(makeSyntheticCorpus(documents, options)).toEqual(makeSyntheticCorpus(documents, options));
    expect(makeSyntheticCorpus(documents, { ...options, seed: 8 })).not.toEqual(makeSyntheticCorpus(documents, options));
  });

  it('writes the requested paragraphs, blank-line separated, within the length limit, one language per file', () => {
    const files = makeSyntheticCorpus(documents, options);
    expect(files.map((f) => f.file)).toEqual(['synthetic-1.txt', 'synthetic-2.txt', 'synthetic-3.txt']);
    const paragraphs = files.map((f) => f.text.trim().split('\n\n'));
    expect(paragraphs.map((p) => p.length)).toEqual([10, 10, 5]);
    for (const p of paragraphs.flat()) expect(p.length).toBeLessThanOrEqual(120);
    for (const file of paragraphs) {
      const cyrillic = file.map((p) => /\p{Script=Cyrillic}/u.test(p));
      expect(new Set(cyrillic).size).toBe(1);
    }
    // Fragments shorter than 20 characters ("Ok.") are never used.
    expect(files.every((f) => !/(^|\s)Ok\./.test(f.text))).toBe(true);
  });
});

describe('benchmark vectors and statistics', () => {
  it('gives every query text a fixed unit vector', async () => {
    const embedder = createRandomTextEmbedder(384);
    const a = await embedder.embedQuery('a');
    expect(await createRandomTextEmbedder(384).embedQuery('a')).toEqual(a);
    expect(await embedder.embedQuery('b')).not.toEqual(a);
    expect(norm(a)).toBeCloseTo(1, 5);
    expect(norm(randomUnitVector(seededRandom(3), 384))).toBeCloseTo(1, 5);
  });

  it('gives repeated passages distinct vectors, the same on every run', async () => {
    const [first, again] = await createRandomTextEmbedder(16).embedDocuments(['same', 'same']);
    expect(first).not.toEqual(again);
    expect(await createRandomTextEmbedder(16).embedDocuments(['same', 'same'])).toEqual([first, again]);
  });

  it('samples low-rank unit vectors deterministically', () => {
    const a = lowRankSampler(1, 64, 4, 0.1)(seededRandom(2));
    expect(lowRankSampler(1, 64, 4, 0.1)(seededRandom(2))).toEqual(a);
    expect(norm(a)).toBeCloseTo(1, 5);
  });

  it('takes nearest-rank percentiles', () => {
    const samples = [5, 1, 4, 2, 3, 6, 7, 8, 9, 10];
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 95)).toBe(10);
    expect(percentile(samples, 10)).toBe(1);
    expect(percentile([], 50)).toBeNaN();
  });
});
