/** Language of questions and paragraphs: the writing system first, then franc among the languages that script allows. */
import { detectLatinLanguage } from './latin-language.js';
import { letterScripts, wordsInScript } from './letter-scripts.js';
import { francDetector } from './franc-detector.js';
import type { DetectedLanguage } from './types.js';

/** From this many letters on, franc's trigram statistics are trusted to tell languages of one script apart. */
const RELIABLE_LETTERS = 60;
/** Paragraphs with fewer letters than this (titles, captions, bullets) take their document's language. */
export const MIN_DETECTABLE_LETTERS = 30;

// Letters of the Kazakh Cyrillic alphabet that Russian lacks.
const KAZAKH_LETTERS = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/u;
// Ukrainian also writes і; these letters say the text is Ukrainian, not Kazakh.
const UKRAINIAN_LETTERS = /[їєґЇЄҐ]/u;
const NON_ARABIC_LETTERS = /[\u06CC\u06A9\u06AF\u067E\u0686\u0698\u0679\u0688\u0691\u06BA\u06D2\u06BE]/u;
const detectCyrillicLanguage = francDetector({
  only: ['kaz', 'rus', 'ukr', 'bel', 'bul', 'mkd', 'srp', 'kir', 'tat', 'tgk', 'uzn', 'khk', 'tuk'],
  minLength: 1,
});
const detectArabicScriptLanguage = francDetector({ only: ['arb', 'pes', 'prs', 'urd', 'pbu', 'skr', 'uig'], minLength: 1 });

/**
 * Detects the language of a question or paragraph: `ar`, `it`, `kk`, `en` or `other`.
 *
 * Works on short questions by deciding on the writing system first:
 * - Arabic script → `ar` (long text that franc reads as Persian, Urdu, … → `other`).
 * - Cyrillic → `kk` when it has a Kazakh-only letter (ә ғ қ ң ө ұ ү һ і); otherwise franc among
 *   Cyrillic languages decides, and anything but Kazakh (Russian included) is `other`.
 * - Latin → `it` or `en` (see `detectLatinLanguage`); long text in another Latin-script language → `other`.
 * - Other scripts, or no letters at all → `other`.
 * Latin-script names inside Arabic or Kazakh text are common, so Arabic or Cyrillic wins once it has
 * at least half as many letters as Latin. Text is NFC-normalised for detection only.
 * @example detectLanguage('Сайлау қашан өтеді?') // 'kk'
 */
export function detectLanguage(text: string): DetectedLanguage {
  const normalized = text.normalize('NFC');
  const letters = letterScripts(normalized);
  const total = letters.arabic + letters.cyrillic + letters.latin + letters.other;
  if (total === 0 || letters.other * 2 > total) return 'other';
  const nonLatin = letters.arabic >= letters.cyrillic ? 'arabic' : 'cyrillic';
  if (letters[nonLatin] > 0 && letters[nonLatin] * 2 >= letters.latin) {
    return nonLatin === 'arabic' ? detectArabicScript(normalized, total) : detectCyrillic(normalized);
  }
  if (letters.latin === 0) return 'other';
  return detectLatinLanguage(wordsInScript(normalized, 'latin'), total, RELIABLE_LETTERS);
}

/**
 * Languages of a document's paragraphs and of the document itself.
 * The document's language is the one covering most characters among paragraphs with at least
 * `MIN_DETECTABLE_LETTERS` letters (all paragraphs if none is that long); shorter paragraphs take it.
 * @example detectParagraphLanguages(['Title', longItalianText]) // { languages: ['it', 'it'], documentLanguage: 'it' }
 */
export function detectParagraphLanguages(paragraphs: readonly string[]): {
  languages: DetectedLanguage[];
  documentLanguage: DetectedLanguage;
} {
  const isTitle = paragraphs.map((text) => letterCount(text) < MIN_DETECTABLE_LETTERS);
  // Only paragraphs long enough to detect reliably vote for the document's language.
  const votes = isTitle.every(Boolean) ? isTitle.map(() => true) : isTitle.map((title) => !title);
  const own = paragraphs.map((text, i) => (votes[i] ? detectLanguage(text) : undefined));
  const charsByLanguage = new Map<DetectedLanguage, number>();
  let documentLanguage: DetectedLanguage = 'other';
  let best = -1;
  own.forEach((language, i) => {
    if (language === undefined) return;
    const chars = (charsByLanguage.get(language) ?? 0) + paragraphs[i].length;
    charsByLanguage.set(language, chars);
    if (chars > best) {
      best = chars;
      documentLanguage = language;
    }
  });
  return { languages: own.map((language, i) => (isTitle[i] || language === undefined ? documentLanguage : language)), documentLanguage };
}

function detectArabicScript(text: string, totalLetters: number): DetectedLanguage {
  // Persian, Urdu and their neighbours write letters Arabic does not (Farsi yeh and kaf, گ پ چ ژ, ٹ ڈ ڑ ں ے ھ):
  // without any of them the text is Arabic, and franc need not be asked.
  if (totalLetters < RELIABLE_LETTERS || !NON_ARABIC_LETTERS.test(text)) return 'ar';
  const code = detectArabicScriptLanguage(wordsInScript(text, 'arabic'));
  return code === 'arb' || code === 'und' ? 'ar' : 'other';
}

function detectCyrillic(text: string): DetectedLanguage {
  if (KAZAKH_LETTERS.test(text) && !UKRAINIAN_LETTERS.test(text)) return 'kk';
  // Kazakh written without its own letters ("не туралы жазды") still has Kazakh trigrams.
  const code = detectCyrillicLanguage(wordsInScript(text, 'cyrillic'));
  return code === 'kaz' ? 'kk' : 'other';
}

function letterCount(text: string): number {
  const letters = letterScripts(text);
  return letters.arabic + letters.cyrillic + letters.latin + letters.other;
}
