/** Pure text helpers for answers: `[n]` markers into citation chips, and direction runs for mixed-script text. */

/** A piece of an answer: plain text, or the chip of citation `id`. */
export type AnswerSegment = { kind: 'text'; text: string } | { kind: 'citation'; id: number };

const MARKER = /\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]/g;

/**
 * Splits an answer into text and citation markers; `[2]` and `[1, 3]` become chips when the id is known.
 * Unknown ids stay as literal text, so nothing is invented.
 * @example splitAnswer('Yes [1].', new Set([1])) // [{kind:'text',text:'Yes '},{kind:'citation',id:1},{kind:'text',text:'.'}]
 */
export function splitAnswer(answer: string, knownIds: ReadonlySet<number>): AnswerSegment[] {
  const segments: AnswerSegment[] = [];
  const pushText = (text: string) => {
    if (!text) return;
    const last = segments[segments.length - 1];
    if (last?.kind === 'text') last.text += text;
    else segments.push({ kind: 'text', text });
  };
  let from = 0;
  for (const match of answer.matchAll(MARKER)) {
    const ids = match[1].split(',').map((s) => Number(s.trim()));
    pushText(answer.slice(from, match.index));
    if (ids.every((id) => knownIds.has(id))) ids.forEach((id) => segments.push({ kind: 'citation', id }));
    else pushText(match[0]);
    from = match.index! + match[0].length;
  }
  pushText(answer.slice(from));
  return segments;
}

/**
 * Citation ids in the order the answer first mentions them.
 * @example citedIds('a [2] b [1][2]') // [2, 1]
 */
export function citedIds(answer: string): number[] {
  const ids: number[] = [];
  for (const match of answer.matchAll(MARKER)) {
    for (const id of match[1].split(',').map((s) => Number(s.trim()))) if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** A stretch of text, `isolated` when it runs against the surrounding direction and needs its own `<bdi>`. */
export interface DirectionRun {
  text: string;
  isolated: boolean;
}

const LATIN = 'A-Za-z\\u00C0-\\u024F\\u0400-\\u04FF';
const LATIN_WORD = `[${LATIN}](?:[${LATIN}0-9'’.\\-]*[${LATIN}0-9])?`;
const LATIN_GROUP = `\\([^()\\u0590-\\u08FF]*[${LATIN}][^()\\u0590-\\u08FF]*\\)`;
const LATIN_TOKEN = `(?:${LATIN_WORD}|${LATIN_GROUP})`;
/** Latin/Cyrillic names inside right-to-left text, with their inner spaces and brackets: "Amnesty International (AI)". */
const LTR_RUN = new RegExp(`${LATIN_TOKEN}(?:[ ,&/:\\-]+${LATIN_TOKEN})*`, 'g');

const ARABIC = '\\u0590-\\u08FF\\uFB1D-\\uFDFF\\uFE70-\\uFEFF';
/** Arabic (or Hebrew) stretches inside left-to-right text, up to their last letter. */
const RTL_RUN = new RegExp(`[${ARABIC}](?:[${ARABIC}0-9\\u0660-\\u0669\\s،؛؟.,:;!«»"()\\-–]*[${ARABIC}])?`, 'g');

/**
 * Splits text into runs so that names in the other direction display intact: in right-to-left text the
 * Latin/Cyrillic names are isolated; in left-to-right text the Arabic stretches are.
 * @example directionRuns('قالت Amnesty International (AI) إن', 'rtl')[1] // { text: 'Amnesty International (AI)', isolated: true }
 */
export function directionRuns(text: string, base: 'ltr' | 'rtl'): DirectionRun[] {
  const pattern = base === 'rtl' ? LTR_RUN : RTL_RUN;
  const runs: DirectionRun[] = [];
  let from = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index! > from) runs.push({ text: text.slice(from, match.index), isolated: false });
    runs.push({ text: match[0], isolated: true });
    from = match.index! + match[0].length;
  }
  if (from < text.length) runs.push({ text: text.slice(from), isolated: false });
  return runs;
}

/**
 * The direction to lay out text of a language: Arabic right-to-left, the others left-to-right, unknown by content.
 * @example directionOf('ar') // 'rtl'
 */
export function directionOf(language: string | undefined): 'rtl' | 'ltr' | 'auto' {
  if (language === 'ar') return 'rtl';
  if (language === 'it' || language === 'kk' || language === 'en') return 'ltr';
  return 'auto';
}

/**
 * The direction of text from its first strong letter, for text whose language is not known.
 * @example guessDirection('Quanti prigionieri?') // 'ltr'
 */
export function guessDirection(text: string): 'rtl' | 'ltr' {
  const strong = new RegExp(`[${ARABIC}]|[${LATIN}]`).exec(text);
  return strong && new RegExp(`[${ARABIC}]`).test(strong[0]) ? 'rtl' : 'ltr';
}
