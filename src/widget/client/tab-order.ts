/**
 * The panel's Tab order, as a reader goes through an answer: question → send → the latest answer (chips, cards,
 * copy, feedback) → earlier answers, newest first → the header's buttons → out of the widget. Shift+Tab goes back.
 * The DOM order (header, log, composer) would send Tab from Send straight out of the widget.
 */

const FOCUSABLE = 'button, a[href], textarea, input, select, summary, [tabindex]:not([tabindex="-1"])';

export interface TabOrderParts {
  root: ShadowRoot;
  panel: HTMLElement;
  input: HTMLElement;
  send: HTMLElement;
  log: HTMLElement;
  /** The paragraph viewer, shown instead of the log. */
  viewer: HTMLElement;
  header: HTMLElement;
  /** Focusable-by-script elements before and after everything else: focusing one lets Tab leave the widget. */
  startSentinel: HTMLElement;
  endSentinel: HTMLElement;
}

/**
 * Installs the order on the panel's keydown.
 * @example keepTabOrder({ root, panel, input, send, log, viewer, header, startSentinel, endSentinel })
 */
export function keepTabOrder(parts: TabOrderParts): void {
  parts.panel.addEventListener('keydown', (event) => {
    if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey) return;
    const order = focusOrder(parts);
    const at = order.indexOf(parts.root.activeElement as HTMLElement);
    if (at === -1) return;
    const next = at + (event.shiftKey ? -1 : 1);
    if (next < 0 || next >= order.length) {
      // Past either end: from a sentinel at that end, the browser's own Tab continues into the page.
      (next < 0 ? parts.startSentinel : parts.endSentinel).focus();
      return;
    }
    event.preventDefault();
    order[next]!.focus();
  });
}

/** The focusable elements in the order above, visible ones only. */
export function focusOrder(parts: TabOrderParts): HTMLElement[] {
  const body: HTMLElement[] = [];
  if (!parts.log.hidden) {
    const turns = [...parts.log.querySelectorAll<HTMLElement>('.turn')].reverse();
    const outsideTurns = focusables(parts.log).filter((el) => !el.closest('.turn'));
    body.push(...turns.flatMap(focusables), ...outsideTurns, parts.log);
  } else {
    body.push(...focusables(parts.viewer));
  }
  return [parts.input, parts.send, ...body, ...focusables(parts.header)].filter(isShown);
}

function focusables(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !(el as HTMLButtonElement).disabled && isShown(el));
}

function isShown(el: HTMLElement): boolean {
  return el.getClientRects().length > 0;
}
