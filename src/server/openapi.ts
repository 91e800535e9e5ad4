/** The OpenAPI 3.1 document of the HTTP API, with its schemas generated from the zod schemas that validate it. */
import { z } from 'zod';
import { LANGUAGES } from '../corpus/types.js';
import { MAX_QUESTION_CHARS, VISIBLE_PATTERN } from './question.js';
import { MAX_FILE_NAME, MAX_PARAGRAPH_NUMBER, SAFE_FILE_NAME_PATTERN } from './source-path.js';
import * as s from './schemas.js';

type Json = Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Json, description: string) => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json(ref('ErrorResponse'), description);

/** Generates component schemas; requests are described as clients send them, responses as the server sends them. */
function componentSchemas(): Record<string, Json> {
  const generate = (io: 'input' | 'output', schemas: Record<string, z.ZodType>) => {
    const registry = z.registry<{ id: string }>();
    for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
    const { schemas: out } = z.toJSONSchema(registry, { io, uri: (id) => `#/components/schemas/${id}` });
    return Object.fromEntries(
      Object.entries(out).map(([id, schema]) => {
        const { $schema: _schema, $id: _id, ...rest } = schema as Json;
        return [id, rest];
      }),
    );
  };
  return {
    ...generate('input', { AskRequest: s.AskRequestSchema, FeedbackRequest: s.FeedbackRequestSchema }),
    ...generate('output', {
      Citation: s.CitationSchema,
      AskResponse: s.AskResponseSchema,
      SearchResponse: s.SearchResponseSchema,
      SourceParagraph: s.SourceParagraphSchema,
      SourceParagraphResponse: s.SourceParagraphResponseSchema,
      SourceDocumentResponse: s.SourceDocumentResponseSchema,
      HealthResponse: s.HealthResponseSchema,
      FeedbackResponse: s.FeedbackResponseSchema,
      SuggestionsResponse: s.SuggestionsResponseSchema,
      ErrorResponse: s.ErrorResponseSchema,
    }),
  };
}

const apiErrors = {
  '401': error('Missing or wrong API key (only when the server has one).'),
  '429': error('Too many requests from this client; see Retry-After.'),
  '500': error('Unexpected failure; the message names the request id.'),
  '504': error('The request took longer than the server allows.'),
};
const bodyErrors = {
  '400': error('Invalid JSON, or a bad field (the message names it).'),
  '413': error('The body is over 64 KB.'),
  '415': error('The body is not sent as application/json.'),
};
const askBody = { required: true, content: { 'application/json': { schema: ref('AskRequest') } } };
const fileParam = (example?: string) => ({
  name: 'file',
  in: 'path',
  required: true,
  description: 'Source file as in a citation\'s "file"; a file in a subfolder is sent with its "/" URL-encoded as %2F.',
  schema: { type: 'string', minLength: 1, maxLength: MAX_FILE_NAME, pattern: SAFE_FILE_NAME_PATTERN },
  ...(example && { example }),
});

/** One Server-Sent Event as schemathesis and other SSE-aware tools read it: `data` holds JSON text. */
const sseEvent = {
  type: 'object',
  required: ['event', 'data'],
  properties: {
    event: { type: 'string', enum: ['citations', 'delta', 'done', 'error'] },
    data: { type: 'string', contentMediaType: 'application/json' },
  },
};

/**
 * Builds the document. With `apiKeyRequired`, /api routes require `Authorization: Bearer <key>`; `exampleFile`
 * (a file of the index) is given as the example source file, so tools exploring the API can reach a real one.
 */
export function buildOpenApiDocument(options: { apiKeyRequired: boolean; exampleFile?: string }): Json {
  const secured = options.apiKeyRequired ? { security: [{ bearerAuth: [] }] } : {};
  return {
    openapi: '3.1.0',
    info: {
      title: 'Multilingual document question answering',
      version: '1.0.0',
      description: `Answers questions in ${LANGUAGES.join(', ')} from a folder of documents, citing exact excerpts. Errors are {"error": {"code", "message"}}.`,
    },
    paths: {
      '/api/ask': {
        post: {
          summary: 'Answer a question with cited excerpts',
          ...secured,
          requestBody: askBody,
          responses: { '200': json(ref('AskResponse'), 'The answer and its citations.'), ...bodyErrors, ...apiErrors },
        },
      },
      '/api/ask/stream': {
        post: {
          summary: 'Answer a question as Server-Sent Events',
          description:
            'Events: `citations` (JSON array of Citation) first, then `delta` ({"text"}) pieces of the answer as it is written, then `done` (an AskResponse, authoritative: the answer laid out under its lead line, citations numbered in the order the answer cites them); `error` ({"code", "message"}) if answering fails after the stream started.',
          ...secured,
          requestBody: askBody,
          responses: {
            '200': { description: 'An event stream.', content: { 'text/event-stream': { schema: sseEvent } } },
            ...bodyErrors,
            ...apiErrors,
          },
        },
      },
      '/api/search': {
        get: {
          summary: 'Ranked passages for a query, without an answer',
          ...secured,
          parameters: [
            { name: 'q', in: 'query', required: true, schema: { type: 'string', minLength: 1, maxLength: MAX_QUESTION_CHARS, pattern: VISIBLE_PATTERN } },
            { name: 'topK', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: s.MAX_TOP_K, default: s.DEFAULT_TOP_K } },
            { name: 'lang', in: 'query', required: false, schema: { type: 'string', enum: [...LANGUAGES] } },
          ],
          responses: { '200': json(ref('SearchResponse'), 'Passages, best first.'), '400': error('A bad parameter.'), ...apiErrors },
        },
      },
      '/api/sources/{file}': {
        get: {
          summary: 'A source file, paragraph by paragraph, in windows of at most 256 KB',
          ...secured,
          parameters: [
            fileParam(options.exampleFile),
            { name: 'from', in: 'query', required: false, description: 'First paragraph of the window (default 1).', schema: { type: 'integer', minimum: 1, maximum: MAX_PARAGRAPH_NUMBER } },
          ],
          responses: {
            '200': json(ref('SourceDocumentResponse'), 'The file\'s paragraphs.'),
            '400': error('A file name that tries to leave the corpus, or a bad `from`.'),
            '404': error('No such file in the index.'),
            ...apiErrors,
          },
        },
      },
      '/api/sources/{file}/{paragraph}': {
        get: {
          summary: 'One paragraph of a source file, with its neighbours',
          ...secured,
          parameters: [fileParam(options.exampleFile), { name: 'paragraph', in: 'path', required: true, schema: { type: 'integer', minimum: 1, maximum: MAX_PARAGRAPH_NUMBER } }],
          responses: {
            '200': json(ref('SourceParagraphResponse'), 'The paragraph, with the previous and next ones when they exist.'),
            '400': error('A bad file name or paragraph number.'),
            '404': error('No such file or paragraph.'),
            ...apiErrors,
          },
        },
      },
      '/originals/{file}': {
        get: {
          summary: 'The original file behind a citation (PDF, DOCX, HTML, text), streamed',
          description:
            'Only files in the index, unchanged since the build. Answers single byte ranges (`Range: bytes=a-b`, 206 with Content-Range), so a PDF viewer can open `#page=N`; the ETag is the file\'s sha256. At most ORIGINALS_PER_CLIENT downloads at once per client; a download the client stops reading for ORIGINALS_IDLE_TIMEOUT_MS is closed. HTML is served sandboxed.',
          ...secured,
          parameters: [
            fileParam(options.exampleFile),
            { name: 'Range', in: 'header', required: false, schema: { type: 'string', example: 'bytes=0-1023' } },
          ],
          responses: {
            '200': { description: 'The whole file, with Content-Length.', content: { '*/*': { schema: { type: 'string', format: 'binary' } } } },
            '206': { description: 'The byte range asked for, with Content-Range.', content: { '*/*': { schema: { type: 'string', format: 'binary' } } } },
            '400': error('A file name that tries to leave the corpus.'),
            '404': error('No such file in the index, or it is gone from the corpus folder.'),
            '409': error('The file changed since the index was built.'),
            '416': error('The range starts past the end of the file.'),
            ...apiErrors,
            '429': error('Too many downloads at once from this client, or too many requests; see Retry-After.'),
          },
        },
      },
      '/api/feedback': {
        post: {
          summary: 'Record a reader\'s verdict on an answer',
          description:
            'Appended as one JSON line to FEEDBACK_DIR/feedback.jsonl and fsynced before the 201; a failed write is rolled back and answered 503. The file rotates to feedback.jsonl.1 at FEEDBACK_MAX_BYTES. Keeps only what is sent (no address or user agent); `npm run eval -- --feedback` lists the disliked answers.',
          ...secured,
          requestBody: { required: true, content: { 'application/json': { schema: ref('FeedbackRequest') } } },
          responses: {
            '201': json(ref('FeedbackResponse'), 'Recorded.'),
            ...bodyErrors,
            ...apiErrors,
            '503': error('The record could not be stored (e.g. a full disk); nothing of it was kept. See Retry-After.'),
          },
        },
      },
      '/api/suggestions': {
        get: {
          summary: 'Starter questions for an empty conversation',
          description: 'The questions set in the SUGGESTIONS setting for the language; an empty list when none are set (nothing is invented).',
          ...secured,
          parameters: [{ name: 'lang', in: 'query', required: false, schema: { type: 'string', enum: [...LANGUAGES], default: 'en' } }],
          responses: { '200': json(ref('SuggestionsResponse'), 'The starter questions.'), '400': error('A bad parameter.'), ...apiErrors },
        },
      },
      '/health': {
        get: { summary: 'Service status and index facts', responses: { '200': json(ref('HealthResponse'), 'Up.') } },
      },
      '/openapi.json': {
        get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1 document.', content: { 'application/json': {} } } } },
      },
    },
    components: {
      schemas: componentSchemas(),
      ...(options.apiKeyRequired && { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } } }),
    },
  };
}
