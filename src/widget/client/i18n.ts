/** The widget's own words in each interface language, and how the language is chosen. */

export const UI_LANGUAGES = ['en', 'ar', 'it', 'kk'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** Every string the widget shows or announces. */
export interface UiStrings {
  title: string;
  openChat: string;
  closeChat: string;
  newConversation: string;
  welcome: string;
  inputLabel: string;
  placeholder: string;
  send: string;
  hint: string;
  you: string;
  answerLabel: string;
  searching: string;
  writing: string;
  sources: string;
  otherPassages: (count: number) => string;
  paragraph: (n: number) => string;
  /** The PDF page a paragraph stands on. */
  page: (n: number) => string;
  citation: (id: number) => string;
  errorNetwork: string;
  errorTimeout: string;
  errorRateLimited: string;
  errorServer: string;
  errorCutOff: string;
  retry: string;
  back: string;
  previous: string;
  next: string;
  openDocument: string;
  loadingSource: string;
  errorSource: string;
  excerptHighlighted: string;
  /** The interface language these strings are in (passed on to the source pages). */
  language: UiLanguage;
  suggestionsLabel: string;
  copy: string;
  copied: string;
  helpful: string;
  notHelpful: string;
  feedbackComment: string;
  feedbackSend: string;
  feedbackThanks: string;
  feedbackFailed: string;
  /** The confidence states of an answer, in words. */
  stateAnswered: string;
  statePossible: string;
  stateNone: string;
  /** Heading of the nearest passages when nothing answers: they are not answers. */
  nearestNotAnswers: string;
  /** Heading of the gloss: the question's key terms beside the quote's words. */
  keyTerms: string;
  translate: string;
  hideTranslation: string;
  translatedOnDevice: string;
  translationFailed: string;
}

const en: UiStrings = {
  title: 'Ask the documents',
  openChat: 'Open the chat: ask the documents',
  closeChat: 'Close the chat',
  newConversation: 'New conversation',
  welcome: 'Ask a question about the documents. Every answer cites the passages it comes from.',
  inputLabel: 'Your question',
  placeholder: 'Ask a question…',
  send: 'Send',
  hint: 'Enter to send · Shift+Enter for a new line',
  you: 'You',
  answerLabel: 'Answer',
  searching: 'Searching the documents…',
  writing: 'Writing the answer…',
  sources: 'Sources',
  otherPassages: (n) => `Other passages found (${n})`,
  paragraph: (n) => `paragraph ${n}`,
  page: (n) => `page ${n}`,
  citation: (id) => `Source ${id}`,
  errorNetwork: 'Can’t reach the server. Check your connection, then try again.',
  errorTimeout: 'The server is taking too long to answer.',
  errorRateLimited: 'Too many questions in a short time. Wait a moment, then try again.',
  errorServer: 'The server could not answer.',
  errorCutOff: 'The answer was cut off before it finished.',
  retry: 'Retry',
  back: 'Back to the answer',
  previous: 'Previous paragraph',
  next: 'Next paragraph',
  openDocument: 'Open the whole document',
  loadingSource: 'Loading the paragraph…',
  errorSource: 'Couldn’t load this paragraph.',
  excerptHighlighted: 'The quoted excerpt is highlighted.',
  language: 'en',
  suggestionsLabel: 'Try asking',
  copy: 'Copy the answer with its sources',
  copied: 'Copied',
  helpful: 'Helpful answer',
  notHelpful: 'Wrong or unhelpful answer',
  feedbackComment: 'What was wrong? (optional)',
  feedbackSend: 'Send feedback',
  feedbackThanks: 'Thank you for your feedback.',
  feedbackFailed: 'Couldn’t send the feedback.',
  stateAnswered: 'Answered from the documents',
  statePossible: 'Possibly relevant — not confirmed',
  stateNone: 'Not found in the documents',
  nearestNotAnswers: 'Nearest passages — these do not answer the question',
  keyTerms: 'Key terms',
  translate: 'Translate',
  hideTranslation: 'Hide translation',
  translatedOnDevice: 'Translated on this device',
  translationFailed: 'Couldn’t translate.',
};

const ar: UiStrings = {
  title: 'اسأل الوثائق',
  openChat: 'افتح المحادثة: اسأل الوثائق',
  closeChat: 'أغلق المحادثة',
  newConversation: 'محادثة جديدة',
  welcome: 'اطرح سؤالاً عن الوثائق. كل إجابة تستشهد بالمقاطع التي أُخذت منها.',
  inputLabel: 'سؤالك',
  placeholder: 'اكتب سؤالك…',
  send: 'إرسال',
  hint: 'Enter للإرسال · Shift+Enter لسطر جديد',
  you: 'أنت',
  answerLabel: 'الإجابة',
  searching: 'جارٍ البحث في الوثائق…',
  writing: 'جارٍ كتابة الإجابة…',
  sources: 'المصادر',
  otherPassages: (n) => `مقاطع أخرى (${n})`,
  paragraph: (n) => `الفقرة ${n}`,
  page: (n) => `الصفحة ${n}`,
  citation: (id) => `المصدر ${id}`,
  errorNetwork: 'تعذّر الوصول إلى الخادم. تحقّق من اتصالك ثم حاول مرة أخرى.',
  errorTimeout: 'يستغرق الخادم وقتًا طويلاً للرد.',
  errorRateLimited: 'أسئلة كثيرة في وقت قصير. انتظر قليلاً ثم حاول مرة أخرى.',
  errorServer: 'لم يتمكّن الخادم من الإجابة.',
  errorCutOff: 'انقطعت الإجابة قبل أن تكتمل.',
  retry: 'إعادة المحاولة',
  back: 'العودة إلى الإجابة',
  previous: 'الفقرة السابقة',
  next: 'الفقرة التالية',
  openDocument: 'افتح الوثيقة كاملة',
  loadingSource: 'جارٍ تحميل الفقرة…',
  errorSource: 'تعذّر تحميل هذه الفقرة.',
  excerptHighlighted: 'المقطع المقتبس مظلَّل.',
  language: 'ar',
  suggestionsLabel: 'جرّب أن تسأل',
  copy: 'انسخ الإجابة مع مصادرها',
  copied: 'نُسخت',
  helpful: 'إجابة مفيدة',
  notHelpful: 'إجابة خاطئة أو غير مفيدة',
  feedbackComment: 'ما الخطأ؟ (اختياري)',
  feedbackSend: 'أرسل الملاحظة',
  feedbackThanks: 'شكرًا على ملاحظتك.',
  feedbackFailed: 'تعذّر إرسال الملاحظة.',
  stateAnswered: 'أُجيب من الوثائق',
  statePossible: 'قد يكون ذا صلة — غير مؤكَّد',
  stateNone: 'لم يُعثر على الجواب في الوثائق',
  nearestNotAnswers: 'أقرب المقاطع — وهي لا تجيب عن السؤال',
  keyTerms: 'المصطلحات الرئيسية',
  translate: 'ترجمة',
  hideTranslation: 'إخفاء الترجمة',
  translatedOnDevice: 'تُرجم على هذا الجهاز',
  translationFailed: 'تعذّرت الترجمة.',
};

const it: UiStrings = {
  title: 'Chiedi ai documenti',
  openChat: 'Apri la chat: chiedi ai documenti',
  closeChat: 'Chiudi la chat',
  newConversation: 'Nuova conversazione',
  welcome: 'Fai una domanda sui documenti. Ogni risposta cita i passaggi da cui proviene.',
  inputLabel: 'La tua domanda',
  placeholder: 'Fai una domanda…',
  send: 'Invia',
  hint: 'Invio per inviare · Maiusc+Invio per andare a capo',
  you: 'Tu',
  answerLabel: 'Risposta',
  searching: 'Ricerca nei documenti…',
  writing: 'Scrittura della risposta…',
  sources: 'Fonti',
  otherPassages: (n) => `Altri passaggi trovati (${n})`,
  paragraph: (n) => `paragrafo ${n}`,
  page: (n) => `pagina ${n}`,
  citation: (id) => `Fonte ${id}`,
  errorNetwork: 'Impossibile raggiungere il server. Controlla la connessione e riprova.',
  errorTimeout: 'Il server sta impiegando troppo tempo a rispondere.',
  errorRateLimited: 'Troppe domande in poco tempo. Attendi un momento e riprova.',
  errorServer: 'Il server non è riuscito a rispondere.',
  errorCutOff: 'La risposta si è interrotta prima della fine.',
  retry: 'Riprova',
  back: 'Torna alla risposta',
  previous: 'Paragrafo precedente',
  next: 'Paragrafo successivo',
  openDocument: 'Apri il documento completo',
  loadingSource: 'Caricamento del paragrafo…',
  errorSource: 'Impossibile caricare questo paragrafo.',
  excerptHighlighted: 'L’estratto citato è evidenziato.',
  language: 'it',
  suggestionsLabel: 'Prova a chiedere',
  copy: 'Copia la risposta con le fonti',
  copied: 'Copiato',
  helpful: 'Risposta utile',
  notHelpful: 'Risposta sbagliata o inutile',
  feedbackComment: 'Che cosa non va? (facoltativo)',
  feedbackSend: 'Invia il commento',
  feedbackThanks: 'Grazie per il commento.',
  feedbackFailed: 'Impossibile inviare il commento.',
  stateAnswered: 'Risposta dai documenti',
  statePossible: 'Forse pertinente — non confermato',
  stateNone: 'Non trovato nei documenti',
  nearestNotAnswers: 'Passaggi più vicini — non rispondono alla domanda',
  keyTerms: 'Termini chiave',
  translate: 'Traduci',
  hideTranslation: 'Nascondi la traduzione',
  translatedOnDevice: 'Tradotto su questo dispositivo',
  translationFailed: 'Impossibile tradurre.',
};

const kk: UiStrings = {
  title: 'Құжаттардан сұраңыз',
  openChat: 'Чатты ашу: құжаттардан сұраңыз',
  closeChat: 'Чатты жабу',
  newConversation: 'Жаңа әңгіме',
  welcome: 'Құжаттар туралы сұрақ қойыңыз. Әр жауап өзі алынған үзінділерге сілтеме жасайды.',
  inputLabel: 'Сұрағыңыз',
  placeholder: 'Сұрақ қойыңыз…',
  send: 'Жіберу',
  hint: 'Жіберу үшін Enter · Жаңа жол үшін Shift+Enter',
  you: 'Сіз',
  answerLabel: 'Жауап',
  searching: 'Құжаттардан ізделуде…',
  writing: 'Жауап жазылуда…',
  sources: 'Дереккөздер',
  otherPassages: (n) => `Табылған басқа үзінділер (${n})`,
  paragraph: (n) => `${n}-абзац`,
  page: (n) => `${n}-бет`,
  citation: (id) => `${id}-дереккөз`,
  errorNetwork: 'Серверге қосылу мүмкін болмады. Байланысты тексеріп, қайталап көріңіз.',
  errorTimeout: 'Сервер тым ұзақ жауап беруде.',
  errorRateLimited: 'Қысқа уақытта сұрақ тым көп. Сәл күтіп, қайталап көріңіз.',
  errorServer: 'Сервер жауап бере алмады.',
  errorCutOff: 'Жауап соңына дейін жетпей үзілді.',
  retry: 'Қайталау',
  back: 'Жауапқа оралу',
  previous: 'Алдыңғы абзац',
  next: 'Келесі абзац',
  openDocument: 'Құжатты толық ашу',
  loadingSource: 'Абзац жүктелуде…',
  errorSource: 'Бұл абзацты жүктеу мүмкін болмады.',
  excerptHighlighted: 'Дәйексөз белгіленген.',
  language: 'kk',
  suggestionsLabel: 'Мына сұрақтарды қойып көріңіз',
  copy: 'Жауапты дереккөздерімен көшіру',
  copied: 'Көшірілді',
  helpful: 'Пайдалы жауап',
  notHelpful: 'Қате немесе пайдасыз жауап',
  feedbackComment: 'Не дұрыс емес? (міндетті емес)',
  feedbackSend: 'Пікірді жіберу',
  feedbackThanks: 'Пікіріңізге рахмет.',
  feedbackFailed: 'Пікірді жіберу мүмкін болмады.',
  stateAnswered: 'Жауап құжаттардан табылды',
  statePossible: 'Қатысы болуы мүмкін — расталмаған',
  stateNone: 'Құжаттардан табылмады',
  nearestNotAnswers: 'Ең жақын үзінділер — бұлар сұраққа жауап емес',
  keyTerms: 'Негізгі терминдер',
  translate: 'Аудару',
  hideTranslation: 'Аударманы жасыру',
  translatedOnDevice: 'Осы құрылғыда аударылды',
  translationFailed: 'Аудару мүмкін болмады.',
};

const STRINGS: Record<UiLanguage, UiStrings> = { en, ar, it, kk };

/**
 * The interface language: `data-lang` if it names a supported one, else the page's `<html lang>`, else English.
 * Region subtags are ignored (`it-CH` → `it`).
 * @example pickUiLanguage(undefined, 'ar-EG') // 'ar'
 */
export function pickUiLanguage(requested: string | null | undefined, pageLang: string | null | undefined): UiLanguage {
  for (const candidate of [requested, pageLang]) {
    const primary = candidate?.trim().toLowerCase().split(/[-_]/)[0];
    const match = UI_LANGUAGES.find((l) => l === primary);
    if (match) return match;
  }
  return 'en';
}

/**
 * The strings of an interface language.
 * @example stringsFor('it').send // 'Invia'
 */
export function stringsFor(language: UiLanguage): UiStrings {
  return STRINGS[language];
}
