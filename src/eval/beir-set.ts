/** Reads a BEIR-style retrieval set (the format of BEIR and MTEB): `corpus.jsonl`, `queries.jsonl`, `qrels.tsv`. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

const passageSchema = z.object({ _id: z.coerce.string().min(1), title: z.string().optional(), text: z.string() });
const querySchema = z.object({ _id: z.coerce.string().min(1), text: z.string().min(1), answers: z.array(z.string()).optional() });

export interface BeirPassage {
  id: string;
  title?: string;
  text: string;
}
export interface BeirQuery {
  id: string;
  text: string;
  /** Gold answer strings in the corpus language, where the set has them. */
  answers?: string[];
}
export interface BeirSet {
  name: string;
  corpus: BeirPassage[];
  queries: BeirQuery[];
  /** query id → ids of the relevant passages (score > 0). */
  qrels: Map<string, Set<string>>;
}

async function readJsonLines<T>(file: string, schema: z.ZodType<T>): Promise<T[]> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new Error(`cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file (a BEIR set has corpus.jsonl, queries.jsonl and qrels.tsv)' : error.message}`);
  });
  return text.split('\n').flatMap((line, i) => {
    if (!line.trim()) return [];
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new Error(`${file}:${i + 1} is not JSON.`);
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues.map((p) => `${p.path.join('.') || 'record'} ${p.message}`).join('; ')}`);
    return [parsed.data];
  });
}

/** `query-id corpus-id score` per line (tab-separated), after an optional header line. */
export function parseQrels(text: string, file: string): Map<string, Set<string>> {
  const qrels = new Map<string, Set<string>>();
  text.split('\n').forEach((line, i) => {
    const fields = line.trim().split('\t');
    if (!line.trim() || (i === 0 && fields[0] === 'query-id')) return;
    if (fields.length < 3 || !Number.isFinite(Number(fields[2]))) throw new Error(`${file}:${i + 1}: expected "query-id<TAB>corpus-id<TAB>score".`);
    if (Number(fields[2]) <= 0) return;
    const set = qrels.get(fields[0]!) ?? new Set<string>();
    set.add(fields[1]!);
    qrels.set(fields[0]!, set);
  });
  return qrels;
}

/**
 * Reads the set in `dir`.
 * @throws Error naming the file and line that is missing or malformed.
 */
export async function readBeirSet(dir: string): Promise<BeirSet> {
  const corpus = (await readJsonLines(path.join(dir, 'corpus.jsonl'), passageSchema)).map((p) => ({ id: p._id, title: p.title || undefined, text: p.text }));
  const queries = (await readJsonLines(path.join(dir, 'queries.jsonl'), querySchema)).map((q) => ({ id: q._id, text: q.text, answers: q.answers }));
  const qrelsFile = path.join(dir, 'qrels.tsv');
  const qrels = parseQrels(await readFile(qrelsFile, 'utf8').catch(() => { throw new Error(`cannot read ${qrelsFile}`); }), qrelsFile);
  return { name: path.basename(path.resolve(dir)), corpus, queries, qrels };
}
