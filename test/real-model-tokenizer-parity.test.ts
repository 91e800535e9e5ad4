/**
 * The compact Unigram tokenizer gives exactly transformers.js' ids and pieces for the real multilingual-e5-small
 * folder on every paragraph of corpus/, the project's questions, Tatoeba and NTREX sentences (../shared, when present)
 * and hand-written edge cases. Skipped, with the reason printed, when the model folder is missing.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AutoTokenizer, env } from '@huggingface/transformers';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../src/corpus/read-corpus.js';
import { loadTokenizer } from '../src/embedding/runtime/load-tokenizer.js';
import { REAL_MODEL_DIR, realModelSkipReason } from './helpers/real-model.js';
import { CORPUS_DIR, REPO_ROOT } from './helpers/temp-project.js';

const skip = await realModelSkipReason({ python: false });
const EXTERNAL = path.resolve(REPO_ROOT, '../shared/eval/external');

const EDGE_CASES = [
  '',
  ' ',
  '   \t\n  ',
  'مُحَمَّد رَسُولُ ٱللَّٰهِ',
  'الســـــلام عليكم ـ',
  'ﷺ ﷲ ﻻ',
  'ә ғ қ ң ө ұ ү һ і Ә Ғ Қ Ң Ө Ұ Ү Һ І',
  'Қазақстан Республикасының Конституциясы',
  'ＡＢＣ１２３ （全角） ～ 〜',
  'ﬁnance ﬂow ﬀ ﬃ',
  'e\u0301 a\u0300 n\u0303 u\u0308 c\u0327',
  'emoji 😀👍🏽👨‍👩‍👧 🇰🇿 ❤️',
  'control\u0001chars\u0007and\u007Fdel\u009Fend',
  'tabs\tand\nnewlines\r\nand\u2028separators\u00a0nbsp',
  'zero\u200bwidth\u200djoiner\ufeffbom',
  'a'.repeat(400),
  'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(5),
  'Donaudampfschifffahrtsgesellschaftskapitänsmütze',
  '<s> <pad> </s> <unk> <mask> text<mask>text',
  '\u2581\u2581 metaspace \u2581 in text',
  '😀😀😀 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𝟙𝟚𝟛',
  '\ud800 lone surrogate \udfff',
  '中文文本和日本語のテキスト한국어',
  'x² x³ ½ ¼ ℃ № ™ Ⅻ',
];

async function lines(file: string): Promise<string[]> {
  try {
    return (await readFile(file, 'utf8')).split('\n').filter((line) => line.trim());
  } catch {
    return [];
  }
}

async function texts(): Promise<{ texts: string[]; sources: Record<string, number> }> {
  const sources: Record<string, number> = {};
  const all: string[] = [];
  const add = (name: string, items: string[]) => ((sources[name] = items.length), all.push(...items));
  const { documents } = await readCorpus(CORPUS_DIR);
  add('corpus paragraphs', documents.flatMap((d) => d.paragraphs.map((p) => p.text)));
  const questions = [...(await lines(path.join(REPO_ROOT, 'src/eval/questions.jsonl'))), ...(await lines(path.join(REPO_ROOT, 'src/eval/follow-ups.jsonl')))];
  add('project questions', questions.map((line) => (JSON.parse(line) as { question: string }).question));
  const tatoeba = path.join(EXTERNAL, 'tatoeba');
  for (const pair of ['ara', 'ita', 'kaz']) {
    add(`tatoeba ${pair}-eng`, [...(await lines(path.join(tatoeba, `tatoeba.${pair}-eng.${pair}`))), ...(await lines(path.join(tatoeba, `tatoeba.${pair}-eng.eng`)))]);
  }
  for (const set of ['ntrex_eng-arb', 'ntrex_eng-ita', 'ntrex_eng-kaz']) {
    const dir = path.join(EXTERNAL, 'retrieval', set);
    const records = [...(await lines(path.join(dir, 'corpus.jsonl'))), ...(await lines(path.join(dir, 'queries.jsonl')))];
    add(set, records.map((line) => (JSON.parse(line) as { text: string }).text));
  }
  if (sources['tatoeba ara-eng'] === 0) console.warn(`[tokenizer parity] no Tatoeba or NTREX texts at ${EXTERNAL}: corpus, questions and edge cases only`);
  add('edge cases', EDGE_CASES);
  return { texts: all, sources };
}

describe.skipIf(skip)('compact tokenizer on the real multilingual-e5-small folder', () => {
  it('gives transformers.js AutoTokenizer ids and pieces exactly', async () => {
    const { texts: all, sources } = await texts();
    let started = performance.now();
    const compact = await loadTokenizer(REAL_MODEL_DIR);
    const compactLoadMs = performance.now() - started;
    env.allowLocalModels = true;
    env.allowRemoteModels = false;
    env.localModelPath = path.dirname(REAL_MODEL_DIR);
    started = performance.now();
    const reference = await AutoTokenizer.from_pretrained(path.basename(REAL_MODEL_DIR), { local_files_only: true });
    const referenceLoadMs = performance.now() - started;
    const differing = all.filter((text) => JSON.stringify(compact.encode(text)) !== JSON.stringify(reference.encode(text)) || JSON.stringify(compact.tokenize(text)) !== JSON.stringify(reference.tokenize(text)));
    console.log(`tokenizer parity: ${all.length - differing.length} of ${all.length} texts give the same ids and pieces (${Object.entries(sources).map(([k, v]) => `${k} ${v}`).join(', ')})`);
    // Timing for docs/performance.md only (no bound here): corpus passages of 200+ characters, cycled to 1,000.
    const long = all.slice(0, sources['corpus paragraphs']).filter((t) => t.length >= 200);
    const passages = Array.from({ length: 1000 }, (_, i) => `passage: ${long[i % long.length]}`);
    const timeMs = (encode: (text: string) => number[]) => ((started = performance.now()), passages.forEach(encode), performance.now() - started);
    const [compactMs, referenceMs] = [timeMs((t) => compact.encode(t)), timeMs((t) => reference.encode(t))];
    console.log(`tokenizer load: compact ${Math.round(compactLoadMs)} ms, transformers.js ${Math.round(referenceLoadMs)} ms; 1,000 passages: compact ${Math.round(compactMs)} ms, transformers.js ${Math.round(referenceMs)} ms`);
    expect(differing.slice(0, 5)).toEqual([]);
    expect(all.length).toBeGreaterThanOrEqual(EDGE_CASES.length + 100);
    expect(compact.model_max_length).toBe(reference.model_max_length);
    expect(compact.pad_token_id).toBe(reference.pad_token_id);
  }, 300_000);
});
