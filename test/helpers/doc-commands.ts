/** Test helper: the shell commands shown in README.md and docs/*.md (```sh blocks, `\` continuations joined, comments dropped). */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './temp-project.js';

export interface DocCommand {
  /** README.md or docs/<page>.md. */
  page: string;
  command: string;
}

/** README.md and every docs/*.md page, relative to the repository. */
export function documentationPages(): string[] {
  const docs = readdirSync(path.join(REPO_ROOT, 'docs')).filter((f) => f.endsWith('.md')).sort();
  return ['README.md', ...docs.map((f) => `docs/${f}`)];
}

/** Every command of every ```sh block, in page order. */
export function docCommands(): DocCommand[] {
  const commands: DocCommand[] = [];
  for (const page of documentationPages()) {
    const text = readFileSync(path.join(REPO_ROOT, page), 'utf8');
    for (const [, block] of text.matchAll(/```sh\n([\s\S]*?)```/g)) {
      for (const line of block!.replace(/\\\n\s*/g, ' ').split('\n')) {
        const command = line.replace(/\s+#\s.*$/, '').trim();
        if (command) commands.push({ page, command });
      }
    }
  }
  return commands;
}

/** The arguments after `npm run ask -- `, split as a shell would (double quotes only). */
export function askArguments(command: string): string[] {
  return [...command.slice('npm run ask -- '.length).matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}
