/** Applying a customer's accent colour to the widget, with a text colour that stays readable on it. */
import { parseRgb, textColorOn } from './colors.js';

/**
 * Sets `--accent` (and `--on-accent`) on the widget's container when the browser accepts `accent` as a colour;
 * anything else is ignored and the default stays.
 * @example applyAccent(container, '#ffd400') // dark text on the yellow buttons
 */
export function applyAccent(container: HTMLElement, accent: string): void {
  if (!accent || !CSS.supports('color', accent)) return;
  container.style.setProperty('--accent', accent);
  const rgb = parseRgb(computedColor(container, accent));
  if (rgb) container.style.setProperty('--on-accent', textColorOn(rgb));
}

/** The browser's `rgb(...)` form of any CSS colour (names, hex, hsl…). */
function computedColor(container: HTMLElement, color: string): string {
  const probe = document.createElement('span');
  probe.hidden = true;
  probe.style.color = color;
  container.appendChild(probe);
  const computed = getComputedStyle(probe).color;
  probe.remove();
  return computed;
}
