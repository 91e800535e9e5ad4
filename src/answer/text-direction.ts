/** The direction a passage is laid out in: from its language, else from its first strong letter. */
import type { DetectedLanguage } from '../corpus/types.js';

const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const STRONG_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]|\p{L}/u;

/**
 * `rtl` for Arabic, `ltr` for the other known languages; text of unknown language by its first letter.
 * @example textDirection('other', 'مرحبا Rome') // 'rtl'
 */
export function textDirection(language: DetectedLanguage, text: string): 'ltr' | 'rtl' {
  if (language === 'ar') return 'rtl';
  if (language !== 'other') return 'ltr';
  const first = STRONG_LETTER.exec(text)?.[0];
  return first !== undefined && RTL_LETTER.test(first) ? 'rtl' : 'ltr';
}
