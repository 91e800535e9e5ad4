/** The evaluation question format (one JSON object a line) and its parser. */
import { z } from 'zod';
import { LANGUAGES, type Language } from '../corpus/types.js';

/** One evaluation question: any one of its gold paragraphs answers it. */
export interface EvalQuestion {
  id: string;
  lang: Language;
  question: string;
  /** `[file, paragraph]` pairs; paragraph N is the file's N-th non-blank line. */
  gold: [string, number][];
  /** True when the question's language differs from its gold paragraphs' language. */
  cross: boolean;
}

const questionSchema = z.object({
  id: z.string().min(1),
  lang: z.enum(LANGUAGES),
  question: z.string().trim().min(1),
  gold: z.array(z.tuple([z.string().min(1), z.int().min(1)])).min(1),
  cross: z.boolean().optional(),
});

/** A question file that cannot be read as questions; the message names the file and line. */
export class QuestionFileError extends Error {
  override name = 'QuestionFileError';
}

/**
 * Parses JSONL question text. Blank lines are skipped; ids must be unique.
 * @throws QuestionFileError naming `source`, the line and what is wrong.
 * @example parseQuestions('{"id":"q1","lang":"en","question":"Who?","gold":[["a.txt",2]]}', 'q.jsonl')
 */
export function parseQuestions(text: string, source: string): EvalQuestion[] {
  const questions: EvalQuestion[] = [];
  const ids = new Set<string>();
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const where = `${source}:${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new QuestionFileError(`${where} is not valid JSON (${(error as Error).message}).`);
    }
    const parsed = questionSchema.safeParse(value);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(line)'}: ${issue.message}`).join('; ');
      throw new QuestionFileError(`${where} is not a question (${problems}). Expected {"id", "lang", "question", "gold": [[file, paragraph], …], "cross"?}.`);
    }
    if (ids.has(parsed.data.id)) throw new QuestionFileError(`${where} repeats the id "${parsed.data.id}": ids must be unique.`);
    ids.add(parsed.data.id);
    questions.push({ ...parsed.data, cross: parsed.data.cross ?? false });
  });
  if (questions.length === 0) throw new QuestionFileError(`${source} holds no questions.`);
  return questions;
}
