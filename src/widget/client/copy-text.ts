/** An answer as plain text for the clipboard: the answer, then its cited sources, one per line. */
import type { AskResponse } from './api-types.js';
import { citedIds } from './answer-text.js';
import { citationTitle } from './citation-title.js';
import type { UiStrings } from './i18n.js';

/**
 * The answer text, a blank line, the sources heading and one line per cited source (`[1] Title (file, paragraph 2): "…"`,
 * or `[1] file, paragraph 2: "…"` for a citation without a title).
 * Sources the answer does not mention are left out, unless it mentions none. Pure.
 * @example answerAsPlainText(response, stringsFor('en')) // 'From the documents: … [1]\n\nSources\n[1] Title (a.txt, paragraph 2): "…"'
 */
export function answerAsPlainText(response: Pick<AskResponse, 'answer' | 'citations'>, strings: Pick<UiStrings, 'sources' | 'paragraph'>): string {
  const mentioned = citedIds(response.answer);
  const cited = mentioned.length > 0 ? mentioned.flatMap((id) => response.citations.filter((c) => c.id === id)) : response.citations;
  if (cited.length === 0) return response.answer;
  const lines = cited.map((c) => {
    const title = citationTitle(c);
    const where = `${c.file}, ${strings.paragraph(c.paragraph)}`;
    return `[${c.id}] ${title ? `${title} (${where})` : where}: "${c.text.replace(/\s+/g, ' ').trim()}"`;
  });
  return `${response.answer}\n\n${strings.sources}\n${lines.join('\n')}`;
}
