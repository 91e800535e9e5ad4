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
}

const MESSAGES: Record<Language, AnswerMessages> = {
  en: {
    excerptsIntro: 'From the documents:',
    noAnswer: 'No passage in the documents answers this.',
    nearestPassages: 'The closest passages are listed below.',
  },
  it: {
    excerptsIntro: 'Dai documenti:',
    noAnswer: 'Nessun passaggio dei documenti risponde a questa domanda.',
    nearestPassages: 'Di seguito i passaggi più vicini.',
  },
  ar: {
    excerptsIntro: 'من الوثائق:',
    noAnswer: 'لا يوجد في الوثائق مقطع يجيب عن هذا السؤال.',
    nearestPassages: 'فيما يلي أقرب المقاطع.',
  },
  kk: {
    excerptsIntro: 'Құжаттардан:',
    noAnswer: 'Құжаттарда бұл сұраққа жауап беретін үзінді жоқ.',
    nearestPassages: 'Ең жақын үзінділер төменде берілген.',
  },
};

/**
 * The framing sentences for a question's language; `other` gets English.
 * @example messagesFor('it').noAnswer // 'Nessun passaggio dei documenti risponde a questa domanda.'
 */
export function messagesFor(language: DetectedLanguage): AnswerMessages {
  return language === 'other' ? MESSAGES.en : MESSAGES[language];
}
