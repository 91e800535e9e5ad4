import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Chunk } from '../src/chunking/types.js';
import { LexicalIndex } from '../src/index/lexical-index.js';
import { MIN_KEY_LENGTH, phoneticKey } from '../src/index/phonetic-key.js';

function chunk(file: string, text: string, language: Chunk['language']): Chunk {
  return { id: `${file}#1:0`, file, paragraph: 1, start: 0, end: text.length, language, text, embedText: text };
}

describe('phoneticKey', () => {
  it('gives a name the same key in Latin, Cyrillic and Arabic letters', () => {
    expect(phoneticKey('кривошеев')).toBe(phoneticKey('كريفوشييف'));
    expect(phoneticKey('moscow')).toBe(phoneticKey('موسكو'));
    expect(phoneticKey('kazakhstan')).toBe(phoneticKey('қазақстан'));
    expect(phoneticKey('kazakistan')).toBe(phoneticKey('كازاخستان'));
    expect(phoneticKey('hong')).toBe(phoneticKey('هونغ'));
  });

  it('keeps different names apart', () => {
    expect(phoneticKey('moscow')).not.toBe(phoneticKey('kazakhstan'));
    expect(phoneticKey('reform')).not.toBe(phoneticKey('protest'));
  });

  it('reads accented letters, precomposed or not, through their base letters', () => {
    expect(phoneticKey('škoda')).toBe('skd');
    expect(phoneticKey('s\u030Ckoda')).toBe('skd');
    expect(phoneticKey('سُلْطَة')).toBe(phoneticKey('سلطة'));
    expect(phoneticKey('бейбітшілік')).toBe(phoneticKey('беибітшілік'));
  });

  it('keys short names by consonants and vowel places, alike in Latin, Cyrillic and Arabic letters', () => {
    // Names not in the corpus.
    expect(new Set(['amina', 'амина', 'أمينة', 'امينة'].map(phoneticKey))).toEqual(new Set(['VmVn']));
    expect(new Set(['mamay', 'мамай', 'ماماي'].map(phoneticKey))).toEqual(new Set(['mVm']));
    expect(phoneticKey('amina')).not.toBe(phoneticKey('mamay'));
  });

  it('gives no key to short words, numbers or other scripts', () => {
    expect(phoneticKey('cina')).toBeUndefined();
    expect(phoneticKey('2017')).toBeUndefined();
    expect(phoneticKey('北京市')).toBeUndefined();
  });

  it('never throws and yields consonant-class symbols of the minimum length, or a short name key with vowel places', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (word) => {
        const key = phoneticKey(word.toLowerCase());
        if (key !== undefined) expect(key).toMatch(new RegExp(`^(?:[bfkstdlmnrhSC]{${MIN_KEY_LENGTH},}|(?=.*V)[bfkstdlmnrhSCV]{3,})$`));
      }),
    );
  });
});

describe('lexical search across scripts', () => {
  const chunks = [
    chunk('ar.txt', 'تعتبر موسكو هذه البلدان جزءًا من مجال النفوذ الاستراتيجي.', 'ar'),
    chunk('kk.txt', 'Денис Кривошеев Amnesty International директорының орынбасары.', 'kk'),
    chunk('it.txt', 'Il governo ha bloccato Internet durante le elezioni.', 'it'),
  ];
  const index = LexicalIndex.build(chunks);

  it('finds an Arabic paragraph for an English question through a shared name', () => {
    expect(index.search('Which region does Moscow consider strategic?', 3, 'en')[0]?.index).toBe(0);
  });

  it('finds a Kazakh paragraph for a name written in Arabic letters', () => {
    expect(index.search('من هو دينيس كريفوشييف؟', 3, 'ar')[0]?.index).toBe(1);
  });

  it('still ranks a shared word above a phonetic match', () => {
    expect(index.search('elezioni Internet', 3, 'it')[0]?.index).toBe(2);
  });
});
