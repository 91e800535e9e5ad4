/**
 * Which words of a question the word alignment counts: the words the analyzer keeps, less the interrogatives it
 * keeps ("how many", "كم", "quanti", "қанша"). An interrogative asks for what the answer says instead of saying it,
 * so no answering sentence holds it, and counting it only lowers every sentence's coverage alike.
 */
import type { DetectedLanguage } from '../corpus/types.js';
import { analyzeText } from '../index/analyzer.js';

/** Interrogatives the analyzer keeps as terms (its stop lists drop "what", "ما", "che", "не" and the like). */
const INTERROGATIVES = new Set([
  // English: "how many", "how much"
  'many', 'much',
  // Arabic: how many/much (also with a preposition or conjunction), with what, why
  'كم', 'بكم', 'وكم', 'فكم', 'بماذا', 'لماذا', 'لما', 'ماذا',
  // Italian: "qual è"
  'qual', 'quale', 'quali', 'quanto', 'quanta', 'quanti', 'quante',
  // Kazakh: how many, which, which (ordinal), how much
  'қанша', 'қаншалық', 'қайсы', 'қайсысы', 'неше', 'нешінші', 'нешеу',
]);

/**
 * Whether a word of a question in `language` is one its answer could hold.
 * @example isQuestionContentWord('كم', 'ar') // false
 */
export function isQuestionContentWord(word: string, language: DetectedLanguage): boolean {
  return !INTERROGATIVES.has(word.toLowerCase()) && analyzeText(word, language).length > 0;
}
