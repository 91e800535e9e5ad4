/** The steps shared by the ask, ask-stream and search routes: pick the language, retrieve, shape the response. */
import { presentAnswer } from '../answer/present-answer.js';
import type { AnswerResult } from '../answer/types.js';
import type { DetectedLanguage, Language } from '../corpus/types.js';
import { searchWithHistory, type Turn } from '../retrieval/follow-up.js';
import type { SearchHit } from '../retrieval/types.js';
import type { ResolvedDeps } from './deps.js';
import type { AskResponse } from './schemas.js';
import { assertVerbatim } from './verbatim-check.js';

export interface Retrieved {
  question: string;
  language: DetectedLanguage;
  hits: SearchHit[];
  /** Milliseconds spent retrieving. */
  retrieveMs: number;
  /** `performance.now()` when the request's work began. */
  startedAt: number;
}

/** The retrieval mode answers report: the searcher's default, or what the loaded index supports. */
export function retrievalInfo(deps: ResolvedDeps): { mode: 'hybrid' | 'lexical'; model: string | null } {
  const mode = deps.searcher.defaultMode ?? (deps.index.dense ? 'hybrid' : 'lexical');
  const effective = mode === 'lexical' ? 'lexical' : 'hybrid';
  return { mode: effective, model: effective === 'hybrid' ? deps.index.manifest.model : null };
}

/** Detects the question's language (unless given) and retrieves the top passages, with the earlier turns as context. */
export async function retrieve(
  deps: ResolvedDeps,
  request: { question: string; topK: number; lang?: Language; history?: Turn[] },
): Promise<Retrieved> {
  const startedAt = performance.now();
  const language = request.lang ?? deps.detectLanguage(request.question);
  const history = request.history ?? [];
  const options = { topK: request.topK, language };
  const standAlone = history.length > 0 && deps.rewriteQuestion ? await rewritten(deps, request.question, history) : undefined;
  const hits = standAlone ? await deps.searcher.search(standAlone, options) : await searchWithHistory(deps.searcher, request.question, history, options);
  checkVerbatim(deps, hits.map((h) => h.chunk));
  return { question: request.question, language, hits, retrieveMs: performance.now() - startedAt, startedAt };
}

/** The LLM's stand-alone version of a follow-up, or undefined (then the rule applies) when it fails. */
async function rewritten(deps: ResolvedDeps, question: string, history: Turn[]): Promise<string | undefined> {
  try {
    return await deps.rewriteQuestion!(question, history);
  } catch (error) {
    deps.log({ level: 'warn', msg: 'Rewriting a follow-up question failed; searched it with the rule instead', error: error instanceof Error ? error.message : String(error) });
    return undefined;
  }
}

/** The /api/ask response (also the `done` event of the stream), laid out for the asker (see presentAnswer). */
export function askResponse(deps: ResolvedDeps, retrieved: Retrieved, answered: AnswerResult, answerMs: number): AskResponse {
  const result = presentAnswer(answered, retrieved.language);
  checkVerbatim(deps, result.citations);
  return {
    question: retrieved.question,
    language: retrieved.language,
    lead: result.lead,
    answer: result.answer,
    citations: result.citations,
    gloss: result.gloss,
    retrieval: retrievalInfo(deps),
    grounded: result.grounded,
    support: result.support,
    warnings: result.warnings,
    timingsMs: {
      retrieve: roundMs(retrieved.retrieveMs),
      answer: roundMs(answerMs),
      total: roundMs(performance.now() - retrieved.startedAt),
    },
  };
}

/** Milliseconds to one decimal place. */
export function roundMs(ms: number): number {
  return Math.round(ms * 10) / 10;
}

/** Every passage served must quote the stored paragraph exactly (see assertVerbatim). */
function checkVerbatim(deps: ResolvedDeps, quoted: Parameters<typeof assertVerbatim>[0]): void {
  assertVerbatim(quoted, deps.index.documents, (details) => deps.log({ level: 'error', ...details }));
}
