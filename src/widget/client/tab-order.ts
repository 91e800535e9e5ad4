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
  /** The floating button, before the panel (hidden in inline mode and on phones while open). */
  launcher: HTMLElement;
}

/**
 * Installs the order on the panel's keydown.
 * @example keepTabOrder({ root, panel, input, send, log, viewer, header, launcher })
 */
export function keepTabOrder(parts: TabOrderParts): void {
  parts.panel.addEventListener('keydown', (event) => {
    if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey) return;
    const order = focusOrder(parts);
    const at = order.indexOf(parts.root.activeElement as HTMLElement);
    if (at === -1) return;
    const next = at + (event.shiftKey ? -1 : 1);
    event.preventDefault();
    if (next >= 0 && next < order.length) return order[next]!.focus();
    // Past either end: on to the page around the widget (or back to the launcher that opened the panel).
    if (next < 0 && isShown(parts.launcher)) return parts.launcher.focus();
    const outside = pageNeighbour(parts.root.host as HTMLElement, next < 0 ? 'before' : 'after');
    if (outside) outside.focus();
    else (parts.root.activeElement as HTMLElement | null)?.blur();
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

/** The page's nearest tabbable element before or after the widget's host, if any. */
function pageNeighbour(host: HTMLElement, side: 'before' | 'after'): HTMLElement | undefined {
  const wanted = side === 'after' ? Node.DOCUMENT_POSITION_FOLLOWING : Node.DOCUMENT_POSITION_PRECEDING;
  const candidates = [...host.ownerDocument.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => el !== host && !host.contains(el) && host.compareDocumentPosition(el) & wanted && el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && isShown(el),
  );
  return side === 'after' ? candidates[0] : candidates.at(-1);
}

function focusables(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !(el as HTMLButtonElement).disabled && isShown(el));
}

function isShown(el: HTMLElement): boolean {
  // Inside a closed <details>, only its summary can take focus (Chromium still gives the rest client rects).
  const closed = el.closest('details:not([open])');
  if (closed && el.parentElement !== closed) return false;
  if (closed && el.tagName !== 'SUMMARY') return false;
  return el.getClientRects().length > 0;
}
