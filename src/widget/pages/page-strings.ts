/** The source pages' words in each reader language, and how the reader's language is chosen. */
import type { DetectedLanguage } from '../../corpus/types.js';

export const PAGE_LANGUAGES = ['en', 'ar', 'it', 'kk'] as const;
export type PageLanguage = (typeof PAGE_LANGUAGES)[number];

export interface PageStrings {
  allDocuments: string;
  /** "Arabic document · 16 paragraphs" */
  summary: (language: DetectedLanguage, paragraphs: number) => string;
  /** Tells the reader what the paragraph numbers are for. */
  numbersNote: string;
  paragraph: (n: number) => string;
  quoteHighlighted: string;
  /** "page 3" beside a PDF paragraph's number, and "on 12 pages" in the summary. */
  page: (n: number) => string;
  pages: (n: number) => string;
  originalFile: string;
  earlierParagraphs: string;
  laterParagraphs: string;
  missingTitle: string;
  missingText: string;
  seeAll: string;
  languageNames: Record<DetectedLanguage, string>;
}

const en: PageStrings = {
  allDocuments: 'All documents',
  summary: (language, n) => `${en.languageNames[language]} · ${n} ${n === 1 ? 'paragraph' : 'paragraphs'}`,
  numbersNote: 'The numbers beside the paragraphs are the ones the answers cite.',
  paragraph: (n) => `Paragraph ${n}`,
  quoteHighlighted: 'The sentences the answer quoted are highlighted.',
  page: (n) => `page ${n}`,
  pages: (n) => `${n} ${n === 1 ? 'page' : 'pages'}`,
  originalFile: 'Original file',
  earlierParagraphs: '← Earlier paragraphs',
  laterParagraphs: 'Later paragraphs →',
  missingTitle: 'Document not found',
  missingText: 'There is no document with this name.',
  seeAll: 'See all documents.',
  languageNames: { ar: 'Arabic', it: 'Italian', kk: 'Kazakh', en: 'English', other: 'Other language' },
};

const ar: PageStrings = {
  allDocuments: 'كل الوثائق',
  summary: (language, n) => `${ar.languageNames[language]} · عدد الفقرات: ${n}`,
  numbersNote: 'الأرقام بجانب الفقرات هي التي تشير إليها الإجابات.',
  paragraph: (n) => `الفقرة ${n}`,
  quoteHighlighted: 'الجمل التي اقتبستها الإجابة مظلَّلة.',
  page: (n) => `الصفحة ${n}`,
  pages: (n) => `عدد الصفحات: ${n}`,
  originalFile: 'الملف الأصلي',
  earlierParagraphs: 'الفقرات السابقة',
  laterParagraphs: 'الفقرات التالية',
  missingTitle: 'الوثيقة غير موجودة',
  missingText: 'لا توجد وثيقة بهذا الاسم.',
  seeAll: 'اعرض كل الوثائق.',
  languageNames: { ar: 'العربية', it: 'الإيطالية', kk: 'الكازاخية', en: 'الإنجليزية', other: 'لغة أخرى' },
};

const it: PageStrings = {
  allDocuments: 'Tutti i documenti',
  summary: (language, n) => `${it.languageNames[language]} · ${n} ${n === 1 ? 'paragrafo' : 'paragrafi'}`,
  numbersNote: 'I numeri accanto ai paragrafi sono quelli citati nelle risposte.',
  paragraph: (n) => `Paragrafo ${n}`,
  quoteHighlighted: 'Le frasi citate nella risposta sono evidenziate.',
  page: (n) => `pagina ${n}`,
  pages: (n) => `${n} ${n === 1 ? 'pagina' : 'pagine'}`,
  originalFile: 'File originale',
  earlierParagraphs: '← Paragrafi precedenti',
  laterParagraphs: 'Paragrafi successivi →',
  missingTitle: 'Documento non trovato',
  missingText: 'Non esiste un documento con questo nome.',
  seeAll: 'Vedi tutti i documenti.',
  languageNames: { ar: 'Arabo', it: 'Italiano', kk: 'Kazako', en: 'Inglese', other: 'Altra lingua' },
};

const kk: PageStrings = {
  allDocuments: 'Барлық құжаттар',
  summary: (language, n) => `${kk.languageNames[language]} · ${n} абзац`,
  numbersNote: 'Абзацтардың жанындағы нөмірлерге жауаптар сілтеме жасайды.',
  paragraph: (n) => `${n}-абзац`,
  quoteHighlighted: 'Жауапта келтірілген сөйлемдер белгіленген.',
  page: (n) => `${n}-бет`,
  pages: (n) => `${n} бет`,
  originalFile: 'Түпнұсқа файл',
  earlierParagraphs: '← Алдыңғы абзацтар',
  laterParagraphs: 'Келесі абзацтар →',
  missingTitle: 'Құжат табылмады',
  missingText: 'Бұл атаумен құжат жоқ.',
  seeAll: 'Барлық құжаттарды қарау.',
  languageNames: { ar: 'Араб тілі', it: 'Итальян тілі', kk: 'Қазақ тілі', en: 'Ағылшын тілі', other: 'Басқа тіл' },
};

const STRINGS: Record<PageLanguage, PageStrings> = { en, ar, it, kk };

export function pageStringsFor(language: PageLanguage): PageStrings {
  return STRINGS[language];
}

/**
 * The reader's language: `?lang=` when it names one we have, else the best of `Accept-Language` we have,
 * else the document's own language, else English.
 * @example pickPageLanguage(undefined, 'fr-FR,it;q=0.8,en;q=0.5', 'ar') // 'it'
 */
export function pickPageLanguage(requested: string | undefined, acceptLanguage: string | undefined, documentLanguage?: DetectedLanguage): PageLanguage {
  const known = (tag: string | undefined) => PAGE_LANGUAGES.find((l) => l === tag?.trim().toLowerCase().split(/[-_]/)[0]);
  const fromQuery = known(requested);
  if (fromQuery) return fromQuery;
  const accepted = (acceptLanguage ?? '')
    .split(',')
    .slice(0, 20)
    .map((part, order) => {
      const [tag, ...params] = part.split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? 1);
      return { tag, q: Number.isFinite(q) ? q : 0, order };
    })
    .filter((a) => a.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  for (const { tag } of accepted) {
    const match = known(tag);
    if (match) return match;
  }
  return known(documentLanguage) ?? 'en';
}
