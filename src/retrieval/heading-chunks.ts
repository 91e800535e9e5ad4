/**
 * Headings are not answers. A short paragraph directly followed by a longer one in its document (a title, a section
 * heading, a photo credit) matches a question's words, and across languages it is often the only text in the asker's
 * language, so it outranks the paragraph it heads; yet it quotes nothing that answers. Many documents can share one
 * heading word for word (articles of one series), so a heading does not even tell which document answers.
 */
import type { Chunk } from '../chunking/types.js';

/**
 * The positions in `chunks` of the heading paragraphs: a paragraph held whole by one chunk shorter than `maxChars`,
 * whose next paragraph in the same file is not.
 * @example headingChunks(index.chunks, 40).has(0) // true when the first chunk is a document's title line
 */
export function headingChunks(chunks: readonly Chunk[], maxChars: number): Set<number> {
  // Per paragraph: its chunks' positions, and whether it is short (one chunk under maxChars).
  const paragraphs = new Map<string, { positions: number[]; short: boolean }>();
  chunks.forEach((chunk, position) => {
    const key = `${chunk.file}#${chunk.paragraph}`;
    const entry = paragraphs.get(key);
    if (entry) {
      entry.positions.push(position);
      entry.short = false;
    } else paragraphs.set(key, { positions: [position], short: chunk.text.length < maxChars });
  });
  const numbersByFile = new Map<string, Set<number>>();
  for (const chunk of chunks) (numbersByFile.get(chunk.file) ?? numbersByFile.set(chunk.file, new Set()).get(chunk.file)!).add(chunk.paragraph);
  const headings = new Set<number>();
  for (const [file, numbers] of numbersByFile) {
    const sorted = [...numbers].sort((a, b) => a - b);
    sorted.forEach((number, i) => {
      const here = paragraphs.get(`${file}#${number}`)!;
      const next = i + 1 < sorted.length ? paragraphs.get(`${file}#${sorted[i + 1]}`) : undefined;
      if (here.short && next && !next.short) here.positions.forEach((p) => headings.add(p));
    });
  }
  return headings;
}
