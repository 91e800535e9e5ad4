/**
 * Hybrid ranking by score: a chunk's balanced dense score (its cosine less its language's median among the dense
 * candidates, see balance-languages.ts) plus `lexicalWeight` × its lexical coverage (the share of the question's IDF
 * weight it matches). Rank fusion gave the lexical list's first hit the same bonus however little it matched, so for
 * a question whose answer is in another language, a passage in the question's language sharing only "Kazakhstan"
 * won; its coverage is small, while a same-language answer holding the question's own words covers much of it. Pure.
 */
import type { RankedId } from '../index/types.js';
import type { BalancedId } from './balance-languages.js';

export interface FusedHit {
  index: number;
  /** The fused score: balanced dense score + lexicalWeight × coverage. */
  score: number;
  /** BM25, when the lexical list holds the chunk. */
  lexicalScore?: number;
  /** Cosine, when the dense list holds the chunk. */
  denseScore?: number;
}

/**
 * The chunks of both lists, best fused score first (ties by chunk order). A chunk the dense list missed counts
 * as its lowest balanced score: the dense model ranked it below all of them.
 * @example fuseScores(lexical, balanceLanguages(dense, languageOf), 0.15)
 */
export function fuseScores(lexical: readonly RankedId[], dense: readonly BalancedId[], lexicalWeight: number): FusedHit[] {
  const floor = dense.length ? Math.min(...dense.map((d) => d.balanced)) : 0;
  const fused = new Map<number, FusedHit>(dense.map((d) => [d.index, { index: d.index, score: d.balanced, denseScore: d.score }]));
  for (const l of lexical) {
    const hit = fused.get(l.index) ?? { index: l.index, score: floor };
    hit.score += lexicalWeight * (l.coverage ?? 0);
    hit.lexicalScore = l.score;
    fused.set(l.index, hit);
  }
  return [...fused.values()].sort((a, b) => b.score - a.score || a.index - b.index);
}
