/** A document's title, as citations, the widget and the pages show it beside the file name. Pure. */
import { textFormatOf } from './paragraphs.js';

/** Longest title, in characters (code points) with its `…`: a longer text is cut at a word boundary and ends with `…`. */
export const TITLE_MAX_CHARS = 120;

/** What a title is taken from: the document's paragraphs in order and, for an HTML page, its `<title>`. */
export interface TitleSource {
  /** Corpus-relative path; its extension says whether Markdown rules apply, and it is the last resort. */
  file: string;
  paragraphs: readonly { text: string }[];
  /** A title the document declares itself (HTML `<title>`); used first when it holds any text. */
  title?: string;
}

/**
 * The title of a document, on one line and at most TITLE_MAX_CHARS characters:
 *
 * - a declared title (HTML `<title>`), when there is one;
 * - for `.md`: the `title:` of YAML front matter at the start, else the first paragraph after the front matter,
 *   a `#` heading without its `#` marks (or a setext heading's text);
 * - otherwise the first paragraph (for `.txt`, the first non-blank line);
 * - the file name when none of these holds any text.
 *
 * Applying it again to a document that carries the result as `title` gives the same title.
 * @example documentTitle({ file: 'a.md', paragraphs: [{ text: '# Elezioni in Kazakistan' }, { text: 'Il 10 gennaio…' }] }) // 'Elezioni in Kazakistan'
 */
export function documentTitle(source: TitleSource): string {
  const declared = oneLine(source.title ?? '');
  if (declared) return shortTitle(declared);
  const texts = source.paragraphs.map((p) => p.text);
  const derived = textFormatOf(source.file) === 'md' ? markdownTitle(texts) : oneLine(texts.find((t) => /\S/.test(t)) ?? '');
  return derived ? shortTitle(derived) : source.file;
}

/**
 * Whitespace collapsed to single spaces; a text longer than `max` characters is cut at the last word boundary that
 * leaves room for `…` (inside a word when there is none in its second half), without trailing punctuation, and ends with `…`.
 * @example shortTitle('Il 10 gennaio si svolgeranno in Kazakistan le elezioni', 30) // 'Il 10 gennaio si svolgeranno…'
 */
export function shortTitle(text: string, max = TITLE_MAX_CHARS): string {
  const line = oneLine(text);
  const characters = Array.from(line);
  if (characters.length <= max) return line;
  // One character is left for the ellipsis, so a shortened title is never shortened again.
  const room = max - 1;
  let end = characters[room] === ' ' ? room : characters.lastIndexOf(' ', room - 1);
  if (end < room / 2) {
    // One long word, or a script written without spaces: cut inside it, but not between a letter and its marks.
    end = room;
    while (end > 1 && /\p{M}/u.test(characters[end])) end -= 1;
  }
  const cut = characters.slice(0, end).join('');
  return `${cut.replace(TRAILING_PUNCTUATION, '') || cut}…`;
}

/** Spaces and the punctuation that would stand oddly before `…`, Arabic comma and semicolon included. */
const TRAILING_PUNCTUATION = /[\s,.;:!?\u060C\u061B\u2013\u2014-]+$/u;

/** Title of a Markdown document from its paragraphs (blocks of lines, as the Markdown reader splits them). */
function markdownTitle(paragraphs: readonly string[]): string {
  const text = paragraphs.join('\n\n');
  const frontMatter = splitFrontMatter(text);
  if (frontMatter) {
    const declared = oneLine(frontMatterTitle(frontMatter.yaml));
    if (declared) return declared;
  }
  const body = frontMatter ? frontMatter.rest : text;
  const blocks = body.split(/\n[ \t]*\n/).map((block) => oneLine(headingText(block.trim())));
  return blocks.find((block) => block.length > 0) ?? '';
}

/** YAML front matter: a first line `---`, then lines up to a closing `---` or `...`. Undefined when the text has none. */
function splitFrontMatter(text: string): { yaml: string[]; rest: string } | undefined {
  const lines = text.split('\n');
  if (lines[0]?.trim() !== '---') return undefined;
  const close = lines.findIndex((line, i) => i > 0 && (line.trim() === '---' || line.trim() === '...'));
  if (close < 0) return undefined;
  return { yaml: lines.slice(1, close), rest: lines.slice(close + 1).join('\n') };
}

/** The top-level `title:` of front matter lines: plain, quoted, or a `|` / `>` block of the indented lines after it. */
function frontMatterTitle(yaml: readonly string[]): string {
  const at = yaml.findIndex((line) => /^title\s*:/i.test(line));
  if (at < 0) return '';
  const value = yaml[at].replace(/^title\s*:/i, '').trim();
  if (/^[|>][+-]?\d*$/.test(value)) {
    const block: string[] = [];
    for (const line of yaml.slice(at + 1)) {
      if (/\S/.test(line) && !/^\s/.test(line)) break;
      block.push(line.trim());
    }
    return block.join(' ');
  }
  const doubleQuoted = /^"((?:[^"\\]|\\.)*)"/.exec(value);
  if (doubleQuoted) return doubleQuoted[1].replace(/\\(.)/g, (_, c: string) => (c === 'n' || c === 't' ? ' ' : c));
  const singleQuoted = /^'((?:[^']|'')*)'/.exec(value);
  if (singleQuoted) return singleQuoted[1].replace(/''/g, "'");
  return value.replace(/\s+#.*$/, '');
}

/** An ATX heading's text without its `#` marks, a setext heading's first line, or the block as it is. */
function headingText(block: string): string {
  const lines = block.split('\n');
  const atx = /^#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(lines[0].trim());
  if (atx) return atx[1] ?? '';
  if (lines.length === 2 && /^(=+|-+)\s*$/.test(lines[1].trim())) return lines[0];
  return block;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
