import { splitSentences } from '../src/answer/sentences.js';
import { describe, expect, it } from 'vitest';
import { checkCitation } from '../src/answer/citations.js';
import { createExtractiveAnswerer } from '../src/answer/extractive.js';
import { messagesFor } from '../src/answer/messages.js';
import type { AnswerEvent, AnswerResult } from '../src/answer/types.js';
import type { DetectedLanguage } from '../src/corpus/types.js';
import { corpusParagraphs, hitsFromCorpus } from './helpers/corpus-hits.js';

const ITALIAN_FILE = '002_23fe508d9d363cf9.txt';
const ARABIC_FILE = '000_68c45a22bf89f6e7.txt';

/** The quoted sentences of a grounded answer and the [n] after each; fails if the answer has any other shape. */
function quotedSentences(result: AnswerResult, language: DetectedLanguage): { text: string; id: number }[] {
  const intro = messagesFor(language).excerptsIntro;
  expect(result.answer.startsWith(intro)).toBe(true);
  const body = result.answer.slice(intro.length);
  const quotes = [...body.matchAll(/ ([^[]+?) \[(\d+)\]/gu)];
  expect(quotes.map((m) => m[0]).join('')).toBe(body);
  return quotes.map((m) => ({ text: m[1], id: Number(m[2]) }));
}

function expectCitationsVerbatim(result: AnswerResult): void {
  for (const citation of result.citations) {
    expect(checkCitation(citation, corpusParagraphs(citation.file)[citation.paragraph - 1])).toBe(true);
  }
}

/** Every quote span's text stands in its paragraph, inside the excerpt, and in the answer followed by the citation's [n]. */
function expectQuoteSpansQuoted(result: AnswerResult): void {
  for (const citation of result.citations) {
    const paragraph = corpusParagraphs(citation.file)[citation.paragraph - 1];
    for (const span of citation.quotes) {
      expect(span.start).toBeGreaterThanOrEqual(citation.start);
      expect(span.end).toBeLessThanOrEqual(citation.end);
      const quoted = paragraph.slice(span.start, span.end);
      expect(quoted.trim()).toBe(quoted);
      expect(quoted.length).toBeGreaterThan(0);
      expect(result.answer).toContain(`${quoted} [${citation.id}]`);
    }
  }
}

function expectWellFormedGroundedAnswer(result: AnswerResult, language: DetectedLanguage) {
  expect(result.grounded).toBe(true);
  const quotes = quotedSentences(result, language);
  expect(quotes.length).toBeGreaterThanOrEqual(1);
  expect(quotes.length).toBeLessThanOrEqual(3);
  for (const quote of quotes) {
    const citation = result.citations.find((c) => c.id === quote.id);
    expect(citation, `[${quote.id}] names a citation`).toBeDefined();
    expect(citation!.text).toContain(quote.text);
  }
  expectCitationsVerbatim(result);
  expectQuoteSpansQuoted(result);
  // One span per quoted sentence, on the citation its [n] names.
  for (const quote of quotes) {
    const citation = result.citations.find((c) => c.id === quote.id)!;
    const paragraph = corpusParagraphs(citation.file)[citation.paragraph - 1];
    expect(citation.quotes.map((q) => paragraph.slice(q.start, q.end))).toContain(quote.text);
  }
  expect(result.citations.reduce((n, c) => n + c.quotes.length, 0)).toBe(quotes.length);
  return quotes;
}

describe('extractive answers', () => {
  const answerer = createExtractiveAnswerer();

  it('answers an Italian question with the best verbatim sentence and the id of its passage', async () => {
    const hits = hitsFromCorpus(ITALIAN_FILE, 'it', [2, 1, 3]);
    const result = await answerer.answer({ question: 'Quando si svolgeranno le elezioni per il Majilis?', language: 'it', hits });

    const quotes = expectWellFormedGroundedAnswer(result, 'it');
    expect(quotes[0]).toEqual({
      text: 'Il 10 gennaio si svolgeranno in Kazakistan le elezioni per il Majilis, ovvero la Camera dei Deputati.',
      id: 2,
    });
    expect(result.citations.map((c) => [c.id, c.paragraph])).toEqual([[1, 2], [2, 1], [3, 3]]);
    expect(result.citations.map((c) => c.score)).toEqual(hits.map((h) => h.score));
    expect(result.warnings).toEqual([]);
  });

  it('answers an Arabic question from an Arabic passage, framed in Arabic', async () => {
    const hits = hitsFromCorpus(ARABIC_FILE, 'ar', [4, 3, 1]);
    const result = await answerer.answer({ question: 'ما هي مبادرة مرصد لا-حرية؟', language: 'ar', hits });

    const quotes = expectWellFormedGroundedAnswer(result, 'ar');
    expect(quotes[0].id).toBe(2);
    expect(quotes[0].text).toMatch(/^مرصد لا-حرية هو مبادرة بحثية/u);
  });

  it.each<[DetectedLanguage, string, [string, DetectedLanguage], number[]]>([
    ['it', 'Qual è la ricetta della carbonara?', [ITALIAN_FILE, 'it'], [1, 2, 3]],
    ['ar', 'ما هي وصفة كعكة الشوكولاتة؟', [ARABIC_FILE, 'ar'], [3, 4]],
    ['kk', 'Футбол әлем чемпионатын кім жеңді?', [ITALIAN_FILE, 'it'], [1]],
    ['en', 'How do I bake sourdough bread?', [ARABIC_FILE, 'ar'], [3]],
  ])('says nothing answers an unrelated %s question, in that language, and still cites the nearest passages', async (language, question, [file, fileLanguage], paragraphs) => {
    const hits = hitsFromCorpus(file, fileLanguage, paragraphs);
    const result = await answerer.answer({ question, language, hits });

    const messages = messagesFor(language);
    expect(result.grounded).toBe(false);
    expect(result.answer).toBe(`${messages.noAnswer} ${messages.nearestPassages}`);
    expect(result.citations.map((c) => c.paragraph)).toEqual(paragraphs);
    expectCitationsVerbatim(result);
  });

  it('frames answers to questions in other languages in English', async () => {
    const result = await answerer.answer({ question: 'Wie backe ich Brot?', language: 'other', hits: [] });
    expect(result).toEqual({ answer: messagesFor('en').noAnswer, citations: [], grounded: false, support: 'none', warnings: [] });
  });

  it('does not call a shared-name-only question grounded', async () => {
    const hits = hitsFromCorpus(ITALIAN_FILE, 'it', [1, 2, 3]);
    const result = await answerer.answer({ question: 'Qual è la capitale del Kazakistan?', language: 'it', hits });
    expect(result.grounded).toBe(false);
  });

  describe('sentences scored by meaning across languages (no shared terms)', () => {
    const question = { question: 'What is the purpose of the Unfreedom Monitor initiative?', language: 'en' as const };
    /** Stands in for the embedding model: `best` scores `high`, every other sentence `rest`. */
    const scoring = (best: RegExp, high: number, rest = 0.76) =>
      createExtractiveAnswerer({ scoreSentences: async (_q, texts) => texts.map((t) => (best.test(t) ? high : rest)) });
    const hits = hitsFromCorpus(ARABIC_FILE, 'ar', [3, 4]);
    const secondSentence = (text: string) => splitSentences(text)[1]!.text;

    it('quotes the sentence closest in meaning, not the passage opening, and is grounded when it is close enough', async () => {
      const target = secondSentence(hits[0]!.chunk.text);
      const result = await scoring(new RegExp(`^${escapeRegExp(target)}$`, 'u'), 0.9).answer({ ...question, hits });

      const quotes = expectWellFormedGroundedAnswer(result, 'en');
      expect(result.support).toBe('answered');
      expect(quotes[0]!.text).toBe(target);
    });

    it('says "possibly relevant", naming the passage language, when the closest sentence is nearly close enough', async () => {
      const result = await scoring(/^لطالما كانت/u, 0.845).answer({ ...question, hits });
      expect(result).toMatchObject({ grounded: false, support: 'possible' });
      expect(result.answer).toMatch(/^Possibly relevant, in Arabic: لطالما كانت.* \[1\]$/u);
    });

    it('is not grounded when every sentence is far in meaning', async () => {
      const result = await scoring(/^$/u, 0, 0.7).answer({ ...question, hits });
      expect(result).toMatchObject({ grounded: false, support: 'none' });
      expect(result.answer.startsWith(messagesFor('en').noAnswer)).toBe(true);
    });

    it('is not grounded by lexical hits without a model', async () => {
      expect((await answerer.answer({ ...question, hits })).grounded).toBe(false);
    });
  });

  it("never quotes a source's own footnote mark as if it were a citation marker", async () => {
    const hits = hitsFromCorpus('001_ab2ed0b91d19d8aa.txt', 'ar', [1, 11]);
    const question = 'هل تتعلق الدوافع وراء مهاجمة كازاخستان بشأن القضايا البارزة بحقوق الإنسان؟';
    const result = await answerer.answer({ question, language: 'ar', hits });

    const quotes = expectWellFormedGroundedAnswer(result, 'ar');
    expect(quotes[0]).toEqual({ text: expect.stringMatching(/^تتساءل المنظمات .* القضايا البارزة$/u), id: 2 });
  });

  it('streams the answer in pieces that add up to the result', async () => {
    const input = { question: 'Che cosa è successo il 6 dicembre in Kazakistan?', language: 'it' as const, hits: hitsFromCorpus(ITALIAN_FILE, 'it', [3, 4, 1]) };
    const events: AnswerEvent[] = [];
    for await (const event of answerer.stream(input)) events.push(event);

    const deltas = events.filter((e) => e.type === 'delta').map((e) => e.text);
    const last = events.at(-1)!;
    expect(last.type).toBe('result');
    const result = (last as Extract<AnswerEvent, { type: 'result' }>).result;
    expect(deltas.length).toBeGreaterThanOrEqual(2);
    expect(deltas.join('')).toBe(result.answer);
    expect(result).toEqual(await answerer.answer(input));
    expectWellFormedGroundedAnswer(result, 'it');
  });

  it('rejects when the caller has already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('client went away'));
    await expect(answerer.answer({ question: 'x', language: 'en', hits: [] }, controller.signal)).rejects.toThrow('client went away');
  });
});

describe('grounding of extractive answers', () => {
  const answerer = createExtractiveAnswerer();

  it('counts a word as matched when its stem is, though its inflected form is not in the passage', async () => {
    const hits = hitsFromCorpus('003_5696f5a8dd52dece.txt', 'kk', [13, 5, 1]);
    const result = await answerer.answer({ question: 'Amnesty International есебі қалай аталады?', language: 'kk', hits });
    expect(result.grounded).toBe(true);
  });

  it('is not grounded when a passage shares only one word of a question that has several', async () => {
    const hits = hitsFromCorpus('001_ab2ed0b91d19d8aa.txt', 'ar', [13, 8]);
    const result = await answerer.answer({ question: 'ما هي عاصمة فرنسا؟', language: 'ar', hits });
    expect(result.grounded).toBe(false);
    expect(result.answer.startsWith(messagesFor('ar').noAnswer)).toBe(true);
    expect(result.citations).toHaveLength(2);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
