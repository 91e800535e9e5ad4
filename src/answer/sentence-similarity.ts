/**
 * Sentence similarity by meaning: cosine between the question's vector and each candidate sentence's vector
 * (embedded as a passage), with a bounded least-recently-used cache of sentence vectors, so sentences of passages
 * asked about before cost no model call. Missing sentences are embedded in one batch per question.
 */

export interface SentenceSimilarityDeps {
  /** Unit vector of a question (query prefix; the runtime's cached query embedder). */
  embedQuery: (text: string) => Promise<number[]>;
  /** Unit vectors of passages (passage prefix), in input order. */
  embedPassages: (texts: string[]) => Promise<number[][]>;
  /** Most sentence vectors kept (384 float32 each: 1.5 KB, so 20,000 hold ~30 MB). */
  maxEntries: number;
}

/** Cosine similarity of the question to each text, in input order; texts repeated or cached are embedded once. */
export type ScoreSentences = (question: string, texts: readonly string[]) => Promise<number[]>;

/**
 * @example const similarity = createSentenceSimilarity({ embedQuery, embedPassages: (t) => embedder.embedDocuments(t), maxEntries: 20000 });
 * await similarity('Who won?', ['Ayan won the race.', 'It rained.']) // [0.86, 0.78]
 */
export function createSentenceSimilarity(deps: SentenceSimilarityDeps): ScoreSentences & { size(): number } {
  const vectors = new Map<string, Float32Array>();
  const remember = (text: string, vector: Float32Array) => {
    vectors.delete(text);
    vectors.set(text, vector); // Map order is recency order
    while (vectors.size > deps.maxEntries) vectors.delete(vectors.keys().next().value!);
  };

  const score = async (question: string, texts: readonly string[]): Promise<number[]> => {
    // Taken before awaiting: a concurrent call may evict them meanwhile (as may this call's own, when it holds many texts).
    const held = new Map<string, Float32Array>();
    for (const text of texts) {
      const vector = vectors.get(text);
      if (vector) held.set(text, vector);
    }
    const missing = [...new Set(texts.filter((t) => !held.has(t)))];
    const [questionVector, embedded] = await Promise.all([deps.embedQuery(question), missing.length ? deps.embedPassages(missing) : []]);
    missing.forEach((text, i) => held.set(text, Float32Array.from(embedded[i]!)));
    for (const [text, vector] of held) remember(text, vector);
    return texts.map((text) => dot(questionVector, held.get(text)!));
  };
  return Object.assign(score, { size: () => vectors.size });
}

function dot(a: readonly number[], b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < b.length; i++) sum += a[i]! * b[i]!;
  return sum;
}
