/** What the embedding pool and its worker threads send each other. */
import type { TokenStates } from '../token-states.js';

/** One call of the pool. */
/** `tokenStates` with `withVectors` also returns each prefixed text's vector (one forward pass for both). */
export type JobRequest = { op: 'embed'; texts: string[] } | { op: 'tokenStates'; texts: string[]; prefix: string; withVectors: boolean };
export type WorkerRequest = JobRequest & { id: number };

/** `id` 0 is the start-up reply: ready with the model's facts, or the reason it could not open. */
export type WorkerReply =
  | { id: number; ok: true; vectors?: Float32Array[]; states?: TokenStates[]; ready?: { dimensions: number; hasTokenStates: boolean } }
  | { id: number; ok: false; message: string };
