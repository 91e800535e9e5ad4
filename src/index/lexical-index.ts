/** BM25 keyword index over chunks (MiniSearch), with the multilingual analyzer and a versioned JSON form. */
import MiniSearch, { type AsPlainObject, type Options, type SearchOptions } from 'minisearch';
import type { Chunk } from '../chunking/types.js';
import type { DetectedLanguage } from '../corpus/types.js';
import { ANALYZER_VERSION, analyzeText, phoneticTerms } from './analyzer.js';
import type { LoadedIndex, RankedId } from './types.js';

/** Version of {@link LexicalIndexJSON}; bump when its shape or meaning changes. */
export const LEXICAL_FORMAT_VERSION = 2;

/** The saved form of a {@link LexicalIndex}. */
export interface LexicalIndexJSON {
  formatVersion: number;
  analyzerVersion: number;
  /** Number of chunks indexed, checked against the chunk list on load. */
  chunkCount: number;
  miniSearch: AsPlainObject;
}

type LexicalSearcher = LoadedIndex['lexical'];

/** What MiniSearch indexes per chunk: its analysed terms, space-joined. */
interface IndexedChunk {
  index: number;
  text: string;
  /** Terms from the part of `embedText` that is not the chunk's own text (e.g. a document title). */
  context: string;
  /** Cross-script consonant keys of the chunk's words: the lexical bridge between languages. */
  phonetic: string;
}

const MINISEARCH_OPTIONS: Options<IndexedChunk> = {
  idField: 'index',
  fields: ['text', 'context', 'phonetic'],
  // Documents and queries are analysed before they reach MiniSearch (the analyzer needs the
  // language, which MiniSearch's per-term hooks never see), so these only split and pass through.
  tokenize: (terms) => terms.split(' '),
  processTerm: (term) => term || null,
};

/** Low, so that a phonetic match decides only where no word is shared (another language, or another spelling). */
const PHONETIC_BOOST = 0.3;

const SEARCH_OPTIONS: SearchOptions = {
  combineWith: 'OR',
  prefix: false,
  fuzzy: false,
  boost: { text: 1, context: 0.4, phonetic: PHONETIC_BOOST },
  bm25: { k: 1.2, b: 0.75, d: 0.5 },
};

/** Thrown when a saved lexical index cannot be used; the message says how to fix it. */
export class LexicalIndexError extends Error {
  override name = 'LexicalIndexError';
}

/**
 * BM25 ranking of chunks by shared terms with a query.
 * @example
 * const lexical = LexicalIndex.build(chunks);
 * lexical.search('elezioni Majilis', 5, 'it'); // [{ index: 0, score: 7.3 }, …]
 */
export class LexicalIndex implements LexicalSearcher {
  private constructor(
    private readonly engine: MiniSearch<IndexedChunk>,
    private readonly chunkCount: number,
  ) {}

  /** Indexes `chunks`; result indexes are positions in this array. */
  static build(chunks: readonly Chunk[]): LexicalIndex {
    const engine = new MiniSearch<IndexedChunk>(MINISEARCH_OPTIONS);
    engine.addAll(chunks.map(toIndexedChunk));
    return new LexicalIndex(engine, chunks.length);
  }

  /**
   * Restores an index saved with {@link LexicalIndex.toJSON}. Pass the chunk list it will serve
   * to check that they belong together.
   */
  static fromJSON(json: unknown, chunks?: readonly Chunk[]): LexicalIndex {
    const saved = json as Partial<LexicalIndexJSON> | null;
    if (saved?.formatVersion !== LEXICAL_FORMAT_VERSION || saved.analyzerVersion !== ANALYZER_VERSION) {
      throw new LexicalIndexError(
        `Lexical index format ${saved?.formatVersion}/analyzer ${saved?.analyzerVersion} does not match this ` +
          `version (${LEXICAL_FORMAT_VERSION}/${ANALYZER_VERSION}): rebuild the index (npm run index).`,
      );
    }
    if (typeof saved.chunkCount !== 'number' || !saved.miniSearch) {
      throw new LexicalIndexError('Lexical index file is incomplete: rebuild the index (npm run index).');
    }
    if (chunks && chunks.length !== saved.chunkCount) {
      throw new LexicalIndexError(
        `Lexical index covers ${saved.chunkCount} chunks but ${chunks.length} were loaded: rebuild the index (npm run index).`,
      );
    }
    const engine = MiniSearch.loadJS<IndexedChunk>(saved.miniSearch, MINISEARCH_OPTIONS);
    return new LexicalIndex(engine, saved.chunkCount);
  }

  /** Up to `k` chunks sharing terms with `query`, best BM25 score first; `language` is the query's. */
  search(query: string, k: number, language?: DetectedLanguage): RankedId[] {
    const terms = [...new Set([...analyzeText(query, language), ...phoneticTerms(query, language)])];
    if (terms.length === 0 || k <= 0) return [];
    return this.engine
      .search(terms.join(' '), SEARCH_OPTIONS)
      .slice(0, k)
      .map((result) => ({ index: result.id as number, score: result.score }));
  }

  /** Plain-object form for `JSON.stringify`, restored by {@link LexicalIndex.fromJSON}. */
  toJSON(): LexicalIndexJSON {
    return {
      formatVersion: LEXICAL_FORMAT_VERSION,
      analyzerVersion: ANALYZER_VERSION,
      chunkCount: this.chunkCount,
      miniSearch: this.engine.toJSON(),
    };
  }
}

function toIndexedChunk(chunk: Chunk, index: number): IndexedChunk {
  const context = chunk.embedText.includes(chunk.text) ? chunk.embedText.replace(chunk.text, ' ') : '';
  return {
    index,
    text: analyzeText(chunk.text, chunk.language).join(' '),
    context: analyzeText(context, chunk.language).join(' '),
    phonetic: phoneticTerms(chunk.text, chunk.language).join(' '),
  };
}
