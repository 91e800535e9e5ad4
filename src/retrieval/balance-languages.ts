/**
 * Dense similarity prefers passages in the query's own language: an Arabic question scores Arabic passages above an
 * Italian passage that answers it. Each passage's cosine is compared with the others of its language among the
 * query's deep candidate list (minus that language's median there), so the best passage of every language competes
 * on how far it stands out, not on the language's offset. A question in a language hardly any candidate is in (an
 * English question over Arabic, Italian and Kazakh documents) has no own-language preference to correct, and
 * re-ranking its candidates by language only adds noise: they keep their cosines. Pure.
 */
import type { RankedId } from '../index/types.js';

/** A dense candidate with its cosine (`score`) and its cosine less its language's median (`balanced`). */
export interface BalancedId extends RankedId {
  balanced: number;
}

/** Fewer candidates of a language than this keep their raw scores: a median of two or three says nothing. */
const MIN_PER_LANGUAGE = 4;

/**
 * The candidates with their balanced scores, best balanced first; with `queryLanguage` given and fewer than
 * MIN_PER_LANGUAGE candidates in it, their cosines as they are.
 * @example balanceLanguages(dense, (i) => chunks[i].language, 'ar').slice(0, 20)
 */
export function balanceLanguages(candidates: readonly RankedId[], languageOf: (index: number) => string, queryLanguage?: string): BalancedId[] {
  const byLanguage = new Map<string, number[]>();
  for (const c of candidates) {
    const language = languageOf(c.index);
    const scores = byLanguage.get(language);
    if (scores) scores.push(c.score);
    else byLanguage.set(language, [c.score]);
  }
  const corrects = queryLanguage === undefined || (byLanguage.get(queryLanguage)?.length ?? 0) >= MIN_PER_LANGUAGE;
  const median = new Map([...byLanguage].map(([language, scores]) => [language, scores.length >= MIN_PER_LANGUAGE ? middle(scores) : undefined]));
  const overall = middle(candidates.map((c) => c.score));
  const offset = (index: number) => (corrects ? (median.get(languageOf(index)) ?? overall) : 0);
  const balanced = candidates.map((c) => ({ ...c, balanced: c.score - offset(c.index) }));
  return balanced.sort((a, b) => b.balanced - a.balanced || a.index - b.index);
}

function middle(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
