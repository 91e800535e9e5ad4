/** Reads a Word (.docx) file: its paragraphs, headings, list items and table cells, through mammoth. */
import mammoth from 'mammoth';
import { blockTexts } from './html-blocks.js';
import { parseHtmlWithin } from './parse-html-within.js';
import type { Extracted } from './parse-document.js';
import { checkLimit, ReaderLimitError, type ReaderLimits } from './reader-limits.js';
import { InflateBudgetError, inflateWithin } from './zip-inflated-size.js';

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
  checkLimit(limits, 'paragraphs', await countParagraphs(buffer, limits), 'Word paragraphs');
  const { value: html } = await mammoth.convertToHtml({ buffer }, {
    convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
  });
  return { ok: true, paragraphs: blockTexts(parseHtmlWithin(html, limits).children).map((text) => ({ text })) };
}

/**
 * Paragraph starts in word/document.xml (`<w:p>`, `<w:p `, `<w:p/>`; not `<w:pPr>`), counted as the package is
 * inflated within READER_MAX_DECOMPRESSED_BYTES.
 */
async function countParagraphs(buffer: Buffer, limits: ReaderLimits): Promise<number> {
  let count = 0;
  let carry = Buffer.alloc(0);
  try {
    await inflateWithin(buffer, limits.decompressedBytes, (name, chunk) => {
      if (name !== 'word/document.xml') return;
      // The last 4 bytes are carried over, so a tag split between two chunks is still seen.
      const text = Buffer.concat([carry, chunk]);
      for (let at = text.indexOf('<w:p'); at >= 0 && at + 4 < text.length; at = text.indexOf('<w:p', at + 4)) {
        const next = text[at + 4];
        if (next === 0x3e || next === 0x20 || next === 0x2f) count += 1;
      }
      carry = text.subarray(Math.max(0, text.length - 4));
    });
  } catch (error) {
    if (error instanceof InflateBudgetError) throw new ReaderLimitError('decompressedBytes', 'bytes once inflated', limits.decompressedBytes);
    throw error;
  }
  return count;
}
