/** Abbreviations a document defines are read spelled out when a question is aligned with a later sentence using them. */
import { describe, expect, it } from 'vitest';
import { abbreviationsDefined, documentAbbreviations, expandAbbreviations } from '../src/answer/abbreviations.js';
import { sentenceAlignments } from '../src/answer/extractive.js';
import { createSentenceAligner } from '../src/answer/sentence-aligner.js';
import type { SourceDocument } from '../src/corpus/types.js';
import type { TokenStates } from '../src/embedding/token-states.js';
import type { SearchHit } from '../src/retrieval/types.js';

describe('abbreviationsDefined', () => {
  it('finds "long form (SF)" in Latin and Cyrillic script, across function words', () => {
    expect([...abbreviationsDefined('Amnesty International (AI) called on the authorities.')]).toEqual([['AI', 'Amnesty International']]);
    expect(abbreviationsDefined("L'Organizzazione per la sicurezza e la cooperazione in Europa (OSCE) ha osservato il voto.").get('OSCE')).toBe(
      "L'Organizzazione per la sicurezza e la cooperazione in Europa",
    );
    expect(abbreviationsDefined('Еуропадағы қауіпсіздік және ынтымақтастық ұйымы (ЕҚЫҰ) байқаушылары келді.').get('ЕҚЫҰ')).toBe(
      'Еуропадағы қауіпсіздік және ынтымақтастық ұйымы',
    );
  });

  it('finds "SF (long form)" too', () => {
    expect(abbreviationsDefined('The UN (United Nations) met.').get('UN')).toBe('United Nations');
  });

  it('takes no parenthesis whose letters the words before it do not hold, nor numbers, nor uncased scripts', () => {
    expect(abbreviationsDefined('The KGB (Committee for State Security) was feared.').size).toBe(0);
    expect(abbreviationsDefined('Il Comitato per la sicurezza dello Stato (ex KGB) è noto.').size).toBe(0);
    expect(abbreviationsDefined('He was born in 1950 (aged 72), see the report (see above).').size).toBe(0);
    expect(abbreviationsDefined('تقرير منظمة العفو الدولية (بموجب المادة) صدر.').size).toBe(0);
  });

  it('stops the long form at the clause before it', () => {
    expect(abbreviationsDefined('Asked by Amnesty. International observers (IO) came.').get('IO')).toBe('International observers');
  });
});

describe('expandAbbreviations', () => {
  const defined = new Map([['AI', 'Amnesty International']]);

  it('spells every whole-word use out and maps the spelled-out words back to the short form', () => {
    const expanded = expandAbbreviations('AI said AI-дің words, not AIR.', defined);
    expect(expanded.text).toBe('Amnesty International said Amnesty International-дің words, not AIR.');
    expect(expanded.originalSpan(0, 7)).toEqual({ start: 0, end: 2 });
    expect(expanded.originalSpan(8, 21)).toEqual({ start: 0, end: 2 });
    const said = expanded.text.indexOf('said');
    expect(expanded.originalSpan(said, said + 4)).toEqual({ start: 3, end: 7 });
    const words = expanded.text.indexOf('words');
    expect(expanded.originalSpan(words, words + 5)).toEqual({ start: 15, end: 20 });
  });

  it('leaves a sentence that holds the long form as it is', () => {
    expect(expandAbbreviations('Amnesty International (AI) said so.', defined).text).toBe('Amnesty International (AI) said so.');
  });
});

/** Token states from the words themselves: one token per word, a one-hot row per distinct lower-cased word. */
function wordEncoder() {
  const vocabulary = new Map<string, number>();
  const given: string[] = [];
  const tokenStates = async (texts: string[]): Promise<TokenStates[]> => {
    given.push(...texts);
    return texts.map((text) => {
      const words = [...text.matchAll(/\p{L}+/gu)];
      const vectors = new Float32Array(words.length * 64);
      words.forEach((w, i) => {
        const key = w[0].toLowerCase();
        if (!vocabulary.has(key)) vocabulary.set(key, vocabulary.size);
        vectors[i * 64 + (vocabulary.get(key)! % 64)] = 1;
      });
      return { spans: words.map((w) => [w.index!, w.index! + w[0].length] as [number, number]), vectors, dimensions: 64 };
    });
  };
  return { tokenStates, given };
}

describe('sentenceAlignments with the documents’ abbreviations', () => {
  const document: SourceDocument = {
    file: 'report.txt',
    sha256: '0'.repeat(64),
    language: 'en',
    paragraphs: [
      { number: 1, text: 'Amnesty International (AI) is a rights group.', language: 'en' },
      { number: 2, text: 'AI did call Bokayev a prisoner.', language: 'en' },
    ],
  };
  const hit = { chunk: { id: 'c2', file: 'report.txt', paragraph: 2, text: 'AI did call Bokayev a prisoner.', language: 'en' }, score: 1 } as unknown as SearchHit;
  const input = { question: 'Does Amnesty International call Bokayev a prisoner?', language: 'en' as const, hits: [hit] };

  it('covers the question’s long form by the short form, the links pointing at the short form as written', async () => {
    const encoder = wordEncoder();
    const align = createSentenceAligner({ tokenStates: encoder.tokenStates, isContent: (w) => !/^(does|did|a)$/iu.test(w), maxStateBytes: 1e6, maxAlignments: 10 });
    const documents = new Map([['report.txt', document]]);
    const alignment = (await sentenceAlignments(input, align, (file) => documentAbbreviations(documents.get(file)))).get('AI did call Bokayev a prisoner.')!;
    expect(encoder.given).toContain('Amnesty International did call Bokayev a prisoner.');
    expect(alignment.coverage).toBe(1);
    const amnesty = alignment.links.find((l) => input.question.slice(l.question.start, l.question.end) === 'Amnesty')!;
    expect(amnesty.sentence.map((w) => 'AI did call Bokayev a prisoner.'.slice(w.start, w.end))).toEqual(['AI']);
  });

  it('covers less of the question without them', async () => {
    const encoder = wordEncoder();
    const align = createSentenceAligner({ tokenStates: encoder.tokenStates, isContent: (w) => !/^(does|did|a)$/iu.test(w), maxStateBytes: 1e6, maxAlignments: 10 });
    const alignment = (await sentenceAlignments(input, align)).get('AI did call Bokayev a prisoner.')!;
    expect(alignment.coverage).toBeLessThan(1);
  });

  it('keeps the first 200 short forms of a document that defines more', () => {
    const paragraphs = Array.from({ length: 300 }, (_, i) => ({ number: i + 1, language: 'en' as const, text: `Delta Echo Unit ${i} (DEU${i}) met.` }));
    const defined = documentAbbreviations({ ...document, file: 'many.txt', paragraphs });
    expect(defined.size).toBe(200);
    expect(defined.get('DEU0')).toBe('Delta Echo Unit 0');
    expect(defined.has('DEU250')).toBe(false);
  });

  it('finds no abbreviations without a document', () => {
    expect(documentAbbreviations(undefined).size).toBe(0);
  });
});
