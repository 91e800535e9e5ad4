/** GET /api/sources/:file and /api/sources/:file/:paragraph: source text, from the loaded index only. */
import { Hono } from 'hono';
import { paragraphWindow } from '../../corpus/paragraph-window.js';
import type { Paragraph, SourceDocument } from '../../corpus/types.js';
import type { ResolvedDeps } from '../deps.js';
import { apiError } from '../errors.js';
import type { SourceDocumentResponse, SourceParagraphResponse } from '../schemas.js';
import { assertSafeFileName, parseParagraphNumber } from '../source-path.js';

/**
 * Routes: the file in bounded windows of paragraphs, or one paragraph with its neighbours. `:file` is one URL segment: a file in a
 * subfolder is requested with its `/` encoded, e.g. `/api/sources/notes%2Fday1.txt/3` (encodeURIComponent).
 */
export function sourcesRoutes(deps: ResolvedDeps): Hono {
  const app = new Hono();
  const findDocument = (file: string): SourceDocument => {
    assertSafeFileName(file);
    const document = deps.index.documents.get(file);
    if (!document) throw apiError(404, 'not_found', `No source file "${file}" in the index.`);
    return document;
  };

  // A bounded window of paragraphs per response (`?from=N`), so a huge document never goes out in one piece.
  app.get('/api/sources/:file', (c) => {
    const document = findDocument(c.req.param('file'));
    const fromText = c.req.query('from');
    const window = paragraphWindow(document, fromText === undefined ? 1 : parseParagraphNumber(fromText, 'from'));
    const body: SourceDocumentResponse = {
      file: document.file,
      title: document.title ?? document.file,
      language: document.language,
      paragraphCount: document.paragraphs.length,
      paragraphs: window.paragraphs.map(paragraphView),
      ...(window.previous !== undefined && { previous: window.previous }),
      ...(window.next !== undefined && { next: window.next }),
    };
    return c.json(body);
  });

  app.get('/api/sources/:file/:paragraph', (c) => {
    const document = findDocument(c.req.param('file'));
    const number = parseParagraphNumber(c.req.param('paragraph'));
    const position = document.paragraphs.findIndex((p) => p.number === number);
    if (position < 0) {
      throw apiError(404, 'not_found', `"${document.file}" has no paragraph ${number} (it has ${document.paragraphs.length}).`);
    }
    const paragraph = document.paragraphs[position];
    const previous = document.paragraphs[position - 1];
    const next = document.paragraphs[position + 1];
    const body: SourceParagraphResponse = {
      file: document.file,
      paragraph: paragraph.number,
      ...(paragraph.page !== undefined && { page: paragraph.page }),
      text: paragraph.text,
      language: paragraph.language,
      ...(previous && { previous: paragraphView(previous) }),
      ...(next && { next: paragraphView(next) }),
    };
    return c.json(body);
  });
  return app;
}

function paragraphView(p: Paragraph) {
  return { paragraph: p.number, ...(p.page !== undefined && { page: p.page }), text: p.text, language: p.language };
}
