import { describe, expect, it } from 'vitest';
import { documentTitle, shortTitle, TITLE_MAX_CHARS } from '../src/corpus/document-title.js';
import { parseDocument } from '../src/corpus/parse-document.js';
import type { SourceDocument } from '../src/corpus/types.js';

const paragraphs = (...texts: string[]) => texts.map((text) => ({ text }));

function parsed(file: string, text: string): SourceDocument {
  const result = parseDocument(file, new TextEncoder().encode(text), file.endsWith('.md') ? 'md' : 'txt');
  if (!('document' in result)) throw new Error(result.skipped.reason);
  return result.document;
}

describe('documentTitle of a text file', () => {
  it('is the first line of a Kazakh file', () => {
    const document = parsed('kk.txt', 'Қазақстандағы сайлау\nAmnesty International ұйымы Қазақстан билігін шақырды.\n');
    expect(document.title).toBe('Қазақстандағы сайлау');
  });

  it('is the first line of an Arabic file, kept in its own (logical) order', () => {
    const document = parsed('ar.txt', 'تقرير مرصد لا- حرية: كازاخستان\n\nالصورة من أميا ناجراجان\n');
    expect(document.title).toBe('تقرير مرصد لا- حرية: كازاخستان');
  });

  it('skips blank and space-only first lines, and collapses inner whitespace', () => {
    expect(parsed('a.txt', '\n\n \t \r\n  Elezioni   in\tKazakistan  \r\nIl 10 gennaio.\n').title).toBe('Elezioni in Kazakistan');
    expect(documentTitle({ file: 'a.txt', paragraphs: paragraphs('   ', 'Secondo') })).toBe('Secondo');
  });

  it('does not treat # in a text file as a heading', () => {
    expect(documentTitle({ file: 'a.txt', paragraphs: paragraphs('# Not markdown') })).toBe('# Not markdown');
  });

  it('cuts a long first paragraph at a word boundary, with an ellipsis', () => {
    const line =
      'Il 10 gennaio si svolgeranno in Kazakistan le elezioni per il Majilis, ovvero la Camera dei Deputati. Anche se i suoi poteri sono di fatto limitati.';
    const title = documentTitle({ file: 'it.txt', paragraphs: paragraphs(line) });
    expect(title).toBe('Il 10 gennaio si svolgeranno in Kazakistan le elezioni per il Majilis, ovvero la Camera dei Deputati. Anche se i suoi…');
    expect(Array.from(title).length).toBeLessThanOrEqual(TITLE_MAX_CHARS);
    expect(line.startsWith(title.slice(0, -1))).toBe(true);
  });

  it('falls back to the file name when no paragraph holds any text', () => {
    expect(documentTitle({ file: 'notes/empty.txt', paragraphs: [] })).toBe('notes/empty.txt');
  });
});

describe('documentTitle of a Markdown file', () => {
  it('takes the title declared in YAML front matter, plain or quoted', () => {
    expect(parsed('a.md', '---\ntitle: Elezioni in Kazakistan\nlang: it\n---\n\n# Altro titolo\n\nTesto.\n').title).toBe('Elezioni in Kazakistan');
    expect(parsed('a.md', '---\nlayout: post\ntitle: "Сайлау: \\"Нұр Отан\\""\n---\nМәтін.\n').title).toBe('Сайлау: "Нұр Отан"');
    expect(parsed('a.md', "---\ntitle: 'L''elezione'\n---\n").title).toBe("L'elezione");
    expect(parsed('a.md', '---\ntitle: Report # draft\n---\n').title).toBe('Report');
  });

  it('reads a folded front-matter title and front matter that has blank lines inside', () => {
    expect(parsed('a.md', '---\ntitle: >\n  تقرير مرصد\n  لا- حرية\n\ntags: [a]\n---\n\nنص.\n').title).toBe('تقرير مرصد لا- حرية');
  });

  it('uses the first heading after front matter without a title', () => {
    expect(parsed('a.md', '---\nlayout: post\n---\n\n## Қазақстан сайлауы ##\n\nМәтін.\n').title).toBe('Қазақстан сайлауы');
    expect(parsed('a.md', '---\nlayout: post\n---\n# Heading right after\nText.\n').title).toBe('Heading right after');
  });

  it('keeps the front matter as paragraph 1, so paragraph numbers stay as before titles', () => {
    const document = parsed('a.md', '---\ntitle: T\n---\n\nTesto.\n');
    expect(document.paragraphs.map((p) => p.text)).toEqual(['---\ntitle: T\n---', 'Testo.']);
  });

  it('strips the # marks of a first heading, or takes a setext heading, else the first paragraph', () => {
    expect(parsed('a.md', '\n\n# Elezioni in Kazakistan\n\nTesto.\n').title).toBe('Elezioni in Kazakistan');
    expect(parsed('a.md', 'تقرير مرصد\n==========\n\nنص.\n').title).toBe('تقرير مرصد');
    expect(parsed('a.md', 'A first paragraph\nover two lines.\n\nMore.\n').title).toBe('A first paragraph over two lines.');
    expect(parsed('a.md', '#hashtag first\n').title).toBe('#hashtag first');
  });

  it('skips an empty heading, and falls back to the file name when front matter is all there is', () => {
    expect(documentTitle({ file: 'a.md', paragraphs: paragraphs('#', 'Testo.') })).toBe('Testo.');
    expect(documentTitle({ file: 'notes/a.md', paragraphs: paragraphs('---\nlayout: post\n---') })).toBe('notes/a.md');
  });
});

describe('documentTitle with a declared title', () => {
  it("prefers an HTML page's <title>, on one line and shortened", () => {
    expect(documentTitle({ file: 'a.html', title: '  Kazakistan:\n elezioni ', paragraphs: paragraphs('Testo.') })).toBe('Kazakistan: elezioni');
    expect(Array.from(documentTitle({ file: 'a.html', title: 'parola '.repeat(40), paragraphs: [] })).length).toBeLessThanOrEqual(TITLE_MAX_CHARS);
  });

  it('gives the same title when applied again to a document carrying it', () => {
    for (const document of [
      parsed('a.md', '---\ntitle: T\n---\n'),
      parsed('b.txt', `${'сөз '.repeat(60)}\n`),
      parsed('c.md', '# Heading\n'),
    ]) {
      expect(documentTitle(document)).toBe(document.title);
    }
  });
});

describe('shortTitle', () => {
  it('leaves a short text whole', () => {
    expect(shortTitle('Elezioni in Kazakistan', 30)).toBe('Elezioni in Kazakistan');
  });

  it('is never longer than max with its ellipsis, and shortening it again changes nothing', () => {
    // A word boundary right at the limit is the case where a cut title could come out one character too long.
    const text = `${'a'.repeat(9)} ${'b'.repeat(9)} ${'c'.repeat(9)}`;
    for (const max of [10, 19, 20, 21, 25]) {
      const title = shortTitle(text, max);
      expect(Array.from(title).length).toBeLessThanOrEqual(max);
      expect(shortTitle(title, max)).toBe(title);
    }
    expect(shortTitle(text, 20)).toBe(`${'a'.repeat(9)} ${'b'.repeat(9)}…`);
  });

  it('drops punctuation before the ellipsis, Arabic comma included', () => {
    expect(shortTitle('Il 10 gennaio, si svolgeranno', 15)).toBe('Il 10 gennaio…');
    expect(shortTitle('قال الرئيس، إن الانتخابات', 12)).toBe('قال الرئيس…');
  });

  it('cuts inside a text without spaces, never between a letter and its marks', () => {
    expect(shortTitle('x'.repeat(200), 120)).toBe(`${'x'.repeat(119)}…`);
    // "كَتَبَ" is letter, mark, letter, mark…: a cut at 3 code points would leave the second letter without its mark.
    expect(shortTitle('كَتَبَكَتَبَ', 4)).toBe('كَ…');
  });
});
