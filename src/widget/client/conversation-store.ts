/** Keeps finished turns in sessionStorage, so the conversation survives moving between pages of the same site. */
import type { AskResponse } from './api-types.js';

/** A finished turn: the question and the server's whole response. */
export interface StoredTurn {
  question: string;
  response: AskResponse;
}

const MAX_TURNS = 30;

/** A small persistence port; `sessionStorage` fits it, and so does a Map-backed fake. */
export interface TurnStore {
  load(): StoredTurn[];
  save(turns: StoredTurn[]): void;
}

/**
 * A store under one key (one per endpoint). Storage can be missing or full (private modes, quotas):
 * then the conversation simply lives in memory only.
 * @example const store = createTurnStore(window.sessionStorage, 'rag-chat:https://qa.example');
 */
export function createTurnStore(storage: Pick<Storage, 'getItem' | 'setItem'> | undefined, key: string): TurnStore {
  return {
    load() {
      try {
        const parsed: unknown = JSON.parse(storage?.getItem(key) ?? '[]');
        return Array.isArray(parsed) ? parsed.filter(isStoredTurn) : [];
      } catch {
        return [];
      }
    },
    save(turns) {
      try {
        storage?.setItem(key, JSON.stringify(turns.slice(-MAX_TURNS)));
      } catch {
        // Quota exceeded or storage disabled: keep going in memory.
      }
    },
  };
}

function isStoredTurn(value: unknown): value is StoredTurn {
  const turn = value as StoredTurn;
  return (
    typeof turn?.question === 'string' &&
    typeof turn.response?.answer === 'string' &&
    Array.isArray(turn.response.citations)
  );
}
