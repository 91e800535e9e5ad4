/**
 * Which text prefixes an embedding model expects on queries and on passages.
 *
 * Known families are recognised from the model id's last path segment (so a copied folder named
 * `multilingual-e5-small` is recognised too): e5 → `query: ` / `passage: `; e5-instruct → an instruction
 * on queries only; nomic-embed-text → `search_query: ` / `search_document: `; anything else → no prefixes.
 * A local model folder may declare its own in `embedding-profile.json`, e.g.
 * `{ "queryPrefix": "query: ", "passagePrefix": "passage: " }` (missing keys mean no prefix); a declaration
 * replaces whatever the name would suggest.
 */
import { z } from 'zod';

/** Strings put before the text before it is embedded. */
export interface ModelProfile {
  queryPrefix: string;
  passagePrefix: string;
}

/** The optional file in a local model folder that declares its profile. */
export const PROFILE_FILE_NAME = 'embedding-profile.json';

export const NO_PREFIXES: ModelProfile = { queryPrefix: '', passagePrefix: '' };

/** First match wins, so more specific names come first. */
const KNOWN_FAMILIES: { matches: RegExp; profile: ModelProfile }[] = [
  {
    matches: /(^|[-_])e5[-_].*instruct/i,
    profile: { queryPrefix: 'Instruct: Given a question, retrieve passages that answer the question\nQuery: ', passagePrefix: '' },
  },
  { matches: /(^|[-_])e5([-_]|$)/i, profile: { queryPrefix: 'query: ', passagePrefix: 'passage: ' } },
  { matches: /^nomic-embed-text/i, profile: { queryPrefix: 'search_query: ', passagePrefix: 'search_document: ' } },
];

/**
 * The profile for a model: its folder's declaration when there is one, else its family's, else no prefixes.
 * @example profileForModel('Xenova/multilingual-e5-small') // { queryPrefix: 'query: ', passagePrefix: 'passage: ' }
 */
export function profileForModel(model: string, declared?: ModelProfile): ModelProfile {
  if (declared) return declared;
  const name = model.split(/[\\/]/).filter(Boolean).pop() ?? model;
  return KNOWN_FAMILIES.find((family) => family.matches.test(name))?.profile ?? NO_PREFIXES;
}

const declaredProfileSchema = z.strictObject({
  queryPrefix: z.string().default(''),
  passagePrefix: z.string().default(''),
});

/**
 * Parses the text of an `embedding-profile.json`.
 * @throws Error naming the file and the accepted keys when the text is not such a declaration.
 */
export function parseDeclaredProfile(text: string, file: string): ModelProfile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not valid JSON (${(error as Error).message}). Expected {"queryPrefix": "...", "passagePrefix": "..."}.`);
  }
  const parsed = declaredProfileSchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(`${file} is not a model profile (${problems}). Expected {"queryPrefix": "...", "passagePrefix": "..."}, both optional strings.`);
  }
  return parsed.data;
}
