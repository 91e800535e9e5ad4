/**
 * Renders an /api/ask response for the terminal: the confidence state, the answer (its lead line, then one quote a
 * line), the gloss of aligned key terms, then each citation with title, file, paragraph and excerpt.
 */
import type { Citation, GlossTerm } from '../answer/types.js';

export interface AskResponseBody {
  question: string;
  language: string;
  lead: string;
  answer: string;
  citations: Citation[];
  /** Absent from servers older than the gloss. */
  gloss?: GlossTerm[];
  retrieval: { mode: string; model: string | null };
  grounded: boolean;
  support: 'answered' | 'possible' | 'none';
  warnings: string[];
  timingsMs: { total: number };
}

/** The confidence state in words, so it reads without colour. */
const STATE: Record<AskResponseBody['support'], string> = {
  answered: 'ANSWERED',
  possible: 'POSSIBLY RELEVANT (not confirmed)',
  none: 'NOT FOUND (the passages below are the nearest, not answers)',
};

/** Plain text with no colours, so it reads the same in a pipe. Each quote stands on a line of its own. */
export function formatAnswer(body: AskResponseBody): string {
  const lines = [`[${STATE[body.support] ?? body.support}]`, ...body.answer.split('\n'), ''];
  const gloss = body.gloss ?? [];
  if (gloss.length > 0) {
    lines.push('Key terms:');
    for (const term of gloss) lines.push(`  ${term.question} ↔ ${term.source} [${term.citation}]`);
    lines.push('');
  }
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
