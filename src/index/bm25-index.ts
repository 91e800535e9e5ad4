/**
 * A compact BM25F index: weighted term frequencies per document in typed-array postings (CSR layout).
 * It replaces a general-purpose search library here because at 100k chunks that library needed ~80 ms per
 * query and ~730 MB of heap; flat arrays need a few milliseconds and a fraction of the memory.
 */

/** A document to index: its terms, each list weighted by its field's weight (BM25F). */
export interface WeightedTerms {
  terms: readonly string[];
  weight: number;
}

export interface Bm25Params {
  /** Term-frequency saturation. */
  k1: number;
  /** Length normalisation (0: none, 1: full). */
  b: number;
}

export const DEFAULT_BM25: Bm25Params = { k1: 1.2, b: 0.75 };

/** The index as plain data: what is saved and loaded. */
export interface Bm25Data {
  params: Bm25Params;
  /** Term strings; a term's id is its position. */
  terms: string[];
  /** Weighted length of each document. */
  docLengths: Float32Array;
  /** Postings of term t are positions termOffsets[t] to termOffsets[t + 1] - 1 of postingDocs / postingTfs. */
  termOffsets: Int32Array;
  postingDocs: Int32Array;
  postingTfs: Float32Array;
}

export interface ScoredDoc {
  doc: number;
  score: number;
}

/**
 * Builds the index from documents given as weighted term lists (e.g. body terms with weight 1, title terms 0.4).
 * @example buildBm25([[{ terms: ['elezioni', 'majilis'], weight: 1 }]])
 */
export function buildBm25(documents: readonly (readonly WeightedTerms[])[], params: Bm25Params = DEFAULT_BM25): Bm25Data {
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  const docLengths = new Float32Array(documents.length);
  const perDoc: { ids: Int32Array; tfs: Float32Array }[] = [];
  const df: number[] = [];

  documents.forEach((fields, doc) => {
    const tf = new Map<number, number>();
    let length = 0;
    for (const { terms: fieldTerms, weight } of fields) {
      for (const term of fieldTerms) {
        let id = termIds.get(term);
        if (id === undefined) {
          id = terms.length;
          termIds.set(term, id);
          terms.push(term);
          df.push(0);
        }
        tf.set(id, (tf.get(id) ?? 0) + weight);
        length += weight;
      }
    }
    docLengths[doc] = length;
    for (const id of tf.keys()) df[id]! += 1;
    perDoc.push({ ids: Int32Array.from(tf.keys()), tfs: Float32Array.from(tf.values()) });
  });

  const termOffsets = new Int32Array(terms.length + 1);
  for (let t = 0; t < terms.length; t++) termOffsets[t + 1] = termOffsets[t]! + df[t]!;
  const fill = termOffsets.slice(0, terms.length);
  const postingDocs = new Int32Array(termOffsets[terms.length]!);
  const postingTfs = new Float32Array(postingDocs.length);
  perDoc.forEach(({ ids, tfs }, doc) => {
    for (let i = 0; i < ids.length; i++) {
      const at = fill[ids[i]!]!++;
      postingDocs[at] = doc;
      postingTfs[at] = tfs[i]!;
    }
  });
  return { params, terms, docLengths, termOffsets, postingDocs, postingTfs };
}

/** Looks terms up and scores documents; create once per loaded index. */
export class Bm25Searcher {
  private readonly termIds: Map<string, number>;
  private readonly averageLength: number;
  private readonly scores: Float64Array;

  constructor(private readonly data: Bm25Data) {
    this.termIds = new Map(data.terms.map((term, id) => [term, id]));
    const total = data.docLengths.reduce((sum, length) => sum + length, 0);
    this.averageLength = data.docLengths.length > 0 ? total / data.docLengths.length : 1;
    this.scores = new Float64Array(data.docLengths.length);
  }

  get documentCount(): number {
    return this.data.docLengths.length;
  }

  /**
   * The most a document could match of the query: the sum of its distinct terms' IDF, a term no document holds
   * counting as the rarest. A document's BM25 over this is the share of the query it covers (about, at tf 1).
   */
  queryWeight(queryTerms: readonly string[]): number {
    const { termOffsets, docLengths } = this.data;
    let weight = 0;
    for (const term of new Set(queryTerms)) {
      const id = this.termIds.get(term);
      weight += idf(docLengths.length, id === undefined ? 0 : termOffsets[id + 1]! - termOffsets[id]!);
    }
    return weight;
  }

  /** The `k` best documents for the query terms (each counted once), best first; ties by document order. */
  search(queryTerms: readonly string[], k: number): ScoredDoc[] {
    const { docLengths, termOffsets, postingDocs, postingTfs, params } = this.data;
    const { k1, b } = params;
    const n = docLengths.length;
    const scores = this.scores;
    const touched: number[] = [];
    for (const term of new Set(queryTerms)) {
      const id = this.termIds.get(term);
      if (id === undefined) continue;
      const from = termOffsets[id]!;
      const to = termOffsets[id + 1]!;
      const termIdf = idf(n, to - from);
      for (let p = from; p < to; p++) {
        const doc = postingDocs[p]!;
        const tf = postingTfs[p]!;
        if (scores[doc] === 0) touched.push(doc);
        scores[doc] += (termIdf * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * docLengths[doc]!) / this.averageLength));
      }
    }
    const best = topK(touched, scores, k);
    for (const doc of touched) scores[doc] = 0;
    return best;
  }
}

/** BM25's inverse document frequency of a term found in `df` of `n` documents. */
function idf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** The k highest-scoring documents among `candidates`, with a bounded min-heap (O(n log k)). */
function topK(candidates: readonly number[], scores: Float64Array, k: number): ScoredDoc[] {
  if (k <= 0) return [];
  const worseThan = (a: number, b: number) => scores[a]! < scores[b]! || (scores[a] === scores[b] && a > b);
  const heap: number[] = [];
  for (const doc of candidates) {
    if (heap.length < k) {
      heap.push(doc);
      siftUp(heap, heap.length - 1, worseThan);
    } else if (worseThan(heap[0]!, doc)) {
      heap[0] = doc;
      siftDown(heap, 0, worseThan);
    }
  }
  return heap.sort((a, b) => (worseThan(a, b) ? 1 : worseThan(b, a) ? -1 : 0)).map((doc) => ({ doc, score: scores[doc]! }));
}

function siftUp(heap: number[], i: number, worse: (a: number, b: number) => boolean): void {
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!worse(heap[i]!, heap[parent]!)) return;
    [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
    i = parent;
  }
}

function siftDown(heap: number[], i: number, worse: (a: number, b: number) => boolean): void {
  for (;;) {
    const left = 2 * i + 1;
    const right = left + 1;
    let smallest = i;
    if (left < heap.length && worse(heap[left]!, heap[smallest]!)) smallest = left;
    if (right < heap.length && worse(heap[right]!, heap[smallest]!)) smallest = right;
    if (smallest === i) return;
    [heap[i], heap[smallest]] = [heap[smallest]!, heap[i]!];
    i = smallest;
  }
}
