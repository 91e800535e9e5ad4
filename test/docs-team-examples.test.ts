/** docs/team.md: every curl command it shows runs against the real app, and its follow-up figures are what the eval measures. */
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFollowUps } from '../src/eval/run-follow-ups.js';
import { createRuntime } from '../src/runtime.js';
import { REPO_ROOT, createTempProject } from './helpers/temp-project.js';

const DOC = readFileSync(path.join(REPO_ROOT, 'docs/team.md'), 'utf8');
const ADMIN_KEY = 'docs-example-admin-key-0123456789';

interface Curl {
  method: string;
  path: string;
  headers: Record<string, string>;
  file?: string;
}

/** The shell's view of one `curl …` line, as far as the examples use it. */
function parseCurl(line: string): Curl {
  const headers = Object.fromEntries([...line.matchAll(/-H "([^:"]+): ([^"]+)"/g)].map((m) => [m[1]!, m[2]!.replace('$ADMIN_API_KEY', ADMIN_KEY)]));
  const url = /http:\/\/127\.0\.0\.1:3000(\S+)/.exec(line)![1]!;
  return { method: /-X (\w+)/.exec(line)?.[1] ?? 'GET', path: url, headers, file: /--data-binary @(\S+)/.exec(line)?.[1] };
}

describe('docs/team.md', () => {
  const commands = [...DOC.matchAll(/^curl (.+)$/gm)].map((m) => parseCurl(m[1]!));

  it('shows the admin API, and each command works in order', async () => {
    expect(commands.map((c) => `${c.method} ${c.path}`)).toEqual([
      'GET /api/documents',
      'PUT /api/documents/report.md',
      'GET /api/index/status',
      'GET /api/index/status',
      'DELETE /api/documents/report.md',
      'POST /api/index',
    ]);
    const { config, root } = await createTempProject({ RETRIEVAL: 'lexical', ADMIN_API_KEY: ADMIN_KEY });
    const runtime = await createRuntime(config, { log: () => {} });
    await writeFile(path.join(root, 'report.md'), '# Quarterly report\n\nThe orchard grew by a third this quarter.\n');
    const statuses: number[] = [];
    for (const command of commands) {
      const body = command.file ? await readFile(path.join(root, command.file)) : undefined;
      const response = await runtime.app.request(command.path, { method: command.method, headers: command.headers, body });
      await response.text();
      statuses.push(response.status);
      await runtime.indexJob!.settled();
    }
    expect(statuses).toEqual([200, 201, 200, 200, 200, 202]);
  });

  it('reports the follow-up recall that the eval command measures (lexical)', async () => {
    expect(DOC).toContain('npm run eval -- --follow-ups src/eval/follow-ups.jsonl');
    const row = /^\| Follow-ups, lexical \(BM25\) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \|$/m.exec(DOC)!;
    const control = /^\| Stand-alone questions after another, lexical \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \|$/m.exec(DOC)!;
    const { config } = await createTempProject({ RETRIEVAL: 'lexical' });
    const report = await runFollowUps({ config, pairsPath: path.join(REPO_ROOT, 'src/eval/follow-ups.jsonl'), standAlonePath: path.join(REPO_ROOT, 'src/eval/questions.jsonl') });
    expect([report.control!.alone, report.control!.joined, report.control!.withHistory].map((x) => x.toFixed(2))).toEqual(control.slice(1));
    expect(report.pairs).toBeGreaterThanOrEqual(20);
    expect(report.recall.alone.toFixed(2)).toBe(row[1]);
    expect(report.recall.joined.toFixed(2)).toBe(row[2]);
    expect(report.recall.withHistory.toFixed(2)).toBe(row[3]);
    expect(report.recall.withHistory).toBeGreaterThan(report.recall.alone);
    expect(DOC).toContain(`The rule took ${report.dependent} of the ${report.pairs} follow-ups, and ${report.control!.dependent} of the ${report.control!.questions} stand-alone`);
  }, 60_000);
});
