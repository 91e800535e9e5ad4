/** The widget's settings, read from the element's attributes (or the script tag's data-* attributes). */
import { pickUiLanguage, stringsFor, type UiLanguage } from './i18n.js';

/** Settings after defaults: nothing is left undefined. */
export interface WidgetOptions {
  /** Origin (and optional base path) of the API, without a trailing slash. */
  endpoint: string;
  title: string;
  uiLanguage: UiLanguage;
  /** Start with the panel open. */
  open: boolean;
  /** Sit where the element is placed and fill its container, always open, instead of floating over the page. */
  inline: boolean;
  /** CSS colour of buttons and highlights; empty for the default. */
  accent: string;
  /** Give up when the server sends nothing for this long. */
  timeoutMs: number;
  /** Starter questions from the host page (`suggestions`, `|`-separated, at most 4); empty: ask the server. */
  suggestions: string[];
}

/** Attributes the widget reads: on `<rag-chat>` by these names, on the script tag as `data-<name>`. */
export const OPTION_ATTRIBUTES = ['endpoint', 'title', 'lang', 'open', 'inline', 'accent', 'timeout', 'suggestions'] as const;
export type OptionAttribute = (typeof OPTION_ATTRIBUTES)[number];

export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Resolves settings from an attribute reader. `endpoint` defaults to the widget script's own origin;
 * `open` and `inline` are on for `""`, `true`, `1`, `yes` or their own name; `timeout` is milliseconds (1000–600000); `suggestions` holds up
 * to four questions separated by `|`.
 * @example resolveOptions((n) => ({ endpoint: 'https://qa.example/' })[n] ?? null, { scriptOrigin: 'https://cdn.example', pageLang: 'it' })
 */
export function resolveOptions(
  read: (name: OptionAttribute) => string | null,
  context: { scriptOrigin: string; pageLang: string | null },
): WidgetOptions {
  const uiLanguage = pickUiLanguage(read('lang'), context.pageLang);
  const endpoint = (read('endpoint')?.trim() || context.scriptOrigin).replace(/\/+$/, '');
  const openValue = read('open');
  const inlineValue = read('inline');
  const timeout = Number(read('timeout'));
  return {
    endpoint,
    title: read('title')?.trim() || stringsFor(uiLanguage).title,
    uiLanguage,
    open: isOn(openValue, 'open'),
    inline: isOn(inlineValue, 'inline'),
    accent: read('accent')?.trim() ?? '',
    timeoutMs: Number.isFinite(timeout) && timeout >= 1000 && timeout <= 600_000 ? timeout : DEFAULT_TIMEOUT_MS,
    suggestions: (read('suggestions') ?? '')
      .split('|')
      .map((q) => q.trim().slice(0, 300))
      .filter(Boolean)
      .slice(0, 4),
  };
}

function isOn(value: string | null, name: string): boolean {
  return value !== null && ['', 'true', name, '1', 'yes'].includes(value.trim().toLowerCase());
}
