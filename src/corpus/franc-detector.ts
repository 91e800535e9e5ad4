/** franc, restricted to a set of candidate languages and a bounded sample: the one place the library is called. */
import { franc } from 'franc';

/** Characters franc looks at: trigram statistics settle well before this, and the cost grows with length. */
const SAMPLE_CHARS = 300;

/**
 * A detector returning franc's ISO 639-3 code among `only` ('und' when undetermined or shorter than `minLength`).
 * @example francDetector({ only: ['ita', 'eng'], minLength: 1 })('Chi ha vinto?') // 'ita'
 */
export function francDetector(options: { only: readonly string[]; minLength: number }): (text: string) => string {
  const francOptions = { only: [...options.only], minLength: options.minLength };
  return (text) => franc(text.slice(0, SAMPLE_CHARS), francOptions);
}
