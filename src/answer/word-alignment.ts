/**
 * Word alignment across languages from the encoder's middle-layer token states (SimAlign's "argmax": a question
 * token and a sentence token align when each is the other's most similar token), and what the answer layer reads
 * from it: how much of the question a sentence covers, and which of its words stand for which question words.
 */
import { unpackTokenStates } from '../embedding/packed-token-states.js';
import type { PackedTokenStates, TokenStates } from '../embedding/token-states.js';

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
  /** The question's content words, which the coverages are shares and means of. */
  questionWords: number;
}

const WORDS = new Intl.Segmenter('und', { granularity: 'word' });

/** A text's words by its token states (states are kept per text and reused across questions, words with them). */
const wordsByStates = new WeakMap<Pick<TokenStates, 'spans'>, AlignedWord[]>();

/** The word-like segments of a text, each with the tokens that overlap it (a token joins the first such word). */
export function wordsOf(text: string, states: Pick<TokenStates, 'spans'>): AlignedWord[] {
  const known = wordsByStates.get(states);
  if (known) return known;
  const words = [...WORDS.segment(text)].filter((s) => s.isWordLike).map((s) => ({ start: s.index, end: s.index + s.segment.length, tokens: [] as number[] }));
  // Words and token spans both run left to right, so one pass over each pairs them.
  let w = 0;
  states.spans.forEach(([start, end], t) => {
    while (w < words.length && words[w]!.end <= start) w += 1;
    if (w < words.length && start < words[w]!.end && end > words[w]!.start) words[w]!.tokens.push(t);
  });
  const found = words.filter((word) => word.tokens.length > 0);
  wordsByStates.set(states, found);
  return found;
}

/** Each token's word in a sentence, kept with its states as its words are. */
const wordOfTokenByStates = new WeakMap<Pick<TokenStates, 'spans'>, ReadonlyMap<number, AlignedWord>>();

function wordOfTokenIn(text: string, states: Pick<TokenStates, 'spans'>): ReadonlyMap<number, AlignedWord> {
  let known = wordOfTokenByStates.get(states);
  if (!known) wordOfTokenByStates.set(states, (known = new Map(wordsOf(text, states).flatMap((w) => w.tokens.map((t) => [t, w] as const)))));
  return known;
}

/** Cosine of every token pair (rows are unit length): `a.length × b.length`, row-major. */
export function similarityMatrix(a: TokenStates, b: TokenStates): Float32Array {
  const n = a.spans.length;
  const m = b.spans.length;
  const d = a.dimensions;
  const out = new Float32Array(n * m);
  const av = a.vectors;
  const bv = b.vectors;
  // The module's hot spot (a question against every sentence of five passages). Two question tokens per pass over a
  // sentence token, so each of its values is read once for both; four running sums each, as `dot` adds them.
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const a0 = i * d;
    const a1 = a0 + d;
    for (let j = 0; j < m; j += 1) {
      const bj = j * d;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      let t0 = 0, t1 = 0, t2 = 0, t3 = 0;
      let k = 0;
      for (; k + 3 < d; k += 4) {
        const x0 = bv[bj + k]!, x1 = bv[bj + k + 1]!, x2 = bv[bj + k + 2]!, x3 = bv[bj + k + 3]!;
        s0 += av[a0 + k]! * x0;
        s1 += av[a0 + k + 1]! * x1;
        s2 += av[a0 + k + 2]! * x2;
        s3 += av[a0 + k + 3]! * x3;
        t0 += av[a1 + k]! * x0;
        t1 += av[a1 + k + 1]! * x1;
        t2 += av[a1 + k + 2]! * x2;
        t3 += av[a1 + k + 3]! * x3;
      }
      for (; k < d; k += 1) {
        s0 += av[a0 + k]! * bv[bj + k]!;
        t0 += av[a1 + k]! * bv[bj + k]!;
      }
      out[i * m + j] = s0 + s1 + s2 + s3;
      out[(i + 1) * m + j] = t0 + t1 + t2 + t3;
    }
  }
  for (; i < n; i += 1) for (let j = 0; j < m; j += 1) out[i * m + j] = dot(av, i * d, bv, j * d, d);
  return out;
}

/** `x[xi..xi+d) · y[yi..yi+d)` with four running sums. */
function dot(x: Float32Array, xi: number, y: Float32Array, yi: number, d: number): number {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  let k = 0;
  for (; k + 3 < d; k += 4) {
    s0 += x[xi + k]! * y[yi + k]!;
    s1 += x[xi + k + 1]! * y[yi + k + 1]!;
    s2 += x[xi + k + 2]! * y[yi + k + 2]!;
    s3 += x[xi + k + 3]! * y[yi + k + 3]!;
  }
  for (; k < d; k += 1) s0 += x[xi + k]! * y[yi + k]!;
  return s0 + s1 + s2 + s3;
}

/** Pairs `[i, j]` where token i of `a` and token j of `b` are each other's best match, with their cosine. */
export function mutualBestMatches(a: TokenStates, b: TokenStates): Array<[number, number, number]> {
  const n = a.spans.length;
  const m = b.spans.length;
  if (n === 0 || m === 0) return [];
  return mutualBestOf(similarityMatrix(a, b), n, m);
}

function mutualBestOf(sim: Float32Array, n: number, m: number): Array<[number, number, number]> {
  // Plain loops, not a closure per row and column: this runs for every question against every candidate sentence.
  // Each column's best row in one row-major pass; a later row wins only with a larger value, so ties go to the first.
  const bestOfColumn = new Int32Array(m);
  for (let i = 1; i < n; i += 1) for (let j = 0; j < m; j += 1) if (sim[i * m + j]! > sim[bestOfColumn[j]! * m + j]!) bestOfColumn[j] = i;
  const pairs: Array<[number, number, number]> = [];
  for (let i = 0; i < n; i += 1) {
    let best = 0;
    for (let j = 1; j < m; j += 1) if (sim[i * m + j]! > sim[i * m + best]!) best = j;
    if (m > 0 && bestOfColumn[best] === i) pairs.push([i, best, sim[i * m + best]!]);
  }
  return pairs;
}

/** Each row's largest value: a token of `a`'s best cosine among `b`'s tokens. */
function rowMaxima(sim: Float32Array, n: number, m: number): Float32Array {
  const best = new Float32Array(n).fill(-Infinity);
  for (let i = 0; i < n; i += 1) for (let j = 0; j < m; j += 1) best[i] = Math.max(best[i]!, sim[i * m + j]!);
  return best;
}

/**
 * Aligns a question with a sentence. `isContent` tells which question words count (not function words).
 * @example alignSentence(question, qStates, sentence, sStates, (w) => analyzeText(w).length > 0).coverage // 0.75
 */
export function alignSentence(
  question: string,
  questionStates: TokenStates | PackedTokenStates,
  sentence: string,
  sentenceStates: TokenStates | PackedTokenStates,
  isContent: (word: string) => boolean,
  /** `similarityMatrix(questionStates, sentenceStates)` when already computed (e.g. in one product for many sentences). */
  cosines?: Float32Array,
): SentenceAlignment {
  const questionWords = wordsOf(question, questionStates).filter((w) => isContent(question.slice(w.start, w.end)));
  const sentenceWords = wordsOf(sentence, sentenceStates);
  if (questionWords.length === 0 || sentenceWords.length === 0) return { coverage: 0, softCoverage: 0, links: [], questionWords: questionWords.length };
  // One similarity matrix serves both the mutual best matches and the soft coverage.
  const sim = cosines ?? similarityMatrix(asFloat(questionStates), asFloat(sentenceStates));
  const [n, m] = [questionStates.spans.length, sentenceStates.spans.length];
  const pairs = mutualBestOf(sim, n, m);
  const wordOfToken = wordOfTokenIn(sentence, sentenceStates);
  const links = questionWords.flatMap((word) => {
    const mine = pairs.filter(([i]) => word.tokens.includes(i));
    const aligned = [...new Set(mine.flatMap(([, j]) => wordOfToken.get(j) ?? []))].sort((x, y) => x.start - y.start);
    if (aligned.length === 0) return [];
    return [{ question: word, sentence: aligned, similarity: mine.reduce((s, [, , c]) => s + c, 0) / mine.length }];
  });
  const best = rowMaxima(sim, n, m);
  const softCoverage = questionWords.reduce((sum, w) => sum + Math.max(...w.tokens.map((t) => best[t]!)), 0) / questionWords.length;
  return { coverage: links.length / questionWords.length, softCoverage, links, questionWords: questionWords.length };
}


function asFloat(states: TokenStates | PackedTokenStates): TokenStates {
  return 'vectors' in states ? states : unpackTokenStates(states);
}
