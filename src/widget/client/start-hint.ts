/**
 * What the empty panel says when the operator set no starter questions (SUGGESTIONS). Questions made up from
 * titles read badly when titles are a document's first sentence, so the panel gives a plain hint instead.
 */
import type { UiLanguage } from './i18n.js';

const HINTS: Record<UiLanguage, string> = {
  en: 'Ask about the people, places, dates and events in the documents, in English, Arabic, Italian or Kazakh. Follow-up questions such as “and in 2019?” work too.',
  ar: 'اسأل عن الأشخاص والأماكن والتواريخ والأحداث في الوثائق، بالعربية أو الإنجليزية أو الإيطالية أو الكازاخية. ويمكنك أيضًا أن تتابع بسؤال مثل «وفي عام 2019؟».',
  it: 'Chiedi di persone, luoghi, date ed eventi dei documenti, in italiano, inglese, arabo o kazako. Funzionano anche domande di seguito come «e nel 2019?».',
  kk: 'Құжаттардағы адамдар, жерлер, күндер мен оқиғалар туралы қазақ, ағылшын, араб немесе итальян тілінде сұраңыз. «Ал 2019 жылы ше?» сияқты жалғас сұрақтар да жұмыс істейді.',
};

/**
 * The hint in the interface language.
 * @example startHint('it') // 'Chiedi di persone, luoghi, …'
 */
export function startHint(language: UiLanguage): string {
  return HINTS[language];
}
