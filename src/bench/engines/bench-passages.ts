/** Real passages for engine measurements: corpus paragraphs of 200–700 characters, spread over documents and languages. */
import type { SourceDocument } from '../../corpus/types.js';

/**
 * Up to `count` paragraphs of 200–700 characters, taken round-robin over the documents so every language is in.
 * @example benchPassages(documents, 96).length // 96 when the corpus has that many
 */
export function benchPassages(documents: readonly SourceDocument[], count: number): string[] {
  const perDocument = documents.map((d) => d.paragraphs.map((p) => p.text).filter((t) => t.length >= 200 && t.length <= 700));
  const out: string[] = [];
  for (let i = 0; out.length < count && perDocument.some((list) => i < list.length); i++) {
    for (const list of perDocument) if (i < list.length && out.length < count) out.push(list[i]!);
  }
  return out;
}
