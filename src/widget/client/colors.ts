/** Choosing a readable text colour for a custom accent colour (WCAG relative luminance). */

/**
 * Parses the `rgb(r, g, b)` / `rgba(...)` form browsers report for computed colours.
 * @example parseRgb('rgb(11, 92, 173)') // [11, 92, 173]
 */
export function parseRgb(value: string): [number, number, number] | undefined {
  const match = /rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(value);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

function luminance([r, g, b]: [number, number, number]): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/**
 * White or near-black, whichever contrasts more with the background.
 * @example textColorOn([255, 221, 0]) // '#111111'
 */
export function textColorOn(background: [number, number, number]): '#ffffff' | '#111111' {
  const l = luminance(background);
  const withWhite = 1.05 / (l + 0.05);
  const withDark = (l + 0.05) / (luminance([17, 17, 17]) + 0.05);
  return withWhite >= withDark ? '#ffffff' : '#111111';
}
