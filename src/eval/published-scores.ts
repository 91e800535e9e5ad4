/** Published MTEB results (embeddings-benchmark/results) in the `published-mteb-scores.json` layout: model key → "Task|split|subset" → scores. */
import { readFile } from 'node:fs/promises';

export type PublishedScores = Record<string, Record<string, Record<string, number>>>;

export async function readPublishedScores(file: string): Promise<PublishedScores | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as PublishedScores;
  } catch {
    return undefined;
  }
}

/**
 * One published figure, e.g. `publishedFigure(scores, 'multilingual-e5-small', 'Tatoeba|test|kaz-eng', 'accuracy')`;
 * the model is matched by the name part of its key (`intfloat__multilingual-e5-small@fd1525a9`).
 */
export function publishedFigure(scores: PublishedScores | undefined, model: string, task: string, metric: string): { value: number; key: string } | undefined {
  if (!scores) return undefined;
  const key = Object.keys(scores).find((k) => k.split('@')[0]!.split('__').pop() === model);
  const value = key ? scores[key]?.[task]?.[metric] : undefined;
  return key && typeof value === 'number' ? { value, key } : undefined;
}
