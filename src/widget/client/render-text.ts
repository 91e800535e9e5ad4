/** Text nodes with the right direction: a block's dir/lang from its language, and opposite-direction names isolated. */
import { directionOf, directionRuns, guessDirection } from './answer-text.js';
import { h } from './dom.js';

/**
 * Text as nodes, with each stretch that runs against `base` wrapped in `<bdi>` so names and numbers keep their order.
 * @example element.append(...directedText('قالت Amnesty International (AI) إن', 'rtl'))
 */
export function directedText(text: string, base: 'ltr' | 'rtl' | 'auto'): Node[] {
  const resolved = base === 'auto' ? guessDirection(text) : base;
  return directionRuns(text, resolved).map((run) =>
    run.isolated ? h('bdi', { dir: resolved === 'rtl' ? 'ltr' : 'rtl' }, run.text) : document.createTextNode(run.text),
  );
}

/**
 * Sets `dir` and `lang` on a block holding text of `language` (`other`/unknown: dir="auto", no lang).
 * @example setDirection(p, 'ar') // p.dir === 'rtl', p.lang === 'ar'
 */
export function setDirection(element: HTMLElement, language: string | undefined): 'ltr' | 'rtl' | 'auto' {
  const dir = directionOf(language);
  element.setAttribute('dir', dir);
  if (dir === 'auto') element.removeAttribute('lang');
  else element.setAttribute('lang', language!);
  return dir;
}
