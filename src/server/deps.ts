/** What the HTTP app is built from: everything is passed in, nothing is read from globals. */
import type { Hono } from 'hono';
import type { QuestionRewriter } from '../answer/rewrite-question.js';
import type { Answerer } from '../answer/types.js';
import type { Config } from '../config.js';
import type { FeedbackStore } from '../feedback/feedback-store.js';
import type { DetectedLanguage } from '../corpus/types.js';
import type { LoadedIndex } from '../index/types.js';
import type { RetrievalMode, Searcher } from '../retrieval/types.js';

/** A structured log sink: one JSON-serialisable object per event. */
export type LogFn = (entry: Record<string, unknown>) => void;

export interface AppDeps {
  config: Config;
  index: LoadedIndex;
  /** `defaultMode` (as createSearcher returns it) tells which mode answers report; otherwise it follows the index. */
  searcher: Searcher & { defaultMode?: RetrievalMode };
  answerer: Answerer;
  detectLanguage: (text: string) => DetectedLanguage;
  /** Defaults to one JSON line on stdout per entry. */
  log?: LogFn;
  /** Where POST /api/feedback writes; defaults to a store in `config.feedbackDir`. */
  feedbackStore?: FeedbackStore;
  /** With an LLM: rewrites a follow-up into a stand-alone question for retrieval (the rule without one). */
  rewriteQuestion?: QuestionRewriter;
  /** Routes mounted at `/` after the API and before the 404 handler (the widget, the demo page). */
  extraRoutes?: Hono;
}

/** AppDeps with defaults filled in. */
export type ResolvedDeps = Required<Omit<AppDeps, 'extraRoutes' | 'rewriteQuestion'>> & Pick<AppDeps, 'extraRoutes' | 'rewriteQuestion'>;
