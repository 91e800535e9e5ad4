/** Approximate cosine nearest-neighbour index over chunk embeddings (hnswlib), saved as a binary file. */
import hnswlib from 'hnswlib-node';
import type { Vector } from './exact-search.js';
import type { LoadedIndex, RankedId } from './types.js';

export { exactSearch, type Vector } from './exact-search.js';

/** HNSW graph parameters (see `hnsw` in src/config.ts). */
export interface HnswParams {
  /** Links per node: more gives better recall, more memory. */
  m: number;
  /** Candidate list size while building: more gives a better graph, slower build. */
  efConstruction: number;
  /** Candidate list size while searching: more gives better recall, slower queries. */
  efSearch: number;
}

/** Thrown for vectors or files that do not fit the index; the message says what to do. */
export class HnswIndexError extends Error {
  override name = 'HnswIndexError';
}

// Fixed so that the same vectors always give the same graph (reproducible builds and tests).
const RANDOM_SEED = 100;

/**
 * Cosine-similarity search over vectors labelled by their position in the build array.
 * @example
 * const dense = HnswIndex.build(vectors, 384, { m: 16, efConstruction: 200, efSearch: 100 });
 * dense.search(queryVector, 10); // [{ index: 42, score: 0.87 }, …]
 */
export class HnswIndex implements NonNullable<LoadedIndex['dense']> {
  private constructor(
    private readonly graph: hnswlib.HierarchicalNSW,
    /** Vector length. */
    readonly dims: number,
    /** Number of vectors indexed. */
    readonly size: number,
  ) {}

  /** Indexes `vectors` (each of length `dims`); result indexes are positions in this array. */
  static build(vectors: readonly Vector[], dims: number, params: HnswParams): HnswIndex {
    const graph = new hnswlib.HierarchicalNSW('cosine', dims);
    graph.initIndex(Math.max(1, vectors.length), params.m, params.efConstruction, RANDOM_SEED);
    vectors.forEach((vector, label) => {
      if (vector.length !== dims) {
        throw new HnswIndexError(`Vector ${label} has ${vector.length} dimensions, expected ${dims}: embed every chunk with the same model.`);
      }
      graph.addPoint(Array.from(vector), label);
    });
    const index = new HnswIndex(graph, dims, vectors.length);
    index.setEfSearch(params.efSearch);
    return index;
  }

  /**
   * Reads an index written by {@link HnswIndex.save}. `dims` and `count` come from the manifest and
   * are checked against the file, so a stale or mismatched file fails here rather than mid-query.
   */
  static load(path: string, dims: number, count: number, efSearch: number): HnswIndex {
    const graph = new hnswlib.HierarchicalNSW('cosine', dims);
    try {
      graph.readIndexSync(path);
    } catch (error) {
      throw new HnswIndexError(`Cannot read the vector index ${path} (${(error as Error).message}): rebuild the index (npm run index).`);
    }
    if (graph.getCurrentCount() !== count) {
      throw new HnswIndexError(
        `Vector index ${path} holds ${graph.getCurrentCount()} vectors but the manifest lists ${count} chunks: rebuild the index (npm run index).`,
      );
    }
    const index = new HnswIndex(graph, dims, count);
    index.setEfSearch(efSearch);
    return index;
  }

  /** Sets the search candidate list size (higher: better recall, slower). */
  setEfSearch(efSearch: number): void {
    this.graph.setEf(Math.max(1, Math.floor(efSearch)));
  }

  /** Up to `k` nearest vectors, most similar first; `score` is cosine similarity. */
  search(vector: Vector, k: number): RankedId[] {
    if (vector.length !== this.dims) {
      throw new HnswIndexError(`Query vector has ${vector.length} dimensions, the index ${this.dims}: use the model the index was built with.`);
    }
    const limit = Math.min(Math.floor(k), this.size);
    if (limit <= 0) return [];
    const { neighbors, distances } = this.graph.searchKnn(Array.from(vector), limit);
    return neighbors.map((index, i) => ({ index, score: 1 - distances[i] }));
  }

  /** Writes the graph and its vectors to `path` (a single binary file). */
  save(path: string): void {
    this.graph.writeIndexSync(path);
  }
}
