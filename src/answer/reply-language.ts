/**
 * The language check of a language model's reply: an answer to an Italian question must be in Italian, whatever
 * the passages' language. Quoted originals and citation markers are left out before detecting, since a reply may
 * quote an Arabic excerpt beside its Italian translation.
 */
import { detectLanguage } from '../corpus/language.js';
import type { DetectedLanguage } from '../corpus/types.js';

/** Below this many letters (after quotes are removed) detection is unreliable: the reply is accepted. */
const MIN_LETTERS = 25;
/** Text in quotation marks of any of the four languages' conventions, and citation markers. */
const QUOTED = /«[^»]*»|“[^”]*”|„[^“”]*[“”]|"[^"]*"|‹[^›]*›|\[\s*\d+\s*\]/gu;
const LETTER = /\p{L}/gu;

/**
 * The language the reply is written in when it is clearly not the question's, else undefined.
 * @example replyLanguageMismatch('Le elezioni si terranno il 10 gennaio [1].', 'en') // 'it'
 */
export function replyLanguageMismatch(reply: string, questionLanguage: DetectedLanguage): DetectedLanguage | undefined {
  if (questionLanguage === 'other') return undefined;
  const own = reply.replace(QUOTED, ' ');
  if ((own.match(LETTER)?.length ?? 0) < MIN_LETTERS) return undefined;
  const language = detectLanguage(own);
  return language === questionLanguage ? undefined : language;
}
