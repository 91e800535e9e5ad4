/**
 * With an LLM configured, English, Italian and Kazakh questions over Arabic passages: the answer is written in the
 * asker's language under a lead line in that language, and the verbatim Arabic quotes stand beside it, each on a line
 * of its own with its [n] and a right-to-left citation (the fake OpenAI-compatible server plays the model).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExtractiveAnswerer } from '../src/answer/extractive.js';
import { createGenerativeAnswerer, type LlmConfig } from '../src/answer/generative.js';
import { presentAnswer } from '../src/answer/present-answer.js';
import type { AnswerEvent, AnswerInput, AnswerResult } from '../src/answer/types.js';
import { hitsFromCorpus } from './helpers/corpus-hits.js';
import { startFakeOpenAIServer, type FakeOpenAIServer } from './helpers/fake-openai-server.js';

const ARABIC_FILE = '000_68c45a22bf89f6e7.txt';
const hits = hitsFromCorpus(ARABIC_FILE, 'ar', [4, 3], { title: 'تقرير مرصد لا- حرية: كازاخستان' });

const CASES = [
  {
    language: 'en',
    question: 'What policies does President Tokayev continue?',
    reply: 'President Tokayev continues the repressive policies of his predecessor, controlling information with targeted surveillance and internet shutdowns [1].',
    lead: /^Found in paragraph 4 of “\u2068تقرير مرصد لا- حرية: كازاخستان\u2069” \(Arabic\):$/,
  },
  {
    language: 'it',
    question: 'Quali politiche continua il presidente Tokayev?',
    reply: 'Il presidente Tokayev continua le politiche repressive del suo predecessore, controllando l’informazione con la sorveglianza mirata e il blocco di internet [1].',
    lead: /^Trovato nel paragrafo 4 di «\u2068تقرير مرصد لا- حرية: كازاخستان\u2069» \(in arabo\):$/,
  },
  {
    language: 'kk',
    question: 'Президент Тоқаев қандай саясатты жалғастырып отыр?',
    reply: 'Президент Тоқаев өзінен бұрынғы басшының қуғын-сүргін саясатын жалғастырып, ақпаратты бақылау мен интернетті өшіру арқылы басқарып отыр [1].',
    lead: /^Табылған жері: «\u2068تقرير مرصد لا- حرية: كازاخستان\u2069» құжатының 4-абзацы \(араб тілінде\):$/,
  },
] as const;

let server: FakeOpenAIServer;
let llm: LlmConfig;
beforeAll(async () => {
  server = await startFakeOpenAIServer();
  llm = { baseUrl: server.baseUrl, model: 'fake-model', timeoutMs: 2500 };
});
afterAll(() => server.close());

const answerer = () => createGenerativeAnswerer(llm, { fallback: createExtractiveAnswerer() });

describe('LLM answers over Arabic passages, in the asker’s language with the original beside', () => {
  for (const c of CASES) {
    it(`${c.language}: lead and answer in ${c.language}, then the verbatim Arabic quotes, each on its own line with [1]`, async () => {
      const input: AnswerInput = { question: c.question, language: c.language, hits };
      server.reply({ content: c.reply });
      const result = presentAnswer(await answerer().answer(input), c.language);

      expect(result.warnings).toEqual([]);
      expect(result.support).toBe('answered');
      const prompt = server.requests.at(-1)!.messages.map((m) => m.content).join('\n');
      expect(prompt).toContain(`Write the whole answer in ${{ en: 'English', it: 'Italian', kk: 'Kazakh' }[c.language]}`);

      const [lead, reply, ...quotes] = result.answer.split('\n');
      expect(lead).toBe(result.lead);
      expect(lead).toMatch(c.lead);
      expect(reply).toBe(c.reply);
      const cited = result.citations[0];
      expect(cited).toMatchObject({ id: 1, language: 'ar', dir: 'rtl', paragraph: 4 });
      expect(cited.quotes.length).toBeGreaterThan(0);
      // The quotes beside are the paragraph's own sentences, verbatim, as the citation's spans say.
      expect(quotes).toEqual(cited.quotes.map((q) => `${cited.text.slice(q.start - cited.start, q.end - cited.start)} [1]`));
      for (const q of quotes) expect(q).toMatch(/^[\u0600-\u06FF]/);
    });
  }

  it('the stream ends with the same result, and an answer in the passages’ own language gets no quotes beside', async () => {
    const c = CASES[0];
    server.reply({ content: c.reply });
    const events: AnswerEvent[] = [];
    for await (const event of answerer().stream({ question: c.question, language: c.language, hits })) events.push(event);
    const streamed = (events.at(-1) as { result: AnswerResult }).result;
    server.reply({ content: c.reply });
    expect(streamed).toEqual(await answerer().answer({ question: c.question, language: c.language, hits }));

    server.reply({ content: 'يواصل الرئيس توكاييف السياسات القمعية لسلفه [1].' });
    const arabic = await answerer().answer({ question: 'ما السياسات التي يواصلها الرئيس توكاييف؟', language: 'ar', hits });
    expect(arabic.answer).toBe('يواصل الرئيس توكاييف السياسات القمعية لسلفه [1].');
  });
});
