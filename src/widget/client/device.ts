/** What the chat needs from the device: the clipboard, and the visual viewport a phone's keyboard shrinks. */

/**
 * Puts text on the clipboard: the Clipboard API where the page may use it, else a hidden textarea and the copy
 * command (plain-http pages, older browsers).
 */
export async function copyText(text: string, root: ShadowRoot): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.cssText = 'position:fixed;top:0;left:0;opacity:0;';
    root.appendChild(area);
    area.select();
    const copied = document.execCommand('copy');
    area.remove();
    return copied;
  }
}

/**
 * Keeps --vv-top/--vv-left/--vv-width/--vv-height on `element` equal to the visual viewport, the part of the page
 * the reader sees: on a phone it shrinks when the on-screen keyboard opens, and the full-screen panel follows it.
 */
export function trackVisualViewport(element: HTMLElement): void {
  const viewport = window.visualViewport;
  if (!viewport) return;
  const update = () => {
    element.style.setProperty('--vv-top', `${viewport.offsetTop}px`);
    element.style.setProperty('--vv-left', `${viewport.offsetLeft}px`);
    element.style.setProperty('--vv-width', `${viewport.width}px`);
    element.style.setProperty('--vv-height', `${viewport.height}px`);
  };
  update();
  viewport.addEventListener('resize', update);
  viewport.addEventListener('scroll', update);
}
