/**
 * Follow-up questions without an LLM: a question that leans on the previous one ("and in 2019?", "who financed it?")
 * is searched twice, alone and joined to the previous question, and the two rankings are fused. A question that
 * stands alone is searched as it is, so history never hurts it.
 */
import type { DetectedLanguage } from '../corpus/types.js';
import { fuseRankings } from './fuse-rankings.js';
import type { FusionOptions } from './fuse-rankings.js';
import type { SearchHit, SearchOptions, Searcher } from './types.js';

/**
 * Fusion of [the follow-up alone, joined to the previous question]: the joined query weighs more, since a follow-up
 * alone names too little to find its passage (weights measured with `npm run eval -- --follow-ups`, docs/team.md).
 */
export const FOLLOW_UP_FUSION: FusionOptions = { k: 5, weights: [1, 2] };

/** One earlier exchange of the conversation, oldest first. */
export interface Turn {
  question: string;
  answer?: string;
}

/** Questions of at most this many words are taken as follow-ups whatever their words (measured: docs/team.md). */
export const SHORT_QUESTION_WORDS = 4;

// Words that point back to something named before, per language (lower case); Arabic also by its attached pronouns.
const POINTING_WORDS: Record<string, ReadonlySet<string>> = {
  en: new Set(['it', 'its', 'they', 'them', 'their', 'he', 'she', 'him', 'her', 'his', 'this', 'that', 'these', 'those', 'there', 'then', 'same', 'so']),
  it: new Set(['lui', 'lei', 'esso', 'essa', 'essi', 'loro', 'suo', 'sua', 'suoi', 'sue', 'questo', 'questa', 'questi', 'quello', 'quella', 'quelli', 'ciò', 'così', 'lì', 'allora', 'stesso', 'stessa', 'lo', 'li', 'ne']),
  kk: new Set(['ол', 'оны', 'оның', 'оған', 'онда', 'одан', 'олар', 'олардың', 'оларды', 'бұл', 'бұның', 'осы', 'сол', 'соның', 'мұнда', 'сонда']),
  ar: new Set(['هو', 'هي', 'هم', 'هن', 'ذلك', 'تلك', 'هذا', 'هذه', 'هؤلاء', 'هناك', 'حينها', 'نفسه', 'نفسها']),
};
// Openings that continue the previous question: "and …", "what about …", Arabic و- fused to a question word.
const CONTINUING_START = /^(?:and|but|what about|how about|e|ed|ma|e invece|ал|және|ал енді|وماذا|وفي|ومن|ولماذا|وكيف|ومتى|وأين|وكم|وهل|وما|وعن)(?:\s|$)/iu;
const ARABIC_ATTACHED_PRONOUN = /[\u0621-\u064A]{2,}(?:ه|ها|هم|هما|هن)$/u;

/**
 * Whether `question` likely depends on the previous one: short, opening with "and …"-like words, or holding a
 * pronoun that points back.
 * @example dependsOnPrevious('And in 2019?', 'en') // true
 */
export function dependsOnPrevious(question: string, language: DetectedLanguage): boolean {
  const words = question.toLowerCase().match(/[\p{L}\p{N}’']+/gu) ?? [];
  if (words.length === 0) return false;
  if (words.length <= SHORT_QUESTION_WORDS) return true;
  if (CONTINUING_START.test(question.trim().toLowerCase())) return true;
  const pointing = POINTING_WORDS[language];
  if (pointing && words.some((w) => pointing.has(w.replace(/^(?:l|d|all|dell|nell|sull)['’]/u, '')))) return true;
  return language === 'ar' && words.some((w) => ARABIC_ATTACHED_PRONOUN.test(w) && !['الله', 'منه', 'عنه'].includes(w));
}

/**
 * The queries a question is searched with: the question alone, then (when it depends on the previous one) the
 * previous question and this one together.
 * @example contextualQueries('Who financed it?', [{ question: 'What is the Democratic Party of Kazakhstan?' }], 'en')
 */
export function contextualQueries(question: string, history: readonly Turn[], language: DetectedLanguage): string[] {
  const previous = history.at(-1)?.question;
  if (!previous || !dependsOnPrevious(question, language)) return [question];
  return [question, `${previous} ${question}`];
}

/**
 * Searches with the conversation as context: each query of contextualQueries, rankings fused by reciprocal rank.
 * @example await searchWithHistory(searcher, 'And in 2019?', history, { topK: 5, language: 'en' })
 */
export async function searchWithHistory(
  searcher: Searcher,
  question: string,
  history: readonly Turn[],
  options: SearchOptions,
  fusion: FusionOptions = FOLLOW_UP_FUSION,
): Promise<SearchHit[]> {
  const queries = contextualQueries(question, history, options.language ?? 'other');
  if (queries.length === 1) return searcher.search(question, options);
  const depth = Math.max(options.topK * 2, 10);
  const lists = await Promise.all(queries.map((q) => searcher.search(q, { ...options, topK: depth })));
  const hitById = new Map<string, SearchHit>();
  const ids: string[] = [];
  const rankings = lists.map((hits) =>
    hits.map((hit, position) => {
      const key = `${hit.chunk.file}#${hit.chunk.paragraph}`;
      if (!hitById.has(key)) {
        hitById.set(key, hit);
        ids.push(key);
      }
      return { index: ids.indexOf(key), score: hits.length - position };
    }),
  );
  return fuseRankings(rankings, fusion)
    .slice(0, options.topK)
    .map((fused) => ({ ...hitById.get(ids[fused.index]!)!, score: fused.score }));
}
