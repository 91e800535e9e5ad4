/** Turns text into lexical index/query terms: normalised surface forms plus language-specific stems. */
import { stemmer as stemEnglish } from '@orama/stemmers/english';
import { stemmer as stemItalian } from '@orama/stemmers/italian';
import type { DetectedLanguage, Language } from '../corpus/types.js';
import { lightStemArabic, normalizeArabic } from './arabic-normalize.js';
import { boundedMemo } from './bounded-memo.js';
import { phoneticKey } from './phonetic-key.js';
import { segmentWords } from './segment-words.js';
import { stemKazakh } from './kazakh-stem.js';
import { STOPWORDS } from './stopwords.js';

/**
 * Changes whenever the terms produced for the same text change; saved indexes record it,
 * because a query analysed differently from the documents silently stops matching.
 */
export const ANALYZER_VERSION = 3;

const STEMMERS: Record<Language, (word: string) => string> = {
  ar: lightStemArabic,
  it: stemItalian,
  en: stemEnglish,
  kk: stemKazakh,
};

const ARABIC_SCRIPT = /\p{Script=Arabic}/u;
const CYRILLIC_SCRIPT = /\p{Script=Cyrillic}/u;
const LATIN_SCRIPT = /\p{Script=Latin}/u;
const DIGIT = /^\p{Nd}+$/u;

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

/** A text's index terms and phonetic keys, as `analyzeText` and `phoneticTerms` give them. */
export interface TextAnalysis {
  terms: string[];
  phonetic: string[];
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
  return analyzeForIndex(text, language).terms;
}

/**
 * Cross-script keys of `text`'s content words (see phonetic-key.ts), from each word's stem, prefixed with `~` so
 * they never equal a surface term. Numbers and short words give none.
 * @example phoneticTerms('Hong Kong', 'it') // ['~hnk', '~knk']
 */
export function phoneticTerms(text: string, language?: DetectedLanguage): string[] {
  return analyzeForIndex(text, language).phonetic;
}

/**
 * Both `analyzeText(text, language)` and `phoneticTerms(text, language)` from one pass over the text.
 * @example analyzeForIndex('Hong Kong', 'it') // { terms: ['hong', 'kong'], phonetic: ['~hnk', '~knk'] }
 */
export function analyzeForIndex(text: string, language?: DetectedLanguage): TextAnalysis {
  const analyze = TOKEN_ANALYSES[latinModeOf(language)];
  const terms: string[] = [];
  const phonetic: string[] = [];
  for (const token of text.split(SPACES)) {
    if (!token) continue;
    const analysis = analyze(token);
    for (const term of analysis.terms) terms.push(term);
    for (const key of analysis.phonetic) phonetic.push(key);
  }
  return { terms, phonetic };
}

/** How Latin-script words are analysed: with the text's language's stemmer when it has one, else by surface form. */
type LatinMode = 'it' | 'en' | 'latin';

// Texts are analysed one whitespace-delimited token at a time: normalisation and word segmentation never
// reach across ASCII whitespace, so a token's analysis is the same wherever it occurs, and it is remembered.
const SPACES = /[\t\n\v\f\r ]+/;
/** Distinct tokens remembered per Latin mode: about 20 MB when full, and enough for the frequent ones of a large corpus. */
const TOKEN_MEMO_SIZE = 50_000;
// Shared by every token without terms; cached analyses never leave this module, so it is never mutated.
const EMPTY: TextAnalysis = { terms: [], phonetic: [] };
/** Per Latin mode, a memo of the pure `analyzeToken` (module-level so every caller shares the hits). */
const TOKEN_ANALYSES: Record<LatinMode, (token: string) => TextAnalysis> = {
  it: boundedMemo((token: string) => analyzeToken(token, 'it'), TOKEN_MEMO_SIZE),
  en: boundedMemo((token: string) => analyzeToken(token, 'en'), TOKEN_MEMO_SIZE),
  latin: boundedMemo((token: string) => analyzeToken(token, 'latin'), TOKEN_MEMO_SIZE),
};

function latinModeOf(language?: DetectedLanguage): LatinMode {
  return language === 'it' || language === 'en' ? language : 'latin';
}

/** Terms and phonetic keys of one whitespace-free piece of raw text. */
function analyzeToken(token: string, latinMode: LatinMode): TextAnalysis {
  const analysis: TextAnalysis = { terms: [], phonetic: [] };
  // Normalisation can turn compatibility spaces (no-break, em, …) into plain ones.
  for (const piece of normalizeText(token).split(SPACES)) {
    for (const word of segmentWords(piece)) addWord(word, latinMode, analysis);
  }
  return analysis.terms.length === 0 && analysis.phonetic.length === 0 ? EMPTY : analysis;
}

/** A word's surface form and stem (both if they differ) as terms, and its stem's phonetic key (else its own). */
function addWord(word: string, latinMode: LatinMode, analysis: TextAnalysis): void {
  const lang = languageOfWord(word, latinMode);
  if (lang === undefined) {
    if (DIGIT.test(word) || word.length > 1) analysis.terms.push(word);
    return;
  }
  if (isStopword(word, lang)) return;
  const stem = lang === 'latin' ? word : STEMMERS[lang](word);
  if (word.length >= 2) {
    analysis.terms.push(word);
    if (stem && stem !== word) analysis.terms.push(stem);
  }
  // A short name's stem can lose the letters its key needs (Arabic "ماماي" → "مام"): then the surface form's key.
  const key = phoneticKey(stem || word) ?? (stem && stem !== word ? phoneticKey(word) : undefined);
  if (key) analysis.phonetic.push(`~${key}`);
}

/** Which stemmer applies to a word: the text's language when the script agrees, else the script's. */
function languageOfWord(word: string, latinMode: LatinMode): Language | 'latin' | undefined {
  if (ARABIC_SCRIPT.test(word)) return 'ar';
  if (CYRILLIC_SCRIPT.test(word)) return 'kk';
  if (LATIN_SCRIPT.test(word)) return latinMode;
  return undefined;
}

function isStopword(word: string, lang: Language | 'latin'): boolean {
  return lang === 'latin' ? STOPWORDS.it.has(word) || STOPWORDS.en.has(word) : STOPWORDS[lang].has(word);
}
