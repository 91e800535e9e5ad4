import { describe, expect, it } from 'vitest';
import { detectLanguage, detectParagraphLanguages } from '../src/corpus/language.js';

describe('detectLanguage on short questions', () => {
  it.each([
    ['ar', 'ما هي مبادرة مرصد لا-حرية؟'],
    ['ar', 'من هو توكاييف؟'],
    ['ar', 'ماذا فعلت الصين في هونغ كونغ؟'],
    ['it', 'Chi è Tokayev?'],
    ['it', 'Quando si svolgeranno le elezioni?'],
    ['it', 'Quanti partiti sono registrati?'],
    ['it', "Che cosa ha fatto la Cina a Hong Kong secondo l'articolo?"],
    ['en', 'Who is Tokayev?'],
    ['en', 'What is the Unfreedom Monitor?'],
    ['en', 'How many parties are registered?'],
    ['kk', 'Сайлау қашан өтеді?'],
    ['kk', 'Кім жазды?'],
    ['kk', 'Amnesty International есебі қалай аталады?'],
    ['kk', 'Amnesty International не туралы жазды?'], // Kazakh without Kazakh-only letters
  ])('%s: %s', (language, question) => {
    expect(detectLanguage(question)).toBe(language);
  });

  it('reads Russian and Ukrainian as other, not Kazakh', () => {
    expect(detectLanguage('Что сказал Токаев о выборах?')).toBe('other');
    expect(detectLanguage('Сколько политзаключенных в стране?')).toBe('other');
    expect(detectLanguage('Що сказав Токаєв про вибори і протести?')).toBe('other');
  });

  it('normalises to NFC for detection (decomposed accents)', () => {
    expect(detectLanguage('Chi e\u0300 Tokayev?')).toBe('it');
  });

  it('reads long Persian and Urdu text as other, and Arabic as ar', () => {
    expect(detectLanguage('کتاب فارسی را می‌خوانم و این کتاب بسیار خوب است برای همه مردم ایران و افغانستان')).toBe('other');
    expect(detectLanguage('پاکستان کی حکومت نے انتخابات کے بارے میں ایک نیا قانون منظور کیا ہے اور لوگ خوش ہیں')).toBe('other');
    expect(detectLanguage('يقوم النظام الحاكم في كازاخستان بملاحقة ومراقبة الناشطين والصحفيين على الإنترنت منذ سنوات طويلة.')).toBe('ar');
  });

  it('returns other for text without letters or in other scripts', () => {
    expect(detectLanguage('')).toBe('other');
    expect(detectLanguage('2020 — 12:30 !?')).toBe('other');
    expect(detectLanguage('東京は日本の首都です')).toBe('other');
  });

  it('returns other for long text in another Latin-script language', () => {
    expect(detectLanguage("Le gouvernement du Kazakhstan a organisé des élections législatives anticipées au mois de janvier dernier.")).toBe('other');
  });
});

describe('detectParagraphLanguages', () => {
  const italian = 'Il 10 gennaio si svolgeranno in Kazakistan le elezioni per il Majilis, la camera bassa del parlamento.';
  const arabic = 'يقوم النظام الحاكم في كازاخستان بملاحقة ومراقبة الناشطين والصحفيين على الإنترنت منذ سنوات طويلة.';

  it('gives short lines (titles) their document language', () => {
    const result = detectParagraphLanguages(['The Monitor', italian, 'Fine', italian]);
    expect(result).toEqual({ languages: ['it', 'it', 'it', 'it'], documentLanguage: 'it' });
  });

  it('picks the document language covering most characters, keeping each long paragraph its own', () => {
    const result = detectParagraphLanguages([italian, arabic, arabic]);
    expect(result.documentLanguage).toBe('ar');
    expect(result.languages).toEqual(['it', 'ar', 'ar']);
  });

  it('detects a document made only of short lines from the lines themselves', () => {
    expect(detectParagraphLanguages(['Сайлау қашан?', 'Кім жазды?']).documentLanguage).toBe('kk');
  });
});
