/** The first line of an answer, in the asker's language: what was found and where, or that nothing was. */
import type { DetectedLanguage, Language } from '../corpus/types.js';
import type { Support } from './grounding.js';
import { textDirection } from './text-direction.js';

/** The paragraphs an answer quoted from one document, in the order the answer quotes them. */
export interface LeadPlace {
  title: string;
  paragraphs: number[];
}

interface LeadPhrases {
  /** "paragraph 4 of “Title”", "paragraphs 4 and 7 of “Title”". */
  place(place: LeadPlace): string;
  /** Joins the last two items of a list. */
  and: string;
  /** Said instead of the places when there are too many to name. */
  passages(count: number): string;
  /** A passage language other than the asker's, e.g. "Arabic". */
  language: Record<DetectedLanguage, string>;
  answered(places: string, languages: string): string;
  possible(places: string, languages: string): string;
  none: string;
}

/**
 * A title written in the other direction than the lead's, wrapped in Unicode isolates (FSI … PDI) so that its
 * words, numbers and ellipsis keep their order inside the lead in any bidi-aware display.
 */
function isolated(title: string, asker: DetectedLanguage): string {
  const leadDirection = asker === 'ar' ? 'rtl' : 'ltr';
  return textDirection('other', title) === leadDirection ? title : `\u2068${title}\u2069`;
}

/** More documents than this are summed up as "N passages". */
const MAX_NAMED_PLACES = 3;

const listOf = (items: readonly (string | number)[], and: string, comma = ', ') =>
  items.length < 2 ? String(items[0] ?? '') : `${items.slice(0, -1).join(comma)}${and}${items.at(-1)}`;

const PHRASES: Record<Language, LeadPhrases> = {
  en: {
    place: ({ title, paragraphs }) => `${paragraphs.length > 1 ? 'paragraphs' : 'paragraph'} ${listOf(paragraphs, ' and ')} of “${title}”`,
    and: ' and ',
    passages: (n) => `${n} passages`,
    language: { en: 'English', it: 'Italian', ar: 'Arabic', kk: 'Kazakh', other: '' },
    answered: (places, languages) => `Found in ${places}${languages}:`,
    possible: (places, languages) => `Possibly relevant: ${places}${languages}:`,
    none: 'No passage in the documents answers this.',
  },
  it: {
    place: ({ title, paragraphs }) => `${paragraphs.length > 1 ? 'nei paragrafi' : 'nel paragrafo'} ${listOf(paragraphs, ' e ')} di «${title}»`,
    and: ' e ',
    passages: (n) => `in ${n} passaggi`,
    language: { en: 'in inglese', it: 'in italiano', ar: 'in arabo', kk: 'in kazako', other: '' },
    answered: (places, languages) => `Trovato ${places}${languages}:`,
    possible: (places, languages) => `Forse c’è una risposta ${places}${languages}:`,
    none: 'Nessun passaggio dei documenti risponde a questa domanda.',
  },
  ar: {
    place: ({ title, paragraphs }) => `${paragraphs.length > 1 ? 'الفقرات' : 'الفقرة'} ${listOf(paragraphs, ' و', ' و')} من «${title}»`,
    and: ' و',
    passages: (n) => `${n} مقاطع`,
    language: { en: 'بالإنجليزية', it: 'بالإيطالية', ar: 'بالعربية', kk: 'بالكازاخية', other: '' },
    answered: (places, languages) => `وُجد الجواب في ${places}${languages}:`,
    possible: (places, languages) => `قد يكون ذا صلة: ${places}${languages}:`,
    none: 'لا يوجد في الوثائق مقطع يجيب عن هذا السؤال.',
  },
  kk: {
    place: ({ title, paragraphs }) => `«${title}» құжатының ${listOf(paragraphs, ', ')}-${paragraphs.length > 1 ? 'абзацтары' : 'абзацы'}`,
    and: ' және ',
    passages: (n) => `${n} үзінді`,
    language: { en: 'ағылшын тілінде', it: 'итальян тілінде', ar: 'араб тілінде', kk: 'қазақ тілінде', other: '' },
    answered: (places, languages) => `Табылған жері: ${places}${languages}:`,
    possible: (places, languages) => `Қатысы болуы мүмкін: ${places}${languages}:`,
    none: 'Құжаттарда бұл сұраққа жауап беретін үзінді жоқ.',
  },
};

/**
 * The lead line of an answer in the asker's language. The passages' languages are named only when they differ
 * from the asker's (a reader of Italian needs no "(in Italian)").
 * @example leadLine('answered', 'en', [{ title: 'Press freedom', paragraphs: [4] }], ['ar']) // 'Found in paragraph 4 of “Press freedom” (Arabic):'
 */
export function leadLine(support: Support, asker: DetectedLanguage, places: readonly LeadPlace[], passageLanguages: readonly DetectedLanguage[]): string {
  const phrases = PHRASES[asker === 'other' ? 'en' : asker];
  if (support === 'none' || places.length === 0) return phrases.none;
  const paragraphCount = places.reduce((n, p) => n + p.paragraphs.length, 0);
  const named = places.map((p) => phrases.place({ ...p, title: isolated(p.title, asker) }));
  const where = places.length > MAX_NAMED_PLACES ? phrases.passages(paragraphCount) : listOf(named, phrases.and);
  const foreign = [...new Set(passageLanguages)].filter((l) => l !== asker && l !== 'other');
  const languages = foreign.length > 0 ? ` (${listOf(foreign.map((l) => phrases.language[l]), phrases.and)})` : '';
  return support === 'answered' ? phrases.answered(where, languages) : phrases.possible(where, languages);
}
