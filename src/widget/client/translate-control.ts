/**
 * The Translate control of a quote, shown only when the browser offers on-device translation (the `Translator` web
 * API) for the quote's language into the asker's: the quote is never sent anywhere else to be translated.
 */
import { append, h } from './dom.js';
import type { UiStrings } from './i18n.js';
import { setDirection } from './render-text.js';

/** The part of the Translator web API the widget uses. */
interface TranslatorApi {
  availability(options: { sourceLanguage: string; targetLanguage: string }): Promise<string>;
  create(options: { sourceLanguage: string; targetLanguage: string }): Promise<{ translate(text: string): Promise<string> }>;
}

/** The browser's Translator, or undefined where there is none. */
export function browserTranslator(): TranslatorApi | undefined {
  const api = (globalThis as { Translator?: TranslatorApi }).Translator;
  return api && typeof api.availability === 'function' && typeof api.create === 'function' ? api : undefined;
}

/**
 * Adds a Translate button under the quote when the browser can translate `from` → `to`; nothing otherwise.
 * The translation appears below the quote, in the asker's language and direction; the button then hides it again.
 * @example addTranslateControl(wrapper, quoteText, 'ar', 'en', strings)
 */
export function addTranslateControl(wrapper: HTMLElement, text: string, from: string, to: string, strings: UiStrings): void {
  const api = browserTranslator();
  if (!api) return;
  const languages = { sourceLanguage: from, targetLanguage: to };
  void api.availability(languages).then(
    (availability) => {
      if (availability === 'unavailable') return;
      const button = h('button', { type: 'button', class: 'translate', 'aria-expanded': 'false' }, strings.translate);
      const output = h('p', { class: 'translation', hidden: true, 'aria-live': 'polite' });
      setDirection(output, to);
      let translated: string | undefined;
      button.addEventListener('click', () => void toggle());
      async function toggle(): Promise<void> {
        if (!output.hidden) {
          output.hidden = true;
          button.textContent = strings.translate;
          button.setAttribute('aria-expanded', 'false');
          return;
        }
        button.disabled = true;
        try {
          translated ??= await (await api!.create(languages)).translate(text);
          output.textContent = translated;
          output.setAttribute('title', strings.translatedOnDevice);
          output.hidden = false;
          button.textContent = strings.hideTranslation;
          button.setAttribute('aria-expanded', 'true');
        } catch {
          output.textContent = strings.translationFailed;
          output.hidden = false;
        } finally {
          button.disabled = false;
        }
      }
      append(wrapper, button, output);
    },
    () => {}, // no translation offered: no control
  );
}
