/** Side by side with LangChain.js: the same vectors in our HnswIndex and in @langchain/community's HNSWLib, timed pair by pair. */
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { Document } from '@langchain/core/documents';
import { Embeddings } from '@langchain/core/embeddings';
import { HnswIndex, exactSearch, type HnswParams } from '../index/hnsw-index.js';
import type { LoadedIndex } from '../index/types.js';
import { createSearcher } from '../retrieval/create-searcher.js';
import { mean, percentile, round } from './stats.js';

/** Query vectors looked up by text: what both sides "embed" a query with, so no model time is measured. */
class LookupEmbeddings extends Embeddings {
  constructor(private readonly vectors: ReadonlyMap<string, number[]>) {
    super({});
  }
  private lookup(text: string): number[] {
    const vector = this.vectors.get(text);
    if (!vector) throw new Error(`LookupEmbeddings has no vector for "${text.slice(0, 40)}": only the benchmark's queries can be embedded.`);
    return vector;
  }
  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.lookup(t));
  }
  async embedQuery(text: string): Promise<number[]> {
    return this.lookup(text);
  }
}

/** One paired comparison: ours / theirs < 1 means ours is faster. */
export interface PairedTiming {
  name: string;
  pairs: number;
  oursMedianMs: number;
  theirsMedianMs: number;
  oursP95Ms: number;
  theirsP95Ms: number;
  /** Median of ours divided by median of theirs. */
  ratio: number;
  /** Recall@k against brute force, where it applies. */
  oursRecall?: number;
  theirsRecall?: number;
  settings: string;
}

export interface LangChainComparison {
  vectors: number;
  dimensions: number;
  builds: PairedTiming[];
  search: PairedTiming[];
}

/** hnswlib's own default search list size, which HNSWLib leaves in place. */
const HNSWLIB_DEFAULT_EF = 10;

export interface CompareInput {
  /** The loaded benchmark index (chunks, lexical index); its dense part is replaced by the HnswIndex built here. */
  index: LoadedIndex;
  vectors: readonly Float32Array[];
  dimensions: number;
  params: HnswParams;
  /** Query texts and their vectors. */
  queries: readonly { text: string; vector: Float32Array }[];
  k: number;
  buildRepeats: number;
}

/** hnswlib-node's initIndex defaults, which HNSWLib always uses (it offers no way to pass M or efConstruction). */
export const LANGCHAIN_GRAPH = { m: 16, efConstruction: 200 } as const;

/**
 * Builds both indexes `buildRepeats` times and runs every query on both, alternating which side goes first.
 * Build and search are compared with equal settings (ours given LangChain's fixed M and efConstruction, both
 * searching at our efSearch), then each side as it is configured or shipped: ours with the configured settings,
 * LangChain with its defaults (efConstruction 200, hnswlib's default search ef of 10).
 */
export async function compareWithLangChain(input: CompareInput): Promise<LangChainComparison> {
  const { vectors, dimensions, params, queries, k } = input;
  const arrays = vectors.map((v) => Array.from(v));
  const documents = input.index.chunks.map((c) => new Document({ pageContent: c.text, metadata: { id: c.id, file: c.file, paragraph: c.paragraph } }));
  const embeddings = new LookupEmbeddings(new Map(queries.map((q) => [q.text, Array.from(q.vector)])));
  const sameGraph: HnswParams = { ...params, ...LANGCHAIN_GRAPH };
  const configuredDiffers = params.m !== LANGCHAIN_GRAPH.m || params.efConstruction !== LANGCHAIN_GRAPH.efConstruction;

  let theirs: HNSWLib | undefined;
  const buildTheirs = async () => {
    theirs = new HNSWLib(embeddings, { space: 'cosine', numDimensions: dimensions });
    await theirs.addVectors(arrays, documents);
  };
  let oursSame: HnswIndex | undefined;
  const graphOf = (p: HnswParams) => `M=${p.m}, efConstruction=${p.efConstruction}`;
  const builds = [
    await pairTimings('build, same settings', input.buildRepeats, async () => void (oursSame = HnswIndex.build(vectors, dimensions, sameGraph)), buildTheirs, `${graphOf(sameGraph)} on both`),
  ];
  let oursConfigured = oursSame!;
  if (configuredDiffers) {
    builds.push(
      await pairTimings('build, each as configured', input.buildRepeats, async () => void (oursConfigured = HnswIndex.build(vectors, dimensions, params)), buildTheirs, `ours ${graphOf(params)}; LangChain ${graphOf(sameGraph)}`),
    );
  }

  const queryArrays = queries.map((q) => Array.from(q.vector));
  const truth = queries.map((q) => new Set(exactSearch(vectors, q.vector, k).map((r) => r.index)));
  const recallOf = (lists: number[][]) => round(mean(lists.map((ids, i) => ids.filter((id) => truth[i]!.has(id)).length / k)), 4);
  const positionOf = new Map(input.index.chunks.map((c, i) => [c.id, i]));
  const vectorSearch = async (name: string, ours: HnswIndex, theirsEf: number, settings: string) => {
    const oursIds: number[][] = [];
    const theirsIds: number[][] = [];
    theirs!.index.setEf(theirsEf);
    const timing = await pairTimings(
      name,
      queries.length,
      async (i) => void (oursIds[i] = ours.search(queryArrays[i]!, k).map((r) => r.index)),
      async (i) => void (theirsIds[i] = (await theirs!.similaritySearchVectorWithScore(queryArrays[i]!, k)).map(([doc]) => positionOf.get(doc.metadata.id as string)!)),
      settings,
    );
    return { ...timing, oursRecall: recallOf(oursIds), theirsRecall: recallOf(theirsIds) };
  };
  const sameSettings = await vectorSearch(`top-${k} by vector, same settings`, oursSame!, params.efSearch, `${graphOf(sameGraph)}, efSearch ${params.efSearch} on both`);
  const asShipped = await vectorSearch(
    `top-${k} by vector, each as configured`,
    oursConfigured,
    HNSWLIB_DEFAULT_EF,
    `ours ${graphOf(params)}, efSearch ${params.efSearch}; LangChain ${graphOf(sameGraph)}, ef ${HNSWLIB_DEFAULT_EF} (hnswlib default)`,
  );

  theirs!.index.setEf(params.efSearch);
  const searcher = createSearcher({ index: { ...input.index, dense: oursConfigured }, embedQuery: (text) => embeddings.embedQuery(text) });
  const topK = 5;
  const fullPath = await pairTimings(
    `query text → top-${topK} (ours: createSearcher, dense mode, one hit per paragraph; LangChain: similaritySearchWithScore)`,
    queries.length,
    async (i) => void (await searcher.search(queries[i]!.text, { topK, mode: 'dense' })),
    async (i) => void (await theirs!.similaritySearchWithScore(queries[i]!.text, topK)),
    `ours as configured; LangChain ef ${params.efSearch}`,
  );
  return { vectors: vectors.length, dimensions, builds, search: [sameSettings, asShipped, fullPath] };
}

/** Runs `ours(i)` and `theirs(i)` for i < n, alternating which goes first, and compares median times. */
async function pairTimings(
  name: string,
  n: number,
  ours: (i: number) => Promise<void>,
  theirs: (i: number) => Promise<void>,
  settings: string,
): Promise<PairedTiming> {
  const oursMs: number[] = [];
  const theirsMs: number[] = [];
  const time = async (fn: (i: number) => Promise<void>, i: number, into: number[]) => {
    const started = performance.now();
    await fn(i);
    into.push(performance.now() - started);
  };
  for (let i = 0; i < n; i++) {
    if (i % 2 === 0) {
      await time(ours, i, oursMs);
      await time(theirs, i, theirsMs);
    } else {
      await time(theirs, i, theirsMs);
      await time(ours, i, oursMs);
    }
  }
  const oursMedian = percentile(oursMs, 50);
  const theirsMedian = percentile(theirsMs, 50);
  return {
    name,
    pairs: n,
    oursMedianMs: round(oursMedian, 4),
    theirsMedianMs: round(theirsMedian, 4),
    oursP95Ms: round(percentile(oursMs, 95), 4),
    theirsP95Ms: round(percentile(theirsMs, 95), 4),
    ratio: round(oursMedian / theirsMedian, 3),
    settings,
  };
}
