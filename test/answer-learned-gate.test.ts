/** The extractive answerer with word alignment: the learned gate decides, quotes carry highlights, and a gloss is given. */
import { describe, expect, it } from 'vitest';
import { alignSentence } from '../src/answer/word-alignment.js';
import { composeExtractiveAnswer, createExtractiveAnswerer, createExtractiveComposer, defaultExtractiveOptions } from '../src/answer/extractive.js';
import { splitSentences } from '../src/answer/sentences.js';
import { GATE_FEATURES, type GateModel } from '../src/answer/support-gate.js';
import type { TokenStates } from '../src/embedding/token-states.js';
import { analyzeText } from '../src/index/analyzer.js';
import { hitsFromCorpus } from './helpers/corpus-hits.js';

/** One token per word-like piece; a word maps to an axis by a shared dictionary, so translations align. */
function states(text: string, axisOf: (word: string) => number): TokenStates {
  const words = [...new Intl.Segmenter('und', { granularity: 'word' }).segment(text)].filter((s) => s.isWordLike);
  const dimensions = 32;
  const vectors = new Float32Array(words.length * dimensions);
  words.forEach((w, i) => {
    vectors[i * dimensions + axisOf(w.segment)] = 0.9;
    vectors[i * dimensions + ((i % 7) + 20)] = Math.sqrt(0.19);
  });
  return { spans: words.map((w) => [w.index, w.index + w.segment.length]), vectors, dimensions };
}

/** A gate that answers on alignment coverage alone (probability 0.5 at coverage 0.5). */
const alignmentGate: GateModel = {
  version: 3,
  features: [...GATE_FEATURES],
  mean: GATE_FEATURES.map((f) => (f === 'alignment' ? 0.5 : 0)),
  scale: GATE_FEATURES.map(() => 0.1),
  weights: GATE_FEATURES.map((f) => (f === 'alignment' ? 1 : 0)),
  bias: 0,
  answered: 0.8,
  answeredSameScript: 0.8,
  answeredCrossLingual: 0.8,
  possible: 0.3,
  trainedOn: 'test',
};

describe('composeExtractiveAnswer with word alignment', () => {
  const question = 'What is the press freedom rank of Kazakhstan?';
  const hits = [...hitsFromCorpus('000_68c45a22bf89f6e7.txt', 'ar', [4]), ...hitsFromCorpus('002_23fe508d9d363cf9.txt', 'it', [2])];
  const dictionary: Record<string, number> = { press: 1, freedom: 2, rank: 3, Kazakhstan: 4, 'الصحافة': 1, 'حرية': 2, 'المرتبة': 3, 'كازاخستان': 4 };
  const axisOf = (word: string) => dictionary[word] ?? 5 + (word.length % 14);
  const sentences = hits.flatMap((h) => splitSentences(h.chunk.text).map((s) => s.text));
  const qStates = states(question, axisOf);
  const isContent = (w: string) => analyzeText(w, 'en').length > 0;
  const alignments = new Map(sentences.map((s) => [s, alignSentence(question, qStates, s, states(s, axisOf), isContent)]));
  const similarities = new Map(sentences.map((s) => [s, 0.8]));
  const options = { ...defaultExtractiveOptions, gate: alignmentGate };

  it('is answered from the sentence that aligns with the question, with its aligned words highlighted', () => {
    const { result, features } = composeExtractiveAnswer({ question, language: 'en', hits }, options, { similarities, alignments });
    expect(features!.crossLingual).toBe(1);
    expect(result.support).toBe('answered');
    const cited = result.citations.find((c) => c.quotes.length > 0)!;
    expect(cited.file).toBe('000_68c45a22bf89f6e7.txt');
    const highlighted = cited.highlights!.map((h) => cited.text.slice(h.start - cited.start, h.end - cited.start)).join(' ');
    expect(highlighted).toMatch(/حرية الصحافة/);
    for (const h of cited.highlights!) expect(cited.quotes.some((q) => q.start <= h.start && h.end <= q.end)).toBe(true);
    expect(result.gloss!.map((g) => g.question)).toEqual(expect.arrayContaining(['press', 'freedom']));
    expect(result.gloss!.every((g) => g.citation === cited.id && cited.text.includes(g.source))).toBe(true);
  });

  it('tells a quote in another language of the question’s script from one in another script (each has its answered point)', () => {
    const [arabic, italian] = [hits.filter((h) => h.chunk.language === 'ar'), hits.filter((h) => h.chunk.language === 'it')];
    const featuresOf = (language: 'en' | 'it', from: typeof hits) => composeExtractiveAnswer({ question, language, hits: from }, options, { similarities, alignments }).features!;
    expect(featuresOf('en', italian)).toMatchObject({ crossLingual: 1, sameScript: 1 });
    expect(featuresOf('en', arabic)).toMatchObject({ crossLingual: 1, sameScript: 0 });
    expect(featuresOf('it', italian)).toMatchObject({ crossLingual: 0, sameScript: 0 });
  });

  it('falls back to the hand-set rule without alignments, and gives no gloss', () => {
    const { result, features } = composeExtractiveAnswer({ question, language: 'en', hits }, options, { similarities });
    expect(features).toBeUndefined();
    expect(result.gloss).toBeUndefined();
    expect(result.citations.every((c) => c.highlights === undefined)).toBe(true);
  });

  it('is what the answerer gives when composed with the same dependencies, with the gate’s inputs kept (eval:gate trains on them)', async () => {
    const deps = {
      gate: alignmentGate,
      scoreSentences: async (_q: string, texts: readonly string[]) => texts.map(() => 0.8),
      alignSentences: async (q: string, _l: string, texts: readonly string[]) => texts.map((t) => alignSentence(q, states(q, axisOf), t, states(t, axisOf), isContent)),
    };
    const input = { question, language: 'en' as const, hits };
    const composed = await createExtractiveComposer(deps)(input);
    expect(composed.features).toEqual(composeExtractiveAnswer(input, options, { similarities, alignments }).features);
    expect(composed.result).toEqual(await createExtractiveAnswerer(deps).answer(input));
    expect(composed.result.support).toBe('answered');
  });
});
