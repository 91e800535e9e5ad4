/** Zod schemas of the HTTP API: request validation, and the response shapes the OpenAPI document is generated from. */
import { z } from 'zod';
import { LANGUAGES } from '../corpus/types.js';
import { MAX_QUESTION_CHARS, cleanQuestion, codePointLength, isBlank } from './question.js';

export const MAX_TOP_K = 20;
export const DEFAULT_TOP_K = 5;

const topKMessage = `must be an integer from 1 to ${MAX_TOP_K}`;
const langMessage = `must be one of ${LANGUAGES.join(', ')}`;

export const LanguageSchema = z.enum(LANGUAGES, { error: langMessage });
export const DetectedLanguageSchema = z.enum([...LANGUAGES, 'other']);

/** Question text: cleaned (see cleanQuestion), then 1–2000 code points that are not all invisible. */
export const QuestionSchema = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') })
  .transform(cleanQuestion)
  .pipe(
    z
      .string()
      .refine((q) => !isBlank(q), 'must not be empty or blank')
      .refine((q) => codePointLength(q) <= MAX_QUESTION_CHARS, `must be at most ${MAX_QUESTION_CHARS} characters`),
  )
  .meta({ description: 'The question; trimmed, then 1–2000 characters.', minLength: 1, maxLength: MAX_QUESTION_CHARS });

const TopKNumberSchema = z.number({ error: topKMessage }).int(topKMessage).min(1, topKMessage).max(MAX_TOP_K, topKMessage);

export const TopKSchema = TopKNumberSchema.default(DEFAULT_TOP_K).meta({ description: 'How many passages to retrieve and cite.' });

/** Body of POST /api/ask and POST /api/ask/stream. */
export const AskRequestSchema = z.object(
  {
    question: QuestionSchema,
    topK: TopKSchema,
    lang: LanguageSchema.optional().meta({ description: 'Language of the question; detected when absent.' }),
  },
  { error: 'must be a JSON object' },
);
export type AskRequest = z.output<typeof AskRequestSchema>;

/** Query of GET /api/search: topK arrives as text, so it must be written as digits. */
export const SearchQuerySchema = z.object({
  q: QuestionSchema,
  topK: z
    .string()
    .regex(/^\d{1,3}$/, topKMessage)
    .transform(Number)
    .pipe(TopKNumberSchema)
    .optional()
    .transform((k) => k ?? DEFAULT_TOP_K),
  lang: LanguageSchema.optional(),
});
export type SearchQuery = z.output<typeof SearchQuerySchema>;

export const CitationSchema = z
  .object({
    id: z.int().min(1).meta({ description: 'The n of `[n]` in the answer: the passage rank.' }),
    file: z.string().meta({ description: 'Source file, relative to the corpus folder.' }),
    paragraph: z.int().min(1).meta({ description: '1-based paragraph number in the file.' }),
    text: z.string().meta({ description: 'Exact excerpt: the paragraph text from `start` to `end`.' }),
    start: z.int().min(0),
    end: z.int().min(0),
    language: DetectedLanguageSchema,
    score: z.number(),
  })
  .meta({ description: 'A cited excerpt that stands verbatim at [start, end) of the paragraph (UTF-16 offsets).' });

export const RetrievalInfoSchema = z.object({
  mode: z.enum(['hybrid', 'lexical']),
  model: z.string().nullable().meta({ description: 'Embedding model id in hybrid mode, null in lexical mode.' }),
});

export const AskResponseSchema = z.object({
  question: z.string(),
  language: DetectedLanguageSchema.meta({ description: 'The lang given, or the detected language of the question.' }),
  answer: z.string().meta({ description: 'Answer text; every [n] names a citation id.' }),
  citations: z.array(CitationSchema),
  retrieval: RetrievalInfoSchema,
  grounded: z.boolean().meta({ description: 'False when no passage supports an answer.' }),
  support: z.enum(['answered', 'possible', 'none']).meta({
    description: 'answered: grounded; possible: a passage shares the question\'s names or numbers but cannot be confirmed; none: not in the documents.',
  }),
  warnings: z.array(z.string()),
  timingsMs: z.object({ retrieve: z.number(), answer: z.number(), total: z.number() }),
});
export type AskResponse = z.output<typeof AskResponseSchema>;

export const SearchResponseSchema = z.object({
  query: z.string(),
  language: DetectedLanguageSchema,
  results: z.array(CitationSchema).meta({ description: 'Ranked passages, best first, one per paragraph.' }),
  retrieval: RetrievalInfoSchema,
  timingsMs: z.object({ retrieve: z.number(), total: z.number() }),
});
export type SearchResponse = z.output<typeof SearchResponseSchema>;

export const SourceParagraphSchema = z.object({
  paragraph: z.int().min(1),
  text: z.string(),
  language: DetectedLanguageSchema,
});

export const SourceParagraphResponseSchema = z.object({
  file: z.string(),
  paragraph: z.int().min(1),
  text: z.string(),
  language: DetectedLanguageSchema,
  previous: SourceParagraphSchema.optional(),
  next: SourceParagraphSchema.optional(),
});
export type SourceParagraphResponse = z.output<typeof SourceParagraphResponseSchema>;

export const SourceDocumentResponseSchema = z.object({
  file: z.string(),
  language: DetectedLanguageSchema,
  paragraphs: z.array(SourceParagraphSchema),
});
export type SourceDocumentResponse = z.output<typeof SourceDocumentResponseSchema>;

export const HealthResponseSchema = z.object({
  status: z.literal('ok'),
  retrieval: z.object({ mode: z.enum(['hybrid', 'lexical']), reason: z.string().optional() }),
  model: z.string().nullable(),
  files: z.int().min(0),
  chunks: z.int().min(0),
  builtAt: z.string(),
});
export type HealthResponse = z.output<typeof HealthResponseSchema>;

export const ErrorResponseSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});

/** Turns zod issues into one sentence naming each bad field, e.g. `question: must not be empty or blank`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'body'}: ${issue.message}`)
    .join('; ');
}
