/** Turns text into lexical index/query terms: normalised surface forms plus language-specific stems. */
import { stemmer as stemEnglish } from '@orama/stemmers/english';
import { stemmer as stemItalian } from '@orama/stemmers/italian';
import type { DetectedLanguage, Language } from '../corpus/types.js';
import { lightStemArabic, normalizeArabic } from './arabic-normalize.js';
import { phoneticKey } from './phonetic-key.js';
import { stemKazakh } from './kazakh-stem.js';
import { STOPWORDS } from './stopwords.js';

/**
 * Changes whenever the terms produced for the same text change; saved indexes record it,
 * because a query analysed differently from the documents silently stops matching.
 */
export const ANALYZER_VERSION = 2;

const STEMMERS: Record<Language, (word: string) => string> = {
  ar: lightStemArabic,
  it: stemItalian,
  en: stemEnglish,
  kk: stemKazakh,
};

const WORDS = new Intl.Segmenter('und', { granularity: 'word' });
const ARABIC_SCRIPT = /\p{Script=Arabic}/u;
const CYRILLIC_SCRIPT = /\p{Script=Cyrillic}/u;
const LATIN_SCRIPT = /\p{Script=Latin}/u;
const DIGIT = /^\p{Nd}+$/u;
// Word segmentation keeps elisions together ("dell’esecutivo", "Kazakhstan's"): split them apart.
const APOSTROPHES = /['’‘ʼ`´]/u;

/**
 * Unicode-compatibility (NFKC) and case folding plus Arabic spelling normalisation.
 * Idempotent: normalising twice gives the same string as normalising once.
 * @example normalizeText('Élections  أُمّة') // 'élections امه'
 */
export function normalizeText(text: string): string {
  // Compatibility forms first (ℌ → H) so that lower-casing sees them; compose again at the end
  // because lower-casing and mark removal can leave decomposed sequences ('İ' → 'i̇').
  return normalizeArabic(text.normalize('NFKC').toLowerCase()).normalize('NFKC');
}

/**
 * Index and query terms of `text`, in order of appearance: each non-stopword's normalised surface
 * form, followed by its stem when that differs (so names and numbers also match exactly).
 * `language` is the text's language; words in another script are analysed by their script
 * (Arabic → ar, Cyrillic → kk), Latin words in a non-Latin text keep only their surface form.
 * Never throws.
 * @example analyzeText('Le elezioni parlamentari', 'it') // ['elezioni', 'elezion', 'parlamentari', 'parlamentar']
 */
export function analyzeText(text: string, language?: DetectedLanguage): string[] {
  const terms: string[] = [];
  for (const word of wordsOf(text)) {
    const lang = languageOfWord(word, language);
    if (lang === undefined) {
      if (DIGIT.test(word) || word.length > 1) terms.push(word);
      continue;
    }
    if (isStopword(word, lang) || word.length < 2) continue;
    terms.push(word);
    if (lang === 'latin') continue;
    const stem = STEMMERS[lang](word);
    if (stem && stem !== word) terms.push(stem);
  }
  return terms;
}

/**
 * Cross-script keys of `text`'s content words (see phonetic-key.ts), from each word's stem, prefixed with `~` so
 * they never equal a surface term. Numbers and short words give none.
 * @example phoneticTerms('Hong Kong', 'it') // ['~hnk', '~knk']
 */
export function phoneticTerms(text: string, language?: DetectedLanguage): string[] {
  const keys: string[] = [];
  for (const word of wordsOf(text)) {
    const lang = languageOfWord(word, language);
    if (lang === undefined || isStopword(word, lang)) continue;
    const stem = lang === 'latin' ? word : STEMMERS[lang](word) || word;
    const key = phoneticKey(stem);
    if (key) keys.push(`~${key}`);
  }
  return keys;
}

/** Normalised word-like segments of `text`, elisions split off. */
function wordsOf(text: string): string[] {
  const words: string[] = [];
  for (const { segment, isWordLike } of WORDS.segment(normalizeText(text))) {
    if (!isWordLike) continue;
    for (const part of segment.split(APOSTROPHES)) if (part) words.push(part);
  }
  return words;
}

/** Which stemmer applies to a word: the text's language when the script agrees, else the script's. */
function languageOfWord(word: string, language?: DetectedLanguage): Language | 'latin' | undefined {
  if (ARABIC_SCRIPT.test(word)) return 'ar';
  if (CYRILLIC_SCRIPT.test(word)) return 'kk';
  if (LATIN_SCRIPT.test(word)) return language === 'it' || language === 'en' ? language : 'latin';
  return undefined;
}

function isStopword(word: string, lang: Language | 'latin'): boolean {
  return lang === 'latin' ? STOPWORDS.it.has(word) || STOPWORDS.en.has(word) : STOPWORDS[lang].has(word);
}
