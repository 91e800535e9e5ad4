/**
 * Texts for comparing two embedders, per language, from what the project holds: the corpus (ar, it, kk), the
 * README's and docs/how-it-works.md's prose (en) and the evaluation and follow-up questions (all four). Short texts are questions and single sentences;
 * passages are ~500-character windows of a document, cut at spaces, starting every ~120 characters.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { sentenceSpans } from '../../src/chunking/sentences.js';
import { detectLanguage } from '../../src/corpus/language.js';
import { CORPUS_DIR, REPO_ROOT } from './temp-project.js';

export type ParityLanguage = 'ar' | 'it' | 'kk' | 'en';
export interface ParityText {
  language: ParityLanguage;
  kind: 'short' | 'passage';
  text: string;
}

const PASSAGE_CHARS = 500;
const PASSAGE_STRIDE = 120;

function sentencesOf(line: string): string[] {
  return sentenceSpans(line).map((s) => line.slice(s.start, s.end)).filter((s) => s.length >= 20 && s.length <= 200);
}

/** Overlapping windows of `text`, each starting and ending at a space. */
function windowsOf(text: string): string[] {
  const windows: string[] = [];
  for (let from = 0; from + PASSAGE_CHARS / 2 < text.length; ) {
    let end = Math.min(text.length, from + PASSAGE_CHARS);
    if (end < text.length) end = Math.max(from + 1, text.lastIndexOf(' ', end));
    windows.push(text.slice(from, end).trim());
    const next = text.indexOf(' ', from + PASSAGE_STRIDE);
    if (next < 0) break;
    from = next + 1;
  }
  return windows;
}

/** Documentation prose (README.md and docs/how-it-works.md): paragraphs without code, tables, headings or lists. */
function readmeProse(readme: string): string[] {
  const withoutCode = readme.replace(/```[\s\S]*?```/g, '');
  return withoutCode.split(/\n\s*\n/).map((block) => block.replace(/\s*\n\s*/g, ' ').trim()).filter((b) => /^[A-Z]/.test(b) && !b.includes('|'));
}

/** Up to `perKind` short texts and as many passages per language. */
export async function parityTexts(perKind = 32): Promise<ParityText[]> {
  const documents: string[][] = [];
  for (const file of (await readdir(CORPUS_DIR)).sort()) {
    documents.push((await readFile(path.join(CORPUS_DIR, file), 'utf8')).split('\n').map((l) => l.trim()).filter(Boolean));
  }
  // The README is a short page since the depth moved into docs/: the pipeline page adds English prose.
  for (const page of ['README.md', 'docs/how-it-works.md']) documents.push(readmeProse(await readFile(path.join(REPO_ROOT, page), 'utf8')));
  const questions: string[] = [];
  for (const file of ['src/eval/questions.jsonl', 'src/eval/follow-ups.jsonl']) {
    for (const line of (await readFile(path.join(REPO_ROOT, file), 'utf8')).split('\n').filter(Boolean)) {
      const record = JSON.parse(line) as { question: string; previous?: string };
      questions.push(...(record.previous ? [record.previous, record.question] : [record.question]));
    }
  }

  const texts: ParityText[] = [];
  const add = (text: string, kind: ParityText['kind']) => {
    const language = detectLanguage(text);
    if (language === 'ar' || language === 'it' || language === 'kk' || language === 'en') texts.push({ language, kind, text });
  };
  questions.forEach((q) => add(q, 'short'));
  for (const lines of documents) {
    lines.flatMap(sentencesOf).forEach((s) => add(s, 'short'));
    windowsOf(lines.join(' ')).forEach((w) => add(w, 'passage'));
  }
  const picked: ParityText[] = [];
  for (const language of ['ar', 'it', 'kk', 'en'] as const) {
    for (const kind of ['short', 'passage'] as const) picked.push(...texts.filter((t) => t.language === language && t.kind === kind).slice(0, perKind));
  }
  return picked;
}
