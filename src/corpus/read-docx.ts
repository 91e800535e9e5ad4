/** Reads a Word (.docx) file: its paragraphs, headings, list items and table cells, through mammoth. */
import mammoth from 'mammoth';
import { blockTexts } from './html-blocks.js';
import { parseHtmlWithin } from './parse-html-within.js';
import type { Extracted } from './parse-document.js';
import { checkLimit, ReaderLimitError, type ReaderLimits } from './reader-limits.js';
import { inflateWithin } from './zip-inflated-size.js';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * The document's paragraphs in order: each Word paragraph (heading, list item, paragraph in a table cell)
 * is one; images, footnote marks, headers and footers are dropped. mammoth turns the file into HTML, whose
 * blocks are then read like a web page's. The package is inflated within READER_MAX_DECOMPRESSED_BYTES and its
 * paragraphs counted before mammoth sees it (mammoth has no bounds of its own).
 * @throws ReaderLimitError when the package inflates too far or has too many paragraphs.
 * @example await readDocx(readFileSync('report.docx'), DEFAULT_READER_LIMITS)
 */
export async function readDocx(bytes: Uint8Array, limits: ReaderLimits): Promise<Extracted> {
  if (!ZIP_MAGIC.every((byte, i) => bytes[i] === byte)) return { ok: false, reason: 'not a DOCX file (not a ZIP package)' };
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const body = mainPart(buffer, limits);
  if (body) checkLimit(limits, 'paragraphs', countParagraphs(body), 'Word paragraphs');
  const { value: html } = await mammoth.convertToHtml({ buffer }, {
    convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
  });
  return { ok: true, paragraphs: blockTexts(parseHtmlWithin(html, limits).children).map((text) => ({ text })) };
}

/** word/document.xml, inflated with the rest of the package within the byte budget (undefined: no such part). */
function mainPart(buffer: Buffer, limits: ReaderLimits): Buffer | undefined {
  try {
    return inflateWithin(buffer, limits.decompressedBytes, (name) => name === 'word/document.xml').kept.get('word/document.xml');
  } catch (error) {
    if (error instanceof RangeError) throw new ReaderLimitError('decompressedBytes', 'bytes once inflated', limits.decompressedBytes);
    throw error;
  }
}

/** Occurrences of `<w:p>` or `<w:p ` (paragraph starts; `<w:pPr>` and the like do not count). */
function countParagraphs(xml: Buffer): number {
  let count = 0;
  for (let at = xml.indexOf('<w:p'); at >= 0; at = xml.indexOf('<w:p', at + 4)) {
    const next = xml[at + 4];
    if (next === 0x3e || next === 0x20 || next === 0x2f) count += 1;
  }
  return count;
}
