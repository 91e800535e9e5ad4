/**
 * Downloads a hub model's files into MODELS_DIR/<owner>/<name> with Node's fetch: each file streamed into a hidden
 * folder beside the target, its size and (when the hub states it) sha256 checked, and only a complete set renamed
 * into place, so an interrupted or corrupt download never leaves a folder a later start takes for a model.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ModelProgress } from '../model-progress.js';
import { DOWNLOAD_RECORD_FILE, modelFiles, type DownloadRecord } from './model-files.js';
import { mergedRecord, placeFolder, removeAbandonedPartials } from './place-model-folder.js';

export interface HubDownloadOptions {
  /** Hub id, `owner/name`. */
  model: string;
  /** Base URL ending in `/`: files are at `{hubUrl}{model}/resolve/{revision}/{file}`. */
  hubUrl: string;
  revision?: string;
  /** The folder to create (MODELS_DIR/owner/name). */
  target: string;
  quantized: boolean;
  onProgress?: (event: ModelProgress) => void;
  /** Attempts per file when the connection drops (default 3). */
  attempts?: number;
  /** A response that sends nothing for this long is abandoned (default 60 s). */
  stallMs?: number;
  /** Pause between attempts (default 1 s; tests pass 0). */
  retryDelayMs?: number;
}

/** The download did not give a complete, verified model: the message names the file and what was wrong. */
export class HubDownloadError extends Error {
  override name = 'HubDownloadError';
  /** True when the hub could not be reached at all (no network, DNS failure): another route may work. */
  readonly unreachable: boolean;
  constructor(message: string, options: { unreachable?: boolean; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.unreachable = options.unreachable ?? false;
  }
}

/** A corrupt file: retrying the same download cannot help. */
class FileRefusedError extends HubDownloadError {}
class FileMissingError extends HubDownloadError {}

/** The hub's expected size and sha256 of a file: LFS files carry both in `X-Linked-Size`/`X-Linked-Etag`. */
interface Expected {
  bytes?: number;
  sha256?: string;
}

const SHA256 = /^(?:W\/)?"?([0-9a-f]{64})"?$/;

function expectedFrom(headers: Headers): Expected {
  const size = Number(headers.get('x-linked-size') ?? headers.get('content-length') ?? Number.NaN);
  const etag = (headers.get('x-linked-etag') ?? headers.get('etag') ?? '').trim();
  return { bytes: Number.isFinite(size) && size >= 0 ? size : undefined, sha256: SHA256.exec(etag)?.[1] };
}

const isConnectionFailure = (error: unknown) =>
  error instanceof Error && /fetch failed|ENOTFOUND|ECONNREFUSED|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|ConnectTimeout/i.test(`${error.message} ${(error.cause as Error | undefined)?.message ?? ''} ${(error.cause as NodeJS.ErrnoException | undefined)?.code ?? ''}`);

/**
 * Fetches one file into `dest`, checking its size and hash; returns what was written.
 * @throws FileMissingError (404), FileRefusedError (size/hash mismatch), HubDownloadError otherwise.
 */
async function fetchFile(url: string, dest: string, name: string, o: HubDownloadOptions): Promise<{ bytes: number; sha256: string }> {
  const stallMs = o.stallMs ?? 60_000;
  const controller = new AbortController();
  let timer = setTimeout(() => controller.abort(new Error(`no data for ${stallMs / 1000} s`)), stallMs);
  const alive = () => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(new Error(`no data for ${stallMs / 1000} s`)), stallMs);
  };
  try {
    // A HEAD without following redirects reads the LFS headers that the redirect to the file store would lose.
    const head = await fetch(url, { method: 'HEAD', redirect: 'manual', signal: controller.signal });
    if (head.status === 404) throw new FileMissingError(`${name}: the hub has no such file (${url} → 404).`);
    const expected = head.ok || (head.status >= 300 && head.status < 400) ? expectedFrom(head.headers) : {};
    const response = await fetch(url, { signal: controller.signal });
    if (response.status === 404) throw new FileMissingError(`${name}: the hub has no such file (${url} → 404).`);
    if (!response.ok || !response.body) throw new HubDownloadError(`${name}: ${url} answered ${response.status} ${response.statusText}.`);
    const total = expected.bytes ?? Number(response.headers.get('content-length') ?? 0);
    const hash = createHash('sha256');
    let loaded = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        alive();
        loaded += chunk.length;
        hash.update(chunk);
        o.onProgress?.({ status: 'progress', name: o.model, file: name, loaded, total, progress: total ? (100 * loaded) / total : 0 });
        done(null, chunk);
      },
    });
    await mkdir(path.dirname(dest), { recursive: true });
    await pipeline(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream), meter, createWriteStream(dest));
    const sha256 = hash.digest('hex');
    if (expected.bytes !== undefined && loaded !== expected.bytes) {
      throw new FileRefusedError(`${name} is truncated or corrupt: the hub states ${expected.bytes} bytes, ${loaded} arrived.`);
    }
    if (expected.sha256 && sha256 !== expected.sha256) {
      throw new FileRefusedError(`${name} is corrupt: its sha256 is ${sha256}, the hub states ${expected.sha256}.`);
    }
    o.onProgress?.({ status: 'done', name: o.model, file: name, loaded, total: loaded });
    return { bytes: loaded, sha256 };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Downloads the model's files (see `modelFiles`) and places the folder at `o.target`. A folder already there is
 * completed file by file (e.g. the other ONNX file when EMBEDDING_QUANTIZED changes).
 * @throws HubDownloadError naming the file and the reason; `unreachable` is set when the hub could not be reached.
 * @example await downloadHubModel({ model: 'Xenova/multilingual-e5-small', hubUrl: 'https://huggingface.co/', target: 'models/Xenova/multilingual-e5-small', quantized: true });
 */
export async function downloadHubModel(o: HubDownloadOptions): Promise<DownloadRecord> {
  const revision = o.revision ?? 'main';
  const partial = path.join(path.dirname(o.target), `.${path.basename(o.target)}.partial-${process.pid}`);
  await removeAbandonedPartials(o.target);
  const record: DownloadRecord = { model: o.model, hubUrl: o.hubUrl, revision, files: [] };
  try {
    for (const file of modelFiles(o.quantized)) {
      const url = `${o.hubUrl}${o.model.split('/').map(encodeURIComponent).join('/')}/resolve/${encodeURIComponent(revision)}/${file.name}`;
      const result = await withRetries(o, file.name, () => fetchFile(url, path.join(partial, file.name), file.name, o)).catch((error: unknown) => {
        if (error instanceof FileMissingError && file.optional) return undefined;
        throw error;
      });
      if (result) record.files.push({ name: file.name, ...result });
    }
    const merged = await mergedRecord(o.target, record);
    await writeFile(path.join(partial, DOWNLOAD_RECORD_FILE), `${JSON.stringify(merged, null, 2)}\n`);
    await placeFolder(partial, o.target);
    return merged;
  } finally {
    await rm(partial, { recursive: true, force: true });
  }
}

async function withRetries<T>(o: HubDownloadOptions, name: string, attempt: () => Promise<T>): Promise<T> {
  const attempts = Math.max(1, o.attempts ?? 3);
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (error instanceof FileRefusedError || error instanceof FileMissingError) throw error;
      if (i === 1 && isConnectionFailure(error)) {
        throw new HubDownloadError(`The model hub ${o.hubUrl} cannot be reached (${describe(error)}).`, { unreachable: true, cause: error });
      }
      if (i >= attempts) throw new HubDownloadError(`${name}: the download failed ${attempts} times (last: ${describe(error)}).`, { cause: error });
      o.onProgress?.({ status: 'retry', name: o.model, file: name });
      await new Promise((resolve) => setTimeout(resolve, o.retryDelayMs ?? 1000));
    }
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as NodeJS.ErrnoException | undefined;
  return cause?.code ? `${error.message}: ${cause.code}` : cause?.message ? `${error.message}: ${cause.message}` : error.message;
}
