/** Reads a PDF's text layer (the glyphs of pdf.js's operator lists), page by page, into paragraphs with their page numbers. */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Extracted } from './parse-document.js';
import { pageGlyphs, type PdfGlyph } from './pdf-glyphs.js';
import { pdfParagraphs } from './pdf-layout.js';
import { prescanPdf } from './pdf-prescan.js';
import { checkLimit, type ReaderLimits } from './reader-limits.js';

const PDF_MAGIC = '%PDF-';

/**
 * The paragraphs of a PDF (see `pdfParagraphs`). Skipped, with the reason: a file that does not start like
 * a PDF, a password-protected one, and one without a text layer (a scan, which would need OCR).
 * Deflate bombs and forms that expand without end are caught before pdf.js by `prescanPdf`; what it cannot see is
 * stopped by the reader process's time and memory budgets (see isolated-reader.ts).
 * @throws ReaderLimitError past READER_MAX_DECOMPRESSED_BYTES, READER_MAX_PAGES, READER_MAX_OPERATORS_PER_PAGE or READER_MAX_FORM_DEPTH.
 * @example await readPdf(readFileSync('report.pdf'), DEFAULT_READER_LIMITS) // { ok: true, paragraphs: [{ text: '…', page: 1 }, …] }
 */
export async function readPdf(bytes: Uint8Array, limits: ReaderLimits): Promise<Extracted> {
  // The header may follow a little junk; readers accept it within the first 1024 bytes.
  if (!Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes(PDF_MAGIC)) {
    return { ok: false, reason: 'not a PDF (no %PDF- header)' };
  }
  await prescanPdf(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), limits);
  // pdf.js takes ownership of the buffer it is given, so it gets a copy.
  const task = getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  try {
    const pdf = await task.promise.catch((error: Error) => {
      if (error?.name === 'PasswordException') throw new SkipPdf('encrypted (password-protected); save an unprotected copy to index it');
      throw new SkipPdf(`not a readable PDF (${error?.message ?? String(error)})`);
    });
    checkLimit(limits, 'pages', pdf.numPages, `${pdf.numPages} pages`);
    const pages: PdfGlyph[][] = [];
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const page = await pdf.getPage(number);
      const operators = await page.getOperatorList();
      checkLimit(limits, 'operatorsPerPage', operators.fnArray.length, `${operators.fnArray.length} operators on page ${number}`);
      pages.push(pageGlyphs(operators, limits.formDepth));
      page.cleanup();
    }
    if (!pages.some((glyphs) => glyphs.some((glyph) => /\S/.test(glyph.text)))) {
      return { ok: false, reason: `has no text layer (${pages.length} page(s) of images, e.g. a scan); it needs OCR, which this service does not do` };
    }
    return { ok: true, paragraphs: pdfParagraphs(pages) };
  } catch (error) {
    if (error instanceof SkipPdf) return { ok: false, reason: error.message };
    throw error;
  } finally {
    await task.destroy();
  }
}

class SkipPdf extends Error {}

