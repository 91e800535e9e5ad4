/** Renders an /api/ask response for the terminal: the answer, then each citation with title, file, paragraph and excerpt. */
import type { Citation } from '../answer/types.js';

export interface AskResponseBody {
  question: string;
  language: string;
  answer: string;
  citations: Citation[];
  retrieval: { mode: string; model: string | null };
  grounded: boolean;
  warnings: string[];
  timingsMs: { total: number };
}

/** Plain text with no colours, so it reads the same in a pipe. */
export function formatAnswer(body: AskResponseBody): string {
  const lines = [body.answer, ''];
  for (const c of body.citations) {
    const title = c.title && c.title !== c.file ? ` — ${c.title}` : '';
    lines.push(`[${c.id}] ${c.file} ¶${c.paragraph} (${c.language}, score ${c.score.toFixed(3)})${title}`);
    lines.push(`    ${c.text.replace(/\s+/g, ' ').trim()}`);
  }
  lines.push('');
  const notes = [`${body.retrieval.mode} retrieval`, body.grounded ? 'grounded' : 'not grounded', `${body.timingsMs.total.toFixed(1)} ms`];
  lines.push(`— ${notes.join(', ')}`);
  for (const w of body.warnings) lines.push(`warning: ${w}`);
  return `${lines.join('\n')}\n`;
}
