/** Zod schemas of the HTTP API: request validation, and the response shapes the OpenAPI document is generated from. */
import { z } from 'zod';
import { LANGUAGES } from '../corpus/types.js';
import { MAX_QUESTION_CHARS, VISIBLE_PATTERN, cleanQuestion, codePointLength, isBlank } from './question.js';

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
  .meta({
    description: 'The question; trimmed, then 1–2000 characters, at least one of them visible.',
    minLength: 1,
    maxLength: MAX_QUESTION_CHARS,
    pattern: VISIBLE_PATTERN,
  });

const TopKNumberSchema = z.number({ error: topKMessage }).int(topKMessage).min(1, topKMessage).max(MAX_TOP_K, topKMessage);

export const TopKSchema = TopKNumberSchema.default(DEFAULT_TOP_K).meta({ description: 'How many passages to retrieve and cite.' });

/** Earlier turns a follow-up question may lean on: at most this many, the most recent last. */
export const MAX_HISTORY_TURNS = 6;
/** Longest earlier answer kept in `history`, in characters (longer ones are refused: send the start). */
export const MAX_HISTORY_ANSWER_CHARS = 2000;

export const HistorySchema = z
  .array(
    z.object(
      {
        question: QuestionSchema,
        answer: z.string({ error: 'must be a string' }).max(MAX_HISTORY_ANSWER_CHARS, `must be at most ${MAX_HISTORY_ANSWER_CHARS} characters`).optional(),
      },
      { error: 'must be an object {question, answer?}' },
    ),
    { error: 'must be an array of earlier turns' },
  )
  .max(MAX_HISTORY_TURNS, `must hold at most ${MAX_HISTORY_TURNS} turns`)
  .optional()
  .meta({
    description: `Earlier turns of the conversation, oldest first (at most ${MAX_HISTORY_TURNS}). A question that depends on the previous one ("and in 2019?") is searched with it as context.`,
  });

/** Body of POST /api/ask and POST /api/ask/stream. */
export const AskRequestSchema = z.object(
  {
    question: QuestionSchema,
    topK: TopKSchema,
    lang: LanguageSchema.optional().meta({ description: 'Language of the question; detected when absent.' }),
    history: HistorySchema,
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

const TitleSchema = z.string().meta({
  description:
    "The document's title, to show beside the file name: an HTML page's <title>, a Markdown file's front-matter title or first heading, " +
    'else the first paragraph (at most 120 characters, cut at a word with …); the file name when the document has no text to take it from.',
});
const PageSchema = z.int().min(1).meta({ description: '1-based page of a PDF the paragraph stands on (PDF files only).' });
export const QuoteSpanSchema = z
  .object({ start: z.int().min(0), end: z.int().min(0) })
  .meta({ description: 'A quoted sentence: paragraph text from `start` to `end` (UTF-16 offsets).' });

export const CitationSchema = z
  .object({
    id: z.int().min(1).meta({
      description: 'The n of `[n]` in the answer. In answers, citations are numbered in the order the answer first cites them (the uncited ones after); in search results, by rank.',
    }),
    file: z.string().meta({ description: 'Source file, relative to the corpus folder.' }),
    title: TitleSchema,
    paragraph: z.int().min(1).meta({ description: '1-based paragraph number in the file.' }),
    page: PageSchema.optional(),
    text: z.string().meta({ description: 'Exact excerpt: the paragraph text from `start` to `end`.' }),
    start: z.int().min(0),
    end: z.int().min(0),
    language: DetectedLanguageSchema,
    dir: z.enum(['ltr', 'rtl']).meta({ description: 'Text direction of the excerpt: lay it out as a block of its own in this direction.' }),
    score: z.number(),
    highlights: z.array(QuoteSpanSchema).optional().meta({
      description: 'Spans (within the paragraph, inside `quotes`) of the words that carry the answer, from word alignment; absent or empty when none.',
    }),
    quotes: z.array(QuoteSpanSchema).meta({
      description:
        'Spans of the sentences the answer quoted from this excerpt, as offsets within the paragraph like `start`/`end`, in order. ' +
        'Empty in search results, in the first `citations` event of a stream (the answer is not written yet), for excerpts the answer did not quote, ' +
        'and for language-model answers that paraphrase instead of quoting whole sentences verbatim.',
    }),
  })
  .meta({ description: 'A cited excerpt that stands verbatim at [start, end) of the paragraph (UTF-16 offsets).' });

export const GlossTermSchema = z
  .object({
    question: z.string().meta({ description: 'Words of the question, as asked.' }),
    source: z.string().meta({ description: 'The aligned words of the quote, verbatim from the cited paragraph.' }),
    citation: z.int().min(1).meta({ description: 'Id of the citation the source words stand in.' }),
  })
  .meta({ description: 'A key term of the question beside the words of a quote aligned to it.' });

export const RetrievalInfoSchema = z.object({
  mode: z.enum(['hybrid', 'lexical']),
  model: z.string().nullable().meta({ description: 'Embedding model id in hybrid mode, null in lexical mode.' }),
});

export const AskResponseSchema = z.object({
  question: z.string(),
  language: DetectedLanguageSchema.meta({ description: 'The lang given, or the detected language of the question.' }),
  lead: z.string().meta({
    description: 'First line of the answer, in the asker\'s language: what was found and where, e.g. "Found in paragraph 4 of “Title” (Arabic):", or that nothing was.',
  }),
  answer: z.string().meta({
    description:
      'Answer text; every [n] names a citation id. Its first line is `lead`; then, for quoted answers, each verbatim quote on a line of its own ' +
      'followed by its [n] (for a language model\'s answer, its text in the asker\'s language).',
  }),
  citations: z.array(CitationSchema),
  gloss: z.array(GlossTermSchema).meta({
    description: 'Key terms of the question beside the words of a quote aligned to them ("press freedom ↔ حرية الصحافة"); empty when there is no alignment.',
  }),
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
  page: PageSchema.optional(),
  text: z.string(),
  language: DetectedLanguageSchema,
});

export const SourceParagraphResponseSchema = z.object({
  file: z.string(),
  paragraph: z.int().min(1),
  page: PageSchema.optional(),
  text: z.string(),
  language: DetectedLanguageSchema,
  previous: SourceParagraphSchema.optional(),
  next: SourceParagraphSchema.optional(),
});
export type SourceParagraphResponse = z.output<typeof SourceParagraphResponseSchema>;

export const SourceDocumentResponseSchema = z.object({
  file: z.string(),
  title: TitleSchema,
  language: DetectedLanguageSchema,
  paragraphCount: z.int().min(0).meta({ description: 'Paragraphs in the whole file.' }),
  paragraphs: z.array(SourceParagraphSchema).meta({ description: 'A window of at most 256 KB of text (500 paragraphs), from `from` on.' }),
  previous: z.int().min(1).optional().meta({ description: 'The `from` of the previous window, when there is one.' }),
  next: z.int().min(1).optional().meta({ description: 'The `from` of the next window, when there is one.' }),
});
export type SourceDocumentResponse = z.output<typeof SourceDocumentResponseSchema>;

const MAX_ANSWER_CHARS = 20_000;
const MAX_COMMENT_CHARS = 2_000;

/** Body of POST /api/feedback: what the reader saw, and what they thought of it. Unknown fields are dropped. */
export const FeedbackRequestSchema = z.object(
  {
    verdict: z.enum(['up', 'down'], { error: 'must be "up" or "down"' }).meta({ description: '"up": helpful; "down": wrong or unhelpful.' }),
    question: QuestionSchema,
    answer: z.string({ error: 'must be a string' }).max(MAX_ANSWER_CHARS, `must be at most ${MAX_ANSWER_CHARS} characters`),
    citations: z
      .array(
        z.object({
          id: z.int().min(1),
          file: z.string().min(1).max(500),
          paragraph: z.int().min(1),
        }),
        { error: 'must be an array of citations' },
      )
      .max(MAX_TOP_K, `must hold at most ${MAX_TOP_K} citations`)
      .default([])
      .meta({ description: 'The answer\'s citations (only id, file and paragraph are kept).' }),
    comment: z
      .string({ error: 'must be a string' })
      // The bound holds for the comment as sent, as the schema says; trimming comes after.
      .max(MAX_COMMENT_CHARS, `must be at most ${MAX_COMMENT_CHARS} characters`)
      .trim()
      .optional()
      .transform((c) => (c ? c : undefined))
      .meta({ description: 'What the reader wrote, if anything.' }),
    requestId: z
      .string()
      .regex(/^[\w.:-]{1,255}$/, 'must be the X-Request-Id of the answer')
      .optional()
      .meta({ description: 'X-Request-Id of the /api/ask or /api/ask/stream response the feedback is about.' }),
    lang: LanguageSchema.optional().meta({ description: 'Language of the answer.' }),
  },
  { error: 'must be a JSON object' },
);
export type FeedbackRequest = z.output<typeof FeedbackRequestSchema>;

export const FeedbackResponseSchema = z.object({
  status: z.literal('recorded'),
  requestId: z.string().meta({ description: 'Id of this feedback request (its X-Request-Id).' }),
});

export const SuggestionsResponseSchema = z.object({
  language: LanguageSchema,
  suggestions: z.array(z.string()).meta({ description: 'Starter questions set by the operator (SUGGESTIONS); empty when none are set.' }),
});

export const HealthResponseSchema = z.object({
  status: z.literal('ok'),
  retrieval: z.object({
    mode: z.enum(['hybrid', 'lexical']),
    reason: z.string().optional().meta({ description: 'Why the mode is lexical; only for key holders when API_KEY is set.' }),
    crossLingual: z.string().meta({ description: 'What the live mode means for a question in one language about documents in another.' }),
  }),
  model: z.string().nullable().optional().meta({ description: 'Embedding model id or folder; only for key holders when API_KEY is set.' }),
  files: z.int().min(0),
  chunks: z.int().min(0),
  builtAt: z.string(),
  generation: z
    .object({
      id: z.int().min(1).meta({ description: 'The PostgreSQL generation served (rag_generations.id).' }),
      currentSince: z.string().meta({ description: 'When a build made it current (ISO 8601, the database clock).' }),
    })
    .optional()
    .meta({ description: 'With DATABASE_URL: the index generation this server serves. Absent with the file index.' }),
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
