/**
 * Script-independent consonant skeletons of words, so that a name written in Latin, Cyrillic or Arabic letters
 * gets the same key: "Moscow", "Москва"'s stem and "موسكو" → "msk"; "Hong Kong" and "هونغ كونغ" → "hnk knk".
 * Names and loanwords are what survives translation; without an embedding model they are the only bridge
 * between a question and a paragraph in another language.
 */

const CYRILLIC: Record<string, string> = {
  а: 'a', ә: 'a', б: 'b', в: 'v', г: 'g', ғ: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y',
  к: 'k', қ: 'k', л: 'l', м: 'm', н: 'n', ң: 'n', о: 'o', ө: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u',
  ұ: 'u', ү: 'u', ф: 'f', х: 'h', һ: 'h', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'sh', ъ: '', ы: 'y', і: 'i', ь: '',
  э: 'e', ю: 'yu', я: 'ya',
};

// Long vowels (ا و ي) become vowels and vanish from the skeleton, as Latin vowels do.
const ARABIC: Record<string, string> = {
  ا: 'a', أ: 'a', إ: 'a', آ: 'a', ٱ: 'a', ب: 'b', ت: 't', ث: 's', ج: 'j', ح: 'h', خ: 'kh', د: 'd', ذ: 'z',
  ر: 'r', ز: 'z', س: 's', ش: 'sh', ص: 's', ض: 'd', ط: 't', ظ: 'z', ع: '', غ: 'gh', ف: 'f', ق: 'k', ك: 'k',
  ل: 'l', م: 'm', ن: 'n', ه: 'h', ة: '', و: 'u', ي: 'i', ى: 'i', ء: '', ئ: 'i', ؤ: 'u', پ: 'p', چ: 'ch',
  ژ: 'zh', گ: 'g', ڤ: 'v', ک: 'k', ی: 'i',
};

/** Digraphs first, then single letters, to one symbol per consonant class; vowels and semivowels drop out. */
const DIGRAPHS: [RegExp, string][] = [
  [/sh|sch/g, 'S'],
  [/ch/g, 'C'],
  [/kh|gh|zh|ck/g, 'k'],
  [/ph/g, 'f'],
  [/th/g, 't'],
  [/ts/g, 's'],
];
const CLASSES: Record<string, string> = {
  b: 'b', p: 'b', f: 'f', v: 'f', k: 'k', c: 'k', q: 'k', g: 'k', j: 'k', x: 'k', s: 's', z: 's',
  t: 't', d: 'd', l: 'l', m: 'm', n: 'n', r: 'r', h: 'h', S: 'S', C: 'C',
};

/** Latin letters for the characters that stand for themselves in NFD (no decomposition): one table lookup each. */
const DIRECT = new Map<string, string>(
  [...Object.entries(CYRILLIC), ...Object.entries(ARABIC), ...[...'abcdefghijklmnopqrstuvwxyz'].map((c) => [c, c]), ['-', '']].filter(
    ([char]) => char.normalize('NFD') === char,
  ) as [string, string][],
);

/** Keys shorter than this say too little (three consonants is an Arabic root: collisions abound below). */
export const MIN_KEY_LENGTH = 3;

/**
 * The consonant skeleton of one lower-cased word in Latin, Cyrillic or Arabic script, or undefined when it has
 * fewer than MIN_KEY_LENGTH consonants (or letters of another script).
 * @example phoneticKey('кривошеев') === phoneticKey('كريفوشييف') // both 'krfSf'
 */
export function phoneticKey(word: string): string | undefined {
  const latin = transliterate(word);
  if (latin === undefined) return undefined;
  let digraphed = latin;
  // Every digraph has an h, or is ck or ts.
  if (latin.includes('h') || latin.includes('ck') || latin.includes('ts')) {
    for (const [pattern, symbol] of DIGRAPHS) digraphed = digraphed.replace(pattern, symbol);
  }
  let key = '';
  let last = '';
  for (let i = 0; i < digraphed.length; i++) {
    const symbol = CLASSES[digraphed[i]];
    if (symbol && symbol !== last) {
      key += symbol;
      last = symbol;
    }
  }
  return key.length >= MIN_KEY_LENGTH ? key : shortNameKey(digraphed, [...word].length);
}

/** Shorter words ("cina", "data") are too common to key by two consonants. */
const MIN_SHORT_NAME_LETTERS = 5;
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y', 'w']);

/**
 * A short name's key that keeps where its vowels stand ("Mamay", "Мамай", "ماماي" → "mVm"): with under
 * MIN_KEY_LENGTH consonants the skeleton alone ("m") would meet every word with those consonants. Arabic writes long
 * vowels, which is how names are transliterated into it. Words of five letters or more with two consonants, else undefined.
 */
function shortNameKey(digraphed: string, letters: number): string | undefined {
  if (letters < MIN_SHORT_NAME_LETTERS) return undefined;
  let key = '';
  let consonants = 0;
  for (const letter of digraphed) {
    const symbol = VOWELS.has(letter) ? 'V' : CLASSES[letter];
    if (!symbol || key.endsWith(symbol)) continue;
    key += symbol;
    if (symbol !== 'V') consonants++;
  }
  // A final vowel is what Arabic most often leaves unwritten (ة) or adds (ي): "Amina", "أمينة" → "VmVn".
  key = key.replace(/V$/, '');
  return consonants >= 2 ? key : undefined;
}

/** The word in lower-case Latin letters (accents and other marks dropped), or undefined if it has a letter of another script. */
function transliterate(word: string): string | undefined {
  let latin = '';
  for (let i = 0; i < word.length; i++) {
    const letters = DIRECT.get(word[i]);
    if (letters === undefined) return transliterateDecomposed(word);
    latin += letters;
  }
  return latin;
}

function transliterateDecomposed(word: string): string | undefined {
  let latin = '';
  for (const char of word.normalize('NFD').replace(/\p{M}/gu, '')) {
    const letters = CYRILLIC[char] ?? ARABIC[char] ?? (/[a-z]/.test(char) ? char : char === '-' ? '' : undefined);
    if (letters === undefined) return undefined;
    latin += letters;
  }
  return latin;
}
