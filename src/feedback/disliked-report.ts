/** The triage list of `npm run eval -- --feedback`: disliked answers with their questions, newest first. */
import type { FeedbackRecord } from './feedback-store.js';

/**
 * Control characters (C0, DEL, C1, which include the terminal's escape sequences) and bidirectional overrides
 * written as `\u{…}`, so stored text cannot move the cursor, recolour or rewrite the operator's terminal.
 * @example escapeControls('a\u001b[2Jb') // 'a\\u{1b}[2Jb'
 */
export function escapeControls(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

/**
 * Plain text listing every thumbs-down: time, question, the reader's comment, the answer and the sources it cited,
 * every stored string with its control characters escaped (see escapeControls). Pure.
 * @example console.log(renderDislikedAnswers(records))
 */
export function renderDislikedAnswers(records: readonly FeedbackRecord[]): string {
  const disliked = records.filter((r) => r.verdict === 'down').sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
  const liked = records.length - disliked.length;
  const head = `${records.length} feedback records: ${disliked.length} disliked, ${liked} liked.`;
  if (disliked.length === 0) return `${head}\nNo disliked answers.`;
  const entries = disliked.map((r, i) => {
    const e = (value: unknown) => escapeControls(String(value));
    const sources = r.citations.map((c) => `[${e(c.id)}] ${e(c.file)} ¶${e(c.paragraph)}`).join('; ') || 'none';
    return [
      `${i + 1}. ${e(r.receivedAt)}${r.language ? ` (${e(r.language)})` : ''}${r.answerRequestId ? ` request ${e(r.answerRequestId)}` : ''}`,
      `   Question: ${e(r.question)}`,
      ...(r.comment ? [`   Comment:  ${e(r.comment)}`] : []),
      `   Answer:   ${e(r.answer.replace(/[ \t\r\n]+/g, ' '))}`,
      `   Sources:  ${sources}`,
    ].join('\n');
  });
  return [head, '', ...entries].join('\n');
}
