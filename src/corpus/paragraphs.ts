/** Paragraph numbering, the one rule every citation counts by. */

/** How a file's text is split: by its extension. */
export type TextFormat = 'txt' | 'md';

/**
 * The format a corpus file is read as, from its extension (case-insensitive),
 * or `undefined` for files the corpus does not include.
 */
export function textFormatOf(file: string): TextFormat | undefined {
  const lower = file.toLowerCase();
  if (lower.endsWith('.txt')) return 'txt';
  if (lower.endsWith('.md')) return 'md';
  return undefined;
}

/**
 * Splits decoded file text into paragraph texts; paragraph N is element N - 1.
 *
 * - `txt`: one paragraph per line that holds any non-space character, whether the file
 *   separates paragraphs with blank lines or with single newlines.
 * - `md`: blocks of consecutive non-blank lines, separated by blank lines; a block's
 *   lines are joined with `\n` (fenced code and front matter get no special treatment).
 *
 * Line endings may be LF or CRLF; the CR is dropped. Each paragraph is trimmed of leading
 * and trailing whitespace (indentation, trailing spaces) and otherwise kept verbatim, so it
 * is always a substring of the text with CRLF turned into LF. No Unicode normalisation here:
 * cited text must match the file.
 * @example splitParagraphs('Title\r\n\r\nFirst line.\r\nSecond line.', 'txt') // ['Title', 'First line.', 'Second line.']
 */
export function splitParagraphs(text: string, format: TextFormat): string[] {
  const lines = text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  if (format === 'txt') {
    return lines.filter(hasText).map((line) => line.trim());
  }
  const blocks: string[] = [];
  let block: string[] = [];
  for (const line of lines) {
    if (hasText(line)) {
      block.push(line);
    } else if (block.length > 0) {
      blocks.push(block.join('\n').trim());
      block = [];
    }
  }
  if (block.length > 0) blocks.push(block.join('\n').trim());
  return blocks;
}

function hasText(line: string): boolean {
  return /\S/.test(line);
}
