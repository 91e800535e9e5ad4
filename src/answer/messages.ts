/** Framing words of answers, in each language the service speaks; excerpts themselves are never translated. */
import type { DetectedLanguage, Language } from '../corpus/types.js';

/** The sentences an answer may be framed with. */
export interface AnswerMessages {
  /** Introduces an extractive answer (verbatim excerpts follow). */
  excerptsIntro: string;
  /** Says that no passage answers the question. */
  noAnswer: string;
  /** Follows `noAnswer` when the nearest passages are still returned as citations. */
  nearestPassages: string;
  /** Introduces a passage that shares the question's names or numbers but cannot be confirmed to answer it. */
  possiblyRelevant: (passageLanguage: DetectedLanguage) => string;
}

/** Each language's name, in each language the service speaks (`other`: the passage's language is not known). */
const LANGUAGE_NAMES: Record<Language, Record<DetectedLanguage, string>> = {
  en: { en: 'in English', it: 'in Italian', ar: 'in Arabic', kk: 'in Kazakh', other: '' },
  it: { en: 'in inglese', it: 'in italiano', ar: 'in arabo', kk: 'in kazako', other: '' },
  ar: { en: 'بالإنجليزية', it: 'بالإيطالية', ar: 'بالعربية', kk: 'بالكازاخية', other: '' },
  kk: { en: 'ағылшын тілінде', it: 'итальян тілінде', ar: 'араб тілінде', kk: 'қазақ тілінде', other: '' },
};

const withLanguage = (label: string, language: string) => (language ? `${label}, ${language}:` : `${label}:`);

const MESSAGES: Record<Language, AnswerMessages> = {
  en: {
    excerptsIntro: 'From the documents:',
    noAnswer: 'No passage in the documents answers this.',
    nearestPassages: 'The closest passages are listed below.',
    possiblyRelevant: (l) => withLanguage('Possibly relevant', LANGUAGE_NAMES.en[l]),
  },
  it: {
    excerptsIntro: 'Dai documenti:',
    noAnswer: 'Nessun passaggio dei documenti risponde a questa domanda.',
    nearestPassages: 'Di seguito i passaggi più vicini.',
    possiblyRelevant: (l) => withLanguage('Forse pertinente', LANGUAGE_NAMES.it[l]),
  },
  ar: {
    excerptsIntro: 'من الوثائق:',
    noAnswer: 'لا يوجد في الوثائق مقطع يجيب عن هذا السؤال.',
    nearestPassages: 'فيما يلي أقرب المقاطع.',
    possiblyRelevant: (l) => withLanguage('قد يكون ذا صلة', LANGUAGE_NAMES.ar[l]),
  },
  kk: {
    excerptsIntro: 'Құжаттардан:',
    noAnswer: 'Құжаттарда бұл сұраққа жауап беретін үзінді жоқ.',
    nearestPassages: 'Ең жақын үзінділер төменде берілген.',
    possiblyRelevant: (l) => withLanguage('Қатысы болуы мүмкін', LANGUAGE_NAMES.kk[l]),
  },
};

/**
 * The framing sentences for a question's language; `other` gets English.
 * @example messagesFor('it').noAnswer // 'Nessun passaggio dei documenti risponde a questa domanda.'
 */
export function messagesFor(language: DetectedLanguage): AnswerMessages {
  return language === 'other' ? MESSAGES.en : MESSAGES[language];
}
