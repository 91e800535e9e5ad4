/** The Searcher over a loaded index: lexical, dense or both fused, at most one hit per paragraph. */
import type { Chunk } from '../chunking/types.js';
import { DEFAULT_FUSION, DEFAULT_HEADING_CHARS } from '../config.js';
import type { LoadedIndex } from '../index/types.js';
import { balanceLanguages, type BalancedId } from './balance-languages.js';
import { fuseScores } from './fuse-scores.js';
import { headingChunks } from './heading-chunks.js';
import type { RetrievalMode, SearchHit, SearchOptions, Searcher } from './types.js';

export interface SearcherDeps {
  index: LoadedIndex;
  /** Embeds a query (with the model's query prefix). Required for dense and hybrid search. */
  embedQuery?: (query: string) => Promise<number[]>;
  /** Hybrid fusion: the weight of lexical coverage beside the balanced dense score (see fuse-scores.ts). */
  fusion?: { lexicalWeight: number };
  /**
   * Most characters of a query the model embeds (QUERY_EMBED_MAX_CHARS): the rest still counts for BM25. Embedding
   * cost grows with length, so this bounds what one question can make the server spend. Default: no cap.
   */
  maxEmbedChars?: number;
  /** Re-rank dense candidates against their own language's scores (see balance-languages.ts). Default true. */
  balanceLanguages?: boolean;
  /**
   * A paragraph shorter than this that heads a longer one is a heading: a hit only when too few others are found
   * (see heading-chunks.ts). Default: config's `chunking.shortParagraphChars`.
   */
  headingChars?: number;
}

/**
 * How many candidates each index contributes per requested hit, before paragraph de-duplication and headings are set
 * aside (a corpus of many short articles holds as many title lines as passages, and they match first).
 */
const CANDIDATES_PER_HIT = 8;
/** Dense candidates read before language balancing, per candidate kept: enough for every language's median. */
export const BALANCE_DEPTH = 4;

/** Candidates each index contributes for `topK` hits. */
export const candidatesFor = (topK: number) => Math.max(topK * CANDIDATES_PER_HIT, 40);

/**
 * Creates a Searcher. Its default mode is hybrid when the index has vectors and a query embedder is given, lexical otherwise.
 * @example const searcher = createSearcher({ index, embedQuery: (q) => embedder.embedQuery(q) });
 */
export function createSearcher({
  index,
  embedQuery,
  fusion = DEFAULT_FUSION,
  maxEmbedChars = Infinity,
  balanceLanguages: balance = true,
  headingChars = DEFAULT_HEADING_CHARS,
}: SearcherDeps): Searcher & { defaultMode: RetrievalMode } {
  const denseAvailable = Boolean(index.dense && embedQuery);
  const headings = headingChunks(index.chunks, headingChars);
  const defaultMode: RetrievalMode = denseAvailable ? 'hybrid' : 'lexical';

  async function search(query: string, options: SearchOptions): Promise<SearchHit[]> {
    const mode = options.mode ?? defaultMode;
    if (mode !== 'lexical' && !denseAvailable) {
      throw new Error(`Cannot search in ${mode} mode: this index has no vectors or no embedding model is loaded.`);
    }
    const candidates = candidatesFor(options.topK);
    const lexical = mode === 'dense' ? [] : index.lexical.search(query, candidates, options.language);
    const dense = mode === 'lexical' ? [] : await denseCandidates(await embedQuery!(embeddedPart(query, maxEmbedChars)), candidates, options.language);

    const ranked =
      mode === 'hybrid'
        ? fuseScores(lexical, dense, fusion.lexicalWeight)
        : mode === 'lexical'
          ? lexical.map((r) => ({ index: r.index, score: r.score, lexicalScore: r.score }))
          : dense.slice(0, candidates).map((r) => ({ index: r.index, score: r.score, denseScore: r.score }));

    return onePerParagraph(ranked, index, headings, options.topK);
  }

  /** The deep dense list, balanced across languages (or as the model ranks it, with balancing off). */
  async function denseCandidates(vector: number[], candidates: number, language: string | undefined): Promise<BalancedId[]> {
    const deep = await index.dense!.search(vector, candidates * BALANCE_DEPTH);
    if (!balance) return deep.map((d) => ({ ...d, balanced: d.score }));
    return balanceLanguages(deep, (i) => index.chunks[i]?.language ?? 'other', language);
  }

  return { search, defaultMode };
}

/** Keeps the best-ranked chunk of each paragraph, up to topK, each with its document's title; headings only to fill up. */
function onePerParagraph(
  ranked: { index: number; score: number; lexicalScore?: number; denseScore?: number }[],
  { chunks, documents }: Pick<LoadedIndex, 'chunks' | 'documents'>,
  headings: ReadonlySet<number>,
  topK: number,
): SearchHit[] {
  const seen = new Set<string>();
  const hits: SearchHit[] = [];
  const headingHits: SearchHit[] = [];
  for (const r of ranked) {
    const chunk = chunks[r.index];
    if (!chunk) continue;
    const paragraphKey = `${chunk.file}#${chunk.paragraph}`;
    if (seen.has(paragraphKey)) continue;
    seen.add(paragraphKey);
    const title = documents.get(chunk.file)?.title ?? chunk.file;
    const hit = { chunk, title, score: r.score, lexicalScore: r.lexicalScore, denseScore: r.denseScore };
    if (headings.has(r.index)) headingHits.push(hit);
    else if (hits.push(hit) === topK) break;
  }
  return [...hits, ...headingHits.slice(0, topK - hits.length)];
}

/**
 * The start of a query the model embeds: at most `maxChars` UTF-16 units, cut after the last whitespace within
 * them when there is one (no half words), never inside a surrogate pair.
 * @example embeddedPart('uno due tre', 8) // 'uno due'
 */
export function embeddedPart(query: string, maxChars: number): string {
  if (query.length <= maxChars) return query;
  let cut = query.slice(0, maxChars);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const space = cut.search(/\s\S*$/);
  return (space > maxChars / 2 ? cut.slice(0, space) : cut).trimEnd();
}
