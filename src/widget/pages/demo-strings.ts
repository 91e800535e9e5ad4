/** The demo page's words in each reader language (the embed instructions for developers stay in English). */
import { crossLingualMeaning } from '../../retrieval/mode-meaning.js';
import type { RetrievalMode } from '../../retrieval/types.js';
import type { PageLanguage } from './page-strings.js';

export interface DemoStrings {
  title: string;
  lead: string;
  languageNav: string;
  corpusHeading: string;
  facts: (f: { files: number; paragraphs: number; passages: number }) => string;
  retrieval: (mode: RetrievalMode, model: string | null) => string;
  indexed: (date: string) => string;
  acrossLanguages: (mode: RetrievalMode) => string;
  columns: [document: string, language: string, paragraphs: string, opening: string];
  embedHeading: string;
}

const en: DemoStrings = {
  title: 'Ask the documents',
  lead: 'Ask in Arabic, Italian, Kazakh or English. The chat in the corner answers from the documents below and cites the file and paragraph every excerpt comes from.',
  languageNav: 'Language of the page and the chat',
  corpusHeading: 'What the corpus holds',
  facts: (f) => `${f.files} files · ${f.paragraphs} paragraphs · ${f.passages} indexed passages`,
  retrieval: (mode, model) => (mode === 'lexical' ? 'lexical retrieval (BM25)' : `hybrid retrieval (BM25 + ${model})`),
  indexed: (date) => `indexed ${date}`,
  acrossLanguages: (mode) => `Questions across languages: ${crossLingualMeaning(mode)}`,
  columns: ['Document', 'Language', 'Paragraphs', 'Opening'],
  embedHeading: 'Add the chat to your site',
};

const ar: DemoStrings = {
  title: 'اسأل الوثائق',
  lead: 'اسأل بالعربية أو الإيطالية أو الكازاخية أو الإنجليزية. تجيب المحادثة في الزاوية من الوثائق أدناه، وتذكر الملف والفقرة لكل مقتطف.',
  languageNav: 'لغة الصفحة والمحادثة',
  corpusHeading: 'ما تحتويه الوثائق',
  facts: (f) => `عدد الملفات: ${f.files} · عدد الفقرات: ${f.paragraphs} · عدد المقاطع المفهرسة: ${f.passages}`,
  retrieval: (mode, model) => (mode === 'lexical' ? 'بحث معجمي (BM25)' : `بحث هجين (BM25 + ${model})`),
  indexed: (date) => `فُهرست في ${date}`,
  acrossLanguages: (mode) =>
    `الأسئلة بين اللغات: ${mode === 'lexical' ? 'بالكلمات والأسماء المشتركة فقط، فيجد السؤال المقاطع بلغته، ولا يجد المقاطع بلغة أخرى إلا عبر الأسماء المكتوبة بالشكل نفسه. حمّل نموذج التضمين للأسئلة بين اللغات.' : 'بالمعنى: يجد السؤال بالعربية أو الإيطالية أو الكازاخية أو الإنجليزية المقاطع بأي من هذه اللغات.'}`,
  columns: ['الوثيقة', 'اللغة', 'الفقرات', 'البداية'],
  embedHeading: 'أضف المحادثة إلى موقعك',
};

const it: DemoStrings = {
  title: 'Chiedi ai documenti',
  lead: 'Chiedi in arabo, italiano, kazako o inglese. La chat nell’angolo risponde dai documenti qui sotto e cita il file e il paragrafo di ogni estratto.',
  languageNav: 'Lingua della pagina e della chat',
  corpusHeading: 'Che cosa contiene il corpus',
  facts: (f) => `${f.files} file · ${f.paragraphs} paragrafi · ${f.passages} passaggi indicizzati`,
  retrieval: (mode, model) => (mode === 'lexical' ? 'ricerca lessicale (BM25)' : `ricerca ibrida (BM25 + ${model})`),
  indexed: (date) => `indicizzato il ${date}`,
  acrossLanguages: (mode) =>
    `Domande tra lingue: ${mode === 'lexical' ? 'solo per parole e nomi in comune: una domanda trova i passaggi nella sua lingua, e in un’altra lingua solo tramite nomi scritti allo stesso modo. Carica il modello di embedding per le domande tra lingue.' : 'per significato: una domanda in arabo, italiano, kazako o inglese trova passaggi in ognuna di queste lingue.'}`,
  columns: ['Documento', 'Lingua', 'Paragrafi', 'Inizio'],
  embedHeading: 'Aggiungi la chat al tuo sito',
};

const kk: DemoStrings = {
  title: 'Құжаттардан сұраңыз',
  lead: 'Араб, итальян, қазақ немесе ағылшын тілінде сұраңыз. Бұрыштағы чат төмендегі құжаттардан жауап береді және әр үзіндінің файлы мен абзацын көрсетеді.',
  languageNav: 'Беттің және чаттың тілі',
  corpusHeading: 'Корпуста не бар',
  facts: (f) => `${f.files} файл · ${f.paragraphs} абзац · ${f.passages} индекстелген үзінді`,
  retrieval: (mode, model) => (mode === 'lexical' ? 'лексикалық іздеу (BM25)' : `гибридті іздеу (BM25 + ${model})`),
  indexed: (date) => `индекстелген күні ${date}`,
  acrossLanguages: (mode) =>
    `Тілдер арасындағы сұрақтар: ${mode === 'lexical' ? 'тек ортақ сөздер мен атаулар бойынша: сұрақ өз тіліндегі үзінділерді, ал басқа тілдегілерді тек бірдей жазылған атаулар арқылы табады. Тілдер арасындағы сұрақтар үшін эмбеддинг моделін жүктеңіз.' : 'мағына бойынша: араб, итальян, қазақ немесе ағылшын тіліндегі сұрақ осы тілдердің кез келгеніндегі үзінділерді табады.'}`,
  columns: ['Құжат', 'Тіл', 'Абзацтар', 'Басы'],
  embedHeading: 'Чатты сайтыңызға қосыңыз',
};

const STRINGS: Record<PageLanguage, DemoStrings> = { en, ar, it, kk };

/** The demo page's strings in `language`. */
export function demoStringsFor(language: PageLanguage): DemoStrings {
  return STRINGS[language];
}
