/** Compares an index's manifest with the corpus folder as it is now, so a server can say its index is out of date. */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { listCorpusFiles } from '../corpus/read-corpus.js';
import type { Manifest } from './types.js';

export interface CorpusChanges {
  added: string[];
  changed: string[];
  removed: string[];
}

/**
 * Files added, changed (by sha256) or removed since the index was built. Files the build skipped (empty, binary)
 * count as added; that is harmless for a staleness warning.
 * @example const { added, changed, removed } = await corpusChanges(index.manifest, config.corpusDir);
 */
export async function corpusChanges(manifest: Manifest, corpusDir: string): Promise<CorpusChanges> {
  const indexed = new Map(manifest.files.map((f) => [f.file, f.sha256]));
  const present = await listCorpusFiles(corpusDir).catch(() => [] as string[]);
  const changes: CorpusChanges = { added: [], changed: [], removed: [] };
  for (const file of present) {
    const sha256 = indexed.get(file);
    if (sha256 === undefined) {
      changes.added.push(file);
      continue;
    }
    const bytes = await readFile(path.join(corpusDir, ...file.split('/'))).catch(() => undefined);
    if (!bytes || createHash('sha256').update(bytes).digest('hex') !== sha256) changes.changed.push(file);
  }
  const seen = new Set(present);
  changes.removed = manifest.files.map((f) => f.file).filter((file) => !seen.has(file));
  return changes;
}

/** A one-sentence warning for a log, or undefined when nothing changed. */
export function describeCorpusChanges({ added, changed, removed }: CorpusChanges): string | undefined {
  if (added.length + changed.length + removed.length === 0) return undefined;
  return (
    `The corpus has changed since the index was built (${added.length} added, ${changed.length} changed, ` +
    `${removed.length} removed files): run \`npm run index\` to update it.`
  );
}
