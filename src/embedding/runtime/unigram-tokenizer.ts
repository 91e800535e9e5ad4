/**
 * An XLM-R style tokenizer (SentencePiece Unigram) built from a folder's `tokenizer.json` and `tokenizer_config.json`
 * contents, giving the ids transformers.js v4 gives for the same files while holding the vocabulary in a Map and a
 * typed array instead of its per-character trie (~250 MB less per model copy for multilingual-e5-small). Only the
 * pipeline XLM-R uses is covered; `unigramTokenizer` returns undefined for any other, and the caller falls back.
 */
import { unigramModel, type UnigramModel, type UnigramVocab } from './unigram-model.js';

/** What the encoder needs from a tokenizer (a subset of transformers.js' `PreTrainedTokenizer`). */
export interface TextTokenizer {
  /** Ids with the special tokens around them, untruncated. */
  encode(text: string): number[];
  /** Pieces without special tokens (unknown runs as their text). */
  tokenize(text: string): string[];
  model_max_length: number;
  pad_token_id?: number;
}

interface AddedToken {
  id: number;
  content: string;
  lstrip?: boolean;
  rstrip?: boolean;
  special?: boolean;
  normalized?: boolean;
}
type Step = { type: string; [key: string]: unknown };
type TemplateItem = { SpecialToken?: { id: string } } | { Sequence?: { id: string } };

const TOKENIZER_CONTROL = /[\u0001-\u0008\u000B\u000E-\u001F\u007F\u008F\u009F]/g;
const TOKENIZER_SPACES = /[\u0009\u000A\u000C\u000D\u00A0\u1680\u2000-\u200F\u2028\u2029\u202F\u205F\u2581\u3000\uFEFF\uFFFD]/g;
const FULL_WIDTH_TILDE = '\uFF5E';

/** transformers.js' `Precompiled` normalizer: it does not read the charsmap but applies NMT-NFKC's rules. */
function precompiled(text: string): string {
  const cleaned = text.replace(TOKENIZER_CONTROL, '').replace(TOKENIZER_SPACES, ' ');
  return cleaned.split(FULL_WIDTH_TILDE).map((part) => part.normalize('NFKC')).join(FULL_WIDTH_TILDE);
}

/** The normalizer steps covered; undefined for any other (a Regex with escapes would need Oniguruma's rewrite). */
function normalizerOf(step: Step | null): ((text: string) => string) | undefined {
  if (step === null) return (text) => text;
  if (step.type === 'Precompiled') return precompiled;
  if (step.type === 'NFKC') return (text) => text.normalize('NFKC');
  if (step.type === 'Replace') {
    const pattern = step.pattern as { Regex?: string; String?: string };
    const content = typeof step.content === 'string' ? step.content : '';
    if (typeof pattern.String === 'string') return (text) => text.replaceAll(pattern.String!, content);
    if (typeof pattern.Regex !== 'string' || /[\\[(]/.test(pattern.Regex)) return undefined;
    const regex = new RegExp(pattern.Regex, 'gu');
    return (text) => text.replaceAll(regex, content);
  }
  if (step.type === 'Sequence' && Array.isArray(step.normalizers)) {
    const steps = (step.normalizers as Step[]).map(normalizerOf);
    if (steps.some((s) => s === undefined)) return undefined;
    return (text) => steps.reduce((t, s) => s!(t), text);
  }
  return undefined;
}

/** Longest added token at each position, as transformers.js' DictionarySplitter does; tokens keep their place. */
function splitOnAdded(text: string, contents: readonly string[]): string[] {
  if (contents.length === 0) return [text];
  const sections: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; ) {
    let match = '';
    for (const content of contents) if (content.length > match.length && text.startsWith(content, i)) match = content;
    if (!match) {
      i += 1;
      continue;
    }
    if (i > start) sections.push(text.slice(start, i));
    sections.push(match);
    i += match.length;
    start = i;
  }
  if (start < text.length) sections.push(text.slice(start));
  return sections;
}

/** Trims around added tokens marked lstrip/rstrip, in place. */
function stripAround(sections: string[], added: Map<string, AddedToken>): string[] {
  sections.forEach((section, i) => {
    const token = added.get(section);
    if (token?.lstrip && i > 0) sections[i - 1] = sections[i - 1]!.trimEnd();
    if (token?.rstrip && i < sections.length - 1) sections[i + 1] = sections[i + 1]!.trimStart();
  });
  return sections;
}

/** The configuration's token (a string or `{ content }`), as transformers.js reads it. */
function configToken(config: Record<string, unknown>, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = config[key];
    if (typeof value === 'string') return value;
    if (value && typeof (value as { content?: unknown }).content === 'string') return (value as { content: string }).content;
  }
  return undefined;
}

/**
 * The compact tokenizer for a parsed `tokenizer.json`, or undefined when it is not a Unigram pipeline this covers.
 * `vocab`, when given, replaces `model.vocab` (read apart from the file, see read-unigram-vocab.ts).
 * @example const tokenizer = unigramTokenizer(JSON.parse(json), JSON.parse(configJson)); tokenizer?.encode('hello');
 */
export function unigramTokenizer(json: Record<string, unknown>, config: Record<string, unknown>, vocab?: UnigramVocab): TextTokenizer | undefined {
  const model = json.model as { type?: string; vocab?: unknown; unk_id?: unknown; byte_fallback?: boolean } | undefined;
  const pre = json.pre_tokenizer as Step | null | undefined;
  const post = json.post_processor as { type?: string; single?: TemplateItem[] } | null | undefined;
  if (model?.type !== 'Unigram' || !Array.isArray(model.vocab) || typeof model.unk_id !== 'number' || model.byte_fallback) return undefined;
  if (pre?.type !== 'Metaspace' || (pre.prepend_scheme ?? 'always') !== 'always') return undefined;
  if (post && (post.type !== 'TemplateProcessing' || !Array.isArray(post.single))) return undefined;
  if (config.remove_space === true || config.do_lowercase_and_remove_accent === true) return undefined;
  const normalize = normalizerOf((json.normalizer as Step | null | undefined) ?? null);
  if (!normalize) return undefined;
  const replacement = typeof pre.replacement === 'string' ? pre.replacement : '\u2581';
  const pairs = model.vocab as Array<[string, number]>;
  const pieceModel: UnigramModel = unigramModel(vocab ?? { pieces: pairs.map(([p]) => p), scores: pairs.map(([, s]) => s) }, model.unk_id);

  const added = new Map<string, AddedToken>();
  const raw: string[] = [];
  const normalizedContents: string[] = [];
  for (const token of (json.added_tokens ?? []) as AddedToken[]) {
    if (pieceModel.idOf.has(token.content)) pieceModel.idOf.set(token.content, token.id);
    added.set(token.content, token);
    if (token.normalized ?? !token.special) {
      const content = normalize(token.content);
      added.set(content, token);
      normalizedContents.push(content);
    } else raw.push(token.content);
  }
  const idOf = (token: string) => added.get(token)?.id ?? pieceModel.idOf.get(token) ?? pieceModel.unkId;

  /** Pieces and ids of `text` without special tokens. */
  const pieces = (text: string): { pieces: string[]; ids: number[] } => {
    const out = { pieces: [] as string[], ids: [] as number[] };
    const push = (piece: string, id: number) => (out.pieces.push(piece), out.ids.push(id));
    for (const section of stripAround(splitOnAdded(text, raw), added)) {
      if (!section) continue;
      if (added.has(section)) {
        push(section, idOf(section));
        continue;
      }
      const normalized = normalize(section);
      if (!normalized) continue;
      for (const sub of stripAround(splitOnAdded(normalized, normalizedContents), added)) {
        if (!sub) continue;
        if (added.has(sub)) {
          push(sub, idOf(sub));
          continue;
        }
        let word = sub.replaceAll(' ', replacement);
        if (!word.startsWith(replacement)) word = replacement + word;
        const segmented = pieceModel.segment(word);
        segmented.pieces.forEach((piece, i) => push(piece, segmented.ids[i]!));
      }
    }
    return out;
  };

  const template = post?.single ?? [{ Sequence: { id: 'A' } }];
  const encode = (text: string): number[] => {
    const ids: number[] = [];
    for (const item of template) {
      if ('SpecialToken' in item && item.SpecialToken) ids.push(idOf(item.SpecialToken.id));
      else if ('Sequence' in item && item.Sequence?.id === 'A') ids.push(...pieces(text).ids);
    }
    return ids;
  };
  const pad = configToken(config, 'pad_token', 'eos_token');
  return {
    encode,
    tokenize: (text) => pieces(text).pieces,
    model_max_length: typeof config.model_max_length === 'number' ? config.model_max_length : Infinity,
    pad_token_id: pad === undefined ? undefined : (added.get(pad)?.id ?? pieceModel.idOf.get(pad)),
  };
}

/** `ids` cut to `maxTokens`, keeping the closing special token (as transformers.js' `truncation: true` did). */
export function truncateIds(ids: number[], maxTokens: number): number[] {
  return ids.length <= maxTokens ? ids : [...ids.slice(0, maxTokens - 1), ids.at(-1)!];
}
