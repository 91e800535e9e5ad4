/** `npm run ask`: the examples of README.md and docs/ run as written (the server URL swapped for a test server), plus usage errors. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../src/index/build-index.js';
import { createRuntime } from '../src/runtime.js';
import { startServer, type ServerHandle } from '../src/server/serve.js';
import { askArguments, docCommands } from './helpers/doc-commands.js';
import { createTempProject, REPO_ROOT, type TempProject } from './helpers/temp-project.js';

const run = promisify(execFile);
const TSX = path.join(REPO_ROOT, 'node_modules/.bin/tsx');

/** The `npm run ask -- …` commands shown in README.md and docs/, each once, split into arguments as a shell would. */
function readmeExamples(): string[][] {
  const lines = docCommands().map((c) => c.command).filter((c) => c.startsWith('npm run ask -- '));
  return [...new Set(lines)].map(askArguments);
}

describe('npm run ask', () => {
  let project: TempProject;
  let server: ServerHandle;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    project = await createTempProject({ RETRIEVAL: 'lexical' });
    await buildIndex(project.config);
    const runtime = await createRuntime(project.config);
    server = await startServer(runtime.app, { host: '127.0.0.1', port: 0, handleSignals: false, shutdownGraceMs: 100 });
    const { config } = project;
    env = { ...process.env, CORPUS_DIR: config.corpusDir, INDEX_DIR: config.indexDir, MODELS_DIR: config.modelsDir, RETRIEVAL: 'lexical', OFFLINE: '1', API_KEY: '' };
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  async function ask(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const { stdout, stderr } = await run(TSX, ['scripts/ask.ts', ...args], { cwd: REPO_ROOT, env, timeout: 60_000 });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  it('runs every example of README.md and docs/', async () => {
    const examples = readmeExamples();
    expect(examples.length).toBeGreaterThanOrEqual(4);
    for (const example of examples) {
      const args = example.map((a) => (a.startsWith('http://127.0.0.1:') ? `http://127.0.0.1:${server.port}` : a));
      const result = await ask(args);
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
      if (args.includes('--help')) {
        expect(result.stdout).toMatch(/^Usage: npm run ask/);
      } else if (args.includes('--json')) {
        const body = JSON.parse(result.stdout);
        expect(body.language).toBe('it');
        expect(body.citations.length).toBeLessThanOrEqual(3);
        expect(body.answer).toMatch(/\[\d\]/);
        expect(body.citations.every((c: { title?: unknown }) => typeof c.title === 'string' && c.title.length > 0)).toBe(true);
      } else {
        // Each citation line names the file, the paragraph and, after a dash, the document's title.
        expect(result.stdout).toMatch(/\[1\] \S+\.txt ¶\d+ \(\w+, score [\d.]+\) — \S/);
      }
    }
  }, 240_000);

  it('explains bad usage with exit code 2 and an unreachable server with exit code 1', async () => {
    const noQuestion = await ask([]);
    expect(noQuestion.code).toBe(2);
    expect(noQuestion.stderr).toContain('Usage: npm run ask');
    const badTopK = await ask(['--top-k', '0', 'x']);
    expect(badTopK.code).toBe(2);
    expect(badTopK.stderr).toContain('--top-k must be an integer from 1 to 20');
    const down = await ask(['--endpoint', 'http://127.0.0.1:9', 'Quando?']);
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(/Cannot reach http:\/\/127\.0\.0\.1:9/);
  }, 120_000);
});
