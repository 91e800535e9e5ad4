/** Widget settings: attributes with defaults, the interface language, readable accent text, and the turn store. */
import { describe, expect, it } from 'vitest';
import type { AskResponse } from '../src/widget/client/api-types.js';
import { parseRgb, textColorOn } from '../src/widget/client/colors.js';
import { createTurnStore } from '../src/widget/client/conversation-store.js';
import { pickUiLanguage, stringsFor, UI_LANGUAGES, type UiStrings } from '../src/widget/client/i18n.js';
import { DEFAULT_TIMEOUT_MS, resolveOptions, type OptionAttribute } from '../src/widget/client/options.js';

const reader = (attrs: Partial<Record<OptionAttribute, string>>) => (name: OptionAttribute) => attrs[name] ?? null;
const context = { scriptOrigin: 'https://cdn.example', pageLang: null };

describe('resolveOptions', () => {
  it('defaults the endpoint to the script origin and everything else to sensible values', () => {
    expect(resolveOptions(reader({}), context)).toEqual({
      endpoint: 'https://cdn.example',
      title: 'Ask the documents',
      uiLanguage: 'en',
      open: false,
      inline: false,
      accent: '',
      timeoutMs: DEFAULT_TIMEOUT_MS,
      suggestions: [],
    });
  });

  it('reads every attribute, trimming the endpoint’s trailing slash', () => {
    const options = resolveOptions(reader({ endpoint: 'https://qa.example/base/', title: 'Aiuto', lang: 'it', open: 'true', accent: '#a40', timeout: '5000', suggestions: ' Quando si vota? | | Chi vince?|A|B|C ' }), context);
    expect(options).toEqual({
      endpoint: 'https://qa.example/base',
      title: 'Aiuto',
      uiLanguage: 'it',
      open: true,
      inline: false,
      accent: '#a40',
      timeoutMs: 5000,
      suggestions: ['Quando si vota?', 'Chi vince?', 'A', 'B'],
    });
  });

  it('treats a bare data-open as open, "false" as closed, and ignores an out-of-range timeout', () => {
    expect(resolveOptions(reader({ open: '' }), context).open).toBe(true);
    expect(resolveOptions(reader({ open: 'false' }), context).open).toBe(false);
    expect(resolveOptions(reader({ inline: '' }), context).inline).toBe(true);
    expect(resolveOptions(reader({ inline: 'no' }), context).inline).toBe(false);
    expect(resolveOptions(reader({ timeout: '5' }), context).timeoutMs).toBe(DEFAULT_TIMEOUT_MS);
  });

  it('titles the panel in the interface language', () => {
    expect(resolveOptions(reader({}), { ...context, pageLang: 'kk-KZ' }).title).toBe('Құжаттардан сұраңыз');
  });
});

describe('pickUiLanguage', () => {
  it('prefers data-lang, then the page language, then English', () => {
    expect(pickUiLanguage('ar', 'it')).toBe('ar');
    expect(pickUiLanguage('fr', 'it-CH')).toBe('it');
    expect(pickUiLanguage(undefined, 'de')).toBe('en');
  });

  it('has every string in every language', () => {
    const keys = Object.keys(stringsFor('en')) as (keyof UiStrings)[];
    for (const language of UI_LANGUAGES) {
      const strings = stringsFor(language);
      for (const key of keys) {
        const value = strings[key];
        expect(typeof value === 'function' ? value(3) : value, `${language}.${key}`).toMatch(/\S/);
      }
    }
    expect(stringsFor('ar').retry).not.toBe(stringsFor('en').retry);
  });
});

describe('textColorOn', () => {
  it('picks white on dark accents and dark text on light ones', () => {
    expect(textColorOn(parseRgb('rgb(11, 92, 173)')!)).toBe('#ffffff');
    expect(textColorOn(parseRgb('rgba(255, 221, 0, 1)')!)).toBe('#111111');
    expect(parseRgb('red')).toBeUndefined();
  });
});

describe('createTurnStore', () => {
  const response: AskResponse = { question: 'q', language: 'en', answer: 'a [1]', citations: [], retrieval: { mode: 'lexical', model: null }, grounded: true, warnings: [], timingsMs: {} };

  it('keeps turns under its key and drops malformed entries', () => {
    const map = new Map<string, string>();
    const storage = { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
    const store = createTurnStore(storage, 'rag-chat:x');
    store.save([{ question: 'q', response: { ...response, citations: [] } }]);
    expect(store.load()).toHaveLength(1);
    map.set('rag-chat:x', JSON.stringify([{ question: 'q' }, 'junk']));
    expect(store.load()).toEqual([]);
    map.set('rag-chat:x', '{not json');
    expect(store.load()).toEqual([]);
  });

  it('works in memory only when storage is missing or refuses writes', () => {
    const full = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); } };
    expect(() => createTurnStore(full, 'k').save([])).not.toThrow();
    expect(createTurnStore(undefined, 'k').load()).toEqual([]);
  });
});
