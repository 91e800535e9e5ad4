/** BM25F keyword index over chunks, with the multilingual analyzer and a versioned binary form. */
import type { Chunk } from '../chunking/types.js';
import type { DetectedLanguage } from '../corpus/types.js';
import { ANALYZER_VERSION, analyzeForIndex, analyzeText } from './analyzer.js';
import { decodeBm25, encodeBm25, readBm25Header } from './bm25-file.js';
import { Bm25Searcher, buildBm25, type Bm25Data, type WeightedTerms } from './bm25-index.js';
import type { LoadedIndex, RankedId } from './types.js';

/** Version of the saved form; bump when its shape or meaning changes. */
export const LEXICAL_FORMAT_VERSION = 3;

/**
 * Field weights (BM25F). The chunk's own words count fully; its context (a heading's document title) less;
 * cross-script phonetic keys least, so they decide only where no word is shared (another language or spelling).
 */
type LexicalSearcher = LoadedIndex['lexical'];

const FIELD_WEIGHTS = { text: 1, context: 0.4, phonetic: 0.3 } as const;

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
  private readonly searcher: Bm25Searcher;

  private constructor(private readonly data: Bm25Data) {
    this.searcher = new Bm25Searcher(data);
  }

  /** Indexes `chunks`; result indexes are positions in this array. */
  static build(chunks: readonly Chunk[]): LexicalIndex {
    return new LexicalIndex(buildBm25(chunks.map(fieldsOf)));
  }

  /** Restores an index saved with {@link LexicalIndex.toBuffer}; pass the chunks it serves to check they belong together. */
  static fromBuffer(buffer: Buffer, chunks?: readonly Chunk[]): LexicalIndex {
    const header = readBm25Header(buffer);
    const analyzer = header?.extra.analyzerVersion;
    if (header?.formatVersion !== LEXICAL_FORMAT_VERSION || analyzer !== ANALYZER_VERSION) {
      throw new LexicalIndexError(
        `The lexical index has format ${header?.formatVersion}/analyzer ${analyzer}, this version reads ` +
          `${LEXICAL_FORMAT_VERSION}/${ANALYZER_VERSION}: rebuild the index (npm run index).`,
      );
    }
    if (chunks && chunks.length !== header.docCount) {
      throw new LexicalIndexError(
        `The lexical index covers ${header.docCount} chunks but ${chunks.length} were loaded: rebuild the index (npm run index).`,
      );
    }
    try {
      return new LexicalIndex(decodeBm25(buffer));
    } catch (error) {
      throw new LexicalIndexError(`The lexical index file is damaged (${(error as Error).message}): rebuild the index (npm run index).`);
    }
  }

  /** Up to `k` chunks sharing terms with `query`, best BM25 score first, each with its coverage of the query; `language` is the query's. */
  search(query: string, k: number, language?: DetectedLanguage): RankedId[] {
    const { terms: words, phonetic } = analyzeForIndex(query, language);
    const terms = [...words, ...phonetic];
    if (terms.length === 0 || k <= 0) return [];
    const weight = this.searcher.queryWeight(terms);
    return this.searcher.search(terms, k).map(({ doc, score }) => ({ index: doc, score, coverage: Math.min(1, score / weight) }));
  }

  /** The saved form, restored by {@link LexicalIndex.fromBuffer}. */
  toBuffer(): Buffer {
    return encodeBm25(this.data, LEXICAL_FORMAT_VERSION, { analyzerVersion: ANALYZER_VERSION });
  }
}

function fieldsOf(chunk: Chunk): WeightedTerms[] {
  const context = chunk.embedText.includes(chunk.text) ? chunk.embedText.replace(chunk.text, ' ') : '';
  const own = analyzeForIndex(chunk.text, chunk.language);
  return [
    { terms: own.terms, weight: FIELD_WEIGHTS.text },
    { terms: analyzeText(context, chunk.language), weight: FIELD_WEIGHTS.context },
    { terms: own.phonetic, weight: FIELD_WEIGHTS.phonetic },
  ];
}
