/**
 * A SentencePiece Unigram model held compactly: one Map from piece to id and a Float64Array of scores (no per-character
 * trie), segmenting by Viterbi over code points with candidate pieces found by substring lookup up to the longest
 * piece. Ties, the unknown-token score and the fusion of unknown runs follow transformers.js v4 (`@huggingface/tokenizers`)
 * exactly, so the ids are the same.
 */

/** Pieces and their scores, by id. */
export interface UnigramVocab {
  pieces: readonly string[];
  scores: ArrayLike<number>;
}

export interface UnigramModel {
  unkId: number;
  /** Piece to id; for a piece listed twice the later id wins, as in transformers.js. */
  idOf: Map<string, number>;
  /** Pieces and their ids for one pre-token, unknown runs fused into one `unkId` piece. */
  segment(text: string): { pieces: string[]; ids: number[] };
}

/**
 * @example const model = unigramModel({ pieces: ['<unk>', '▁a'], scores: [0, -1] }, 0); model.segment('▁a').ids; // [1]
 */
export function unigramModel(vocab: UnigramVocab, unkId: number): UnigramModel {
  const idOf = new Map<string, number>();
  const scores = Float64Array.from(vocab.scores);
  let maxLength = 1;
  let minScore = Infinity;
  // Hashes of every piece and of every start of one: a lookup stops as soon as no piece can begin with the text.
  const prefixes = new Uint32Array(HASH_BITS / 32);
  const wholes = new Uint32Array(HASH_BITS / 32);
  vocab.pieces.forEach((piece, id) => {
    idOf.set(piece, id);
    minScore = Math.min(minScore, scores[id]!);
    maxLength = Math.max(maxLength, codePointLength(piece));
    let hash = HASH_SEED;
    for (let i = 0; i < piece.length; i++) setBit(prefixes, (hash = hashStep(hash, piece.charCodeAt(i))));
    setBit(wholes, hash);
  });
  // SentencePiece's penalty: an unknown character costs 10 below the rarest piece (the <unk> piece itself too).
  const unkScore = minScore - 10;
  scores[unkId] = unkScore;

  const segment = (text: string) => {
    const starts = codePointStarts(text);
    const n = starts.length - 1;
    const best = new Float64Array(n + 1).fill(-Infinity);
    const from = new Int32Array(n + 1);
    const chosen = new Int32Array(n + 1);
    best[0] = 0;
    // Begin positions ascending, longer pieces first per end: the first of equal scores wins, as in the lattice.
    for (let b = 0; b < n; b++) {
      const base = best[b]!;
      const limit = Math.min(n, b + maxLength);
      let hasSingle = false;
      let hash = HASH_SEED;
      for (let e = b + 1; e <= limit; e++) {
        for (let i = starts[e - 1]!; i < starts[e]!; i++) hash = hashStep(hash, text.charCodeAt(i));
        if (!hasBit(prefixes, hash)) break;
        if (!hasBit(wholes, hash)) continue;
        const id = idOf.get(text.slice(starts[b], starts[e]));
        if (id === undefined) continue;
        if (e === b + 1) hasSingle = true;
        const score = base + scores[id]!;
        if (score > best[e]!) {
          best[e] = score;
          from[e] = b;
          chosen[e] = id;
        }
      }
      if (!hasSingle && base + unkScore > best[b + 1]!) {
        best[b + 1] = base + unkScore;
        from[b + 1] = b;
        chosen[b + 1] = unkId;
      }
    }
    const ends: number[] = [];
    for (let e = n; e > 0; e = from[e]!) ends.push(e);
    ends.reverse();
    const pieces: string[] = [];
    const ids: number[] = [];
    let begin = 0;
    for (const end of ends) {
      const piece = text.slice(starts[begin], starts[end]);
      const id = chosen[end]!;
      begin = end;
      if (id === unkId && ids.at(-1) === unkId) {
        // transformers.js fuses a run of unknown pieces into one, keeping a literal "<unk>" piece as it is.
        if (idOf.get(pieces.at(-1)!) !== unkId) pieces[pieces.length - 1] += piece;
        continue;
      }
      pieces.push(piece);
      ids.push(id);
    }
    return { pieces, ids };
  };
  return { unkId, idOf, segment };
}

/** 2^23 bits (1 MB) per table: ~6% false hits for the ~0.5 M piece starts of a 250 k vocabulary. */
const HASH_BITS = 1 << 23;
const HASH_SEED = 0x811c9dc5;
/** FNV-1a over UTF-16 code units. */
const hashStep = (hash: number, unit: number) => Math.imul(hash ^ unit, 0x01000193) >>> 0;
const setBit = (bits: Uint32Array, hash: number) => (bits[(hash & (HASH_BITS - 1)) >>> 5]! |= 1 << (hash & 31));
const hasBit = (bits: Uint32Array, hash: number) => (bits[(hash & (HASH_BITS - 1)) >>> 5]! & (1 << (hash & 31))) !== 0;

/** UTF-16 offsets of each code point of `text` (a lone surrogate counts as one), plus the end. */
function codePointStarts(text: string): Int32Array {
  const starts = new Int32Array(text.length + 1);
  let count = 0;
  for (let i = 0; i < text.length; count++) {
    starts[count] = i;
    i += (text.codePointAt(i)! > 0xffff ? 2 : 1);
  }
  starts[count] = text.length;
  return starts.subarray(0, count + 1);
}

function codePointLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; count++) i += text.codePointAt(i)! > 0xffff ? 2 : 1;
  return count;
}
