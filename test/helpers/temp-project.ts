/** Test helper: a temporary copy of the corpus with its own index folder, and a config pointing at both. */
import { cp } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, type Config } from '../../src/config.js';
import { tempDir } from './temp-dir.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CORPUS_DIR = path.join(REPO_ROOT, 'corpus');
export const FIXTURE_MODEL_DIR = path.join(REPO_ROOT, 'test/fixtures/tiny-model');

export interface TempProject {
  root: string;
  corpusDir: string;
  indexDir: string;
  config: Config;
}

/**
 * Copies `corpus/` into a fresh temp folder (removed after the test file). `env` adds settings (e.g. EMBEDDING_MODEL) on top of test defaults:
 * offline, no request logs, no rate limit, models cached in the temp folder.
 */
export async function createTempProject(env: Record<string, string> = {}): Promise<TempProject> {
  const root = await tempDir('rag-test-');
  const corpusDir = path.join(root, 'corpus');
  const indexDir = path.join(root, 'index');
  await cp(CORPUS_DIR, corpusDir, { recursive: true });
  const config = loadConfig(
    {
      CORPUS_DIR: corpusDir,
      INDEX_DIR: indexDir,
      MODELS_DIR: path.join(root, 'models'),
      OFFLINE: '1',
      LOG_REQUESTS: '0',
      RATE_LIMIT_PER_MINUTE: '0',
      ...env,
    },
    root,
  );
  return { root, corpusDir, indexDir, config };
}
