import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('SUGGESTIONS and FEEDBACK_DIR settings', () => {
  it('defaults to no suggestions and ./data/feedback', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config.suggestions).toEqual({});
    expect(config.feedbackDir).toBe('/srv/app/data/feedback');
  });

  it('reads 1–4 questions per interface language from JSON', () => {
    const config = loadConfig({ SUGGESTIONS: '{"it": [" Quando si vota? "], "ar": ["ما هي مبادرة مرصد لا-حرية؟"]}' });
    expect(config.suggestions).toEqual({ it: ['Quando si vota?'], ar: ['ما هي مبادرة مرصد لا-حرية؟'] });
  });

  it('refuses broken JSON, unknown languages and too many or empty questions, naming the setting', () => {
    for (const bad of ['{it: []}', '{"fr": ["Quand ?"]}', '{"it": []}', '{"it": ["a","b","c","d","e"]}', '{"it": [""]}', '["a"]']) {
      expect(() => loadConfig({ SUGGESTIONS: bad }), bad).toThrow(ConfigError);
      expect(() => loadConfig({ SUGGESTIONS: bad }), bad).toThrow(/SUGGESTIONS/);
    }
  });
});
