/** The triage list of `npm run eval -- --feedback`: disliked answers with their questions, newest first. */
import type { FeedbackRecord } from './feedback-store.js';

/**
 * Plain text listing every thumbs-down: time, question, the reader's comment, the answer and the sources it cited.
 * Pure.
 * @example console.log(renderDislikedAnswers(records))
 */
export function renderDislikedAnswers(records: readonly FeedbackRecord[]): string {
  const disliked = records.filter((r) => r.verdict === 'down').sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
  const liked = records.length - disliked.length;
  const head = `${records.length} feedback records: ${disliked.length} disliked, ${liked} liked.`;
  if (disliked.length === 0) return `${head}\nNo disliked answers.`;
  const entries = disliked.map((r, i) => {
    const sources = r.citations.map((c) => `[${c.id}] ${c.file} ¶${c.paragraph}`).join('; ') || 'none';
    return [
      `${i + 1}. ${r.receivedAt}${r.language ? ` (${r.language})` : ''}${r.answerRequestId ? ` request ${r.answerRequestId}` : ''}`,
      `   Question: ${r.question}`,
      ...(r.comment ? [`   Comment:  ${r.comment}`] : []),
      `   Answer:   ${r.answer.replace(/\s+/g, ' ')}`,
      `   Sources:  ${sources}`,
    ].join('\n');
  });
  return [head, '', ...entries].join('\n');
}
