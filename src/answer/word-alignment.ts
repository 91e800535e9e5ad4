/**
 * Word alignment across languages from the encoder's middle-layer token states (SimAlign's "argmax": a question
 * token and a sentence token align when each is the other's most similar token), and what the answer layer reads
 * from it: how much of the question a sentence covers, and which of its words stand for which question words.
 */
import type { TokenStates } from '../embedding/token-states.js';

/** A word of a text: `[start, end)` and the indices of the tokens inside it. */
export interface AlignedWord {
  start: number;
  end: number;
  tokens: number[];
}

/** A question word and the sentence words aligned to it. */
export interface WordLink {
  question: AlignedWord;
  sentence: AlignedWord[];
  /** Mean cosine of the aligned token pairs. */
  similarity: number;
}

export interface SentenceAlignment {
  /** Share (0–1) of the question's content words with a mutual best match in the sentence. */
  coverage: number;
  /** Mean over the question's content words of their best token similarity in the sentence (soft coverage). */
  softCoverage: number;
  links: WordLink[];
}

const WORDS = new Intl.Segmenter('und', { granularity: 'word' });

/** The word-like segments of a text, each with the tokens whose span starts inside it. */
export function wordsOf(text: string, states: TokenStates): AlignedWord[] {
  const words = [...WORDS.segment(text)].filter((s) => s.isWordLike).map((s) => ({ start: s.index, end: s.index + s.segment.length, tokens: [] as number[] }));
  states.spans.forEach(([start, end], t) => {
    const word = words.find((w) => start < w.end && end > w.start);
    word?.tokens.push(t);
  });
  return words.filter((w) => w.tokens.length > 0);
}

/** Cosine of every token pair (rows are unit length): `a.length × b.length`, row-major. */
function similarityMatrix(a: TokenStates, b: TokenStates): Float32Array {
  const n = a.spans.length;
  const m = b.spans.length;
  const d = a.dimensions;
  const out = new Float32Array(n * m);
  const av = a.vectors;
  const bv = b.vectors;
  for (let i = 0; i < n; i += 1) {
    const ai = i * d;
    for (let j = 0; j < m; j += 1) {
      const bj = j * d;
      // Four running sums: the loop is this module's hot spot (a question against every sentence of five passages).
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let k = 0;
      for (; k + 3 < d; k += 4) {
        s0 += av[ai + k]! * bv[bj + k]!;
        s1 += av[ai + k + 1]! * bv[bj + k + 1]!;
        s2 += av[ai + k + 2]! * bv[bj + k + 2]!;
        s3 += av[ai + k + 3]! * bv[bj + k + 3]!;
      }
      for (; k < d; k += 1) s0 += av[ai + k]! * bv[bj + k]!;
      out[i * m + j] = s0 + s1 + s2 + s3;
    }
  }
  return out;
}

/** Pairs `[i, j]` where token i of `a` and token j of `b` are each other's best match, with their cosine. */
export function mutualBestMatches(a: TokenStates, b: TokenStates): Array<[number, number, number]> {
  const n = a.spans.length;
  const m = b.spans.length;
  if (n === 0 || m === 0) return [];
  const sim = similarityMatrix(a, b);
  const bestOfRow = Array.from({ length: n }, (_, i) => argmax(m, (j) => sim[i * m + j]!));
  const bestOfColumn = Array.from({ length: m }, (_, j) => argmax(n, (i) => sim[i * m + j]!));
  return bestOfRow.flatMap((j, i) => (bestOfColumn[j] === i ? [[i, j, sim[i * m + j]!] as [number, number, number]] : []));
}

function argmax(length: number, value: (k: number) => number): number {
  let best = 0;
  for (let k = 1; k < length; k += 1) if (value(k) > value(best)) best = k;
  return best;
}

/**
 * Aligns a question with a sentence. `isContent` tells which question words count (not function words).
 * @example alignSentence(question, qStates, sentence, sStates, (w) => analyzeText(w).length > 0).coverage // 0.75
 */
export function alignSentence(
  question: string,
  questionStates: TokenStates,
  sentence: string,
  sentenceStates: TokenStates,
  isContent: (word: string) => boolean,
): SentenceAlignment {
  const questionWords = wordsOf(question, questionStates).filter((w) => isContent(question.slice(w.start, w.end)));
  const sentenceWords = wordsOf(sentence, sentenceStates);
  if (questionWords.length === 0 || sentenceWords.length === 0) return { coverage: 0, softCoverage: 0, links: [] };
  const pairs = mutualBestMatches(questionStates, sentenceStates);
  const wordOfToken = new Map(sentenceWords.flatMap((w) => w.tokens.map((t) => [t, w] as const)));
  const links = questionWords.flatMap((word) => {
    const mine = pairs.filter(([i]) => word.tokens.includes(i));
    const aligned = [...new Set(mine.flatMap(([, j]) => wordOfToken.get(j) ?? []))].sort((x, y) => x.start - y.start);
    if (aligned.length === 0) return [];
    return [{ question: word, sentence: aligned, similarity: mine.reduce((s, [, , c]) => s + c, 0) / mine.length }];
  });
  const best = bestSimilarities(questionStates, sentenceStates);
  const softCoverage = questionWords.reduce((sum, w) => sum + Math.max(...w.tokens.map((t) => best[t]!)), 0) / questionWords.length;
  return { coverage: links.length / questionWords.length, softCoverage, links };
}

/** Each token of `a`'s best cosine among `b`'s tokens. */
function bestSimilarities(a: TokenStates, b: TokenStates): number[] {
  const m = b.spans.length;
  const sim = similarityMatrix(a, b);
  return a.spans.map((_, i) => Math.max(...Array.from(sim.subarray(i * m, (i + 1) * m))));
}
