/** Reads a Word (.docx) file: its paragraphs, headings, list items and table cells, through mammoth. */
import mammoth from 'mammoth';
import { parseDocument } from 'htmlparser2';
import { blockTexts } from './html-blocks.js';
import type { Extracted } from './parse-document.js';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * The document's paragraphs in order: each Word paragraph (heading, list item, paragraph in a table cell)
 * is one; images, footnote marks, headers and footers are dropped. mammoth turns the file into HTML, whose
 * blocks are then read like a web page's.
 * @example await readDocx(readFileSync('report.docx'))
 */
export async function readDocx(bytes: Uint8Array): Promise<Extracted> {
  if (!ZIP_MAGIC.every((byte, i) => bytes[i] === byte)) return { ok: false, reason: 'not a DOCX file (not a ZIP package)' };
  const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }, {
    convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
  });
  return { ok: true, paragraphs: blockTexts(parseDocument(html).children).map((text) => ({ text })) };
}
