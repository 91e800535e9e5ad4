/** Arabic orthographic normalisation and light (affix-stripping) stemming for lexical matching. */

/** Harakat, tanween, shadda, sukun, superscript alef, Quranic annotation marks and tatweel. */
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640]/g;

const LETTER_MAP: Record<string, string> = {
  '\u0623': '\u0627', // أ → ا
  '\u0625': '\u0627', // إ → ا
  '\u0622': '\u0627', // آ → ا
  '\u0671': '\u0627', // ٱ → ا
  '\u0649': '\u064A', // ى → ي
  '\u0629': '\u0647', // ة → ه
  '\u06CC': '\u064A', // Persian yeh ی → ي
  '\u06A9': '\u0643', // keheh ک → ك
  // Arabic-Indic and Persian digits → ASCII: "٢٠٢٢" and "۲۰۲۲" are the 2022 of an English question.
  ...Object.fromEntries([...'٠١٢٣٤٥٦٧٨٩'].map((digit, value) => [digit, String(value)])),
  ...Object.fromEntries([...'۰۱۲۳۴۵۶۷۸۹'].map((digit, value) => [digit, String(value)])),
};
const LETTERS_TO_MAP = new RegExp(`[${Object.keys(LETTER_MAP).join('')}]`, 'g');

/**
 * Folds spelling variants that writers use interchangeably: diacritics and tatweel removed,
 * hamzated/madda/wasla alef → bare alef, alef maqsura → ya, teh marbuta → ha, Arabic-Indic digits → 0–9.
 * Idempotent; leaves non-Arabic characters untouched.
 * @example normalizeArabic('مُبَادَرَةٌ') // 'مبادره'
 */
export function normalizeArabic(text: string): string {
  return text.replace(ARABIC_MARKS, '').replace(LETTERS_TO_MAP, (c) => LETTER_MAP[c] ?? c);
}

// Light10 (Larkey, Ballesteros & Connell 2002), adapted to the normalised alphabet (ة is already ه).
const ARTICLE_PREFIXES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال'];
const SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي'];

/**
 * Light stemmer for an already-normalised Arabic word: strips a leading و ("and"), one definite
 * article form and common plural/feminine/pronoun suffixes, never leaving fewer than two letters.
 * @example lightStemArabic('والانتخابات') // 'انتخاب'
 */
export function lightStemArabic(word: string): string {
  let stem = word;
  if (stem.length > 3 && stem.startsWith('و')) stem = stem.slice(1);
  for (const prefix of ARTICLE_PREFIXES) {
    if (stem.startsWith(prefix) && stem.length - prefix.length >= 2) {
      stem = stem.slice(prefix.length);
      break;
    }
  }
  for (const suffix of SUFFIXES) {
    if (stem.endsWith(suffix) && stem.length - suffix.length >= 2) stem = stem.slice(0, -suffix.length);
  }
  return stem;
}
