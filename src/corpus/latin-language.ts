/** Italian, English or other for Latin-script text: function words for short text, franc for long text. */
import { francDetector } from './franc-detector.js';
import type { DetectedLanguage } from './types.js';

/** Latin-script languages franc may pick for long text; a pick other than ita/eng means `other`. Scots is left out: franc confuses English with it. */
const detectLongText = francDetector({
  only: ['ita', 'eng', 'fra', 'spa', 'deu', 'por', 'nld', 'ron', 'cat', 'pol', 'tur', 'ces', 'swe', 'dan', 'nob', 'fin', 'hun', 'ind'],
  minLength: 1,
});
const detectItalianOrEnglish = francDetector({ only: ['ita', 'eng'], minLength: 1 });

// Words frequent in one language and rare as words in the other ("a", "in", "come", "era" are left out).
const ITALIAN_WORDS = new Set(
  ('il lo la gli le un uno una di del dello della dei degli delle da dal dalla dai dalle nel nello nella nei nelle ' +
    'con su sul sulla per tra fra che chi cosa quando dove perché perche quale quali quanto quanta quanti quante ' +
    'è e ed sono ha hanno non si ci anche ma al allo alla ai agli alle secondo questo questa quello quella cui sia stato stata').split(' '),
);
const ENGLISH_WORDS = new Set(
  ('the an of to and is are was were be been being did does do what who whom whose which when where why how ' +
    'has have had this that these those with from by for on at it its their they there about into than not or ' +
    'after before during against between').split(' '),
);
const ITALIAN_ACCENTS = /[àèéìòù]/u;

/**
 * Decides between `it`, `en` and `other` for text whose letters are mostly Latin.
 * @param letterCount how many letters the whole text has; from `reliableLetters` on, franc decides among
 *   many Latin-script languages (so French or German come out `other`); below it the text is taken to be
 *   Italian or English (a question), decided by function words and accents, then by franc restricted to
 *   those two, defaulting to English.
 */
export function detectLatinLanguage(text: string, letterCount: number, reliableLetters: number): DetectedLanguage {
  if (letterCount >= reliableLetters) {
    const code = detectLongText(text);
    return code === 'ita' ? 'it' : code === 'eng' ? 'en' : 'other';
  }
  const words = text.toLowerCase().match(/[\p{L}\p{M}]+/gu) ?? [];
  let italian = 0;
  let english = 0;
  for (const word of words) {
    if (ITALIAN_WORDS.has(word) || ITALIAN_ACCENTS.test(word)) italian += 1;
    if (ENGLISH_WORDS.has(word)) english += 1;
  }
  if (italian !== english) return italian > english ? 'it' : 'en';
  return detectItalianOrEnglish(text) === 'ita' ? 'it' : 'en';
}
