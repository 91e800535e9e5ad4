/** DATABASE_* settings: parsed into `config.database`, absent without DATABASE_URL, bad values named at start-up. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('database settings', () => {
  it('leave the file index in place when DATABASE_URL is unset', () => {
    expect(loadConfig({}).database).toBeUndefined();
  });

  it('parse the primary, the replicas and the bounds, with defaults', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://rag:secret@db:5432/rag', DATABASE_READ_URLS: 'postgresql://r1/rag, postgres://r2:6432/rag' });
    expect(config.database).toEqual({
      url: 'postgres://rag:secret@db:5432/rag',
      readUrls: ['postgresql://r1/rag', 'postgres://r2:6432/rag'],
      pollMs: 2000,
      timeoutMs: 5000,
      keepGenerations: 2,
    });
  });

  it.each([
    [{ DATABASE_URL: 'mysql://db/rag' }, /DATABASE_URL must start with postgres:\/\//],
    [{ DATABASE_URL: 'db:5432/rag' }, /DATABASE_URL must start with postgres:\/\/|DATABASE_URL is not a URL/],
    [{ DATABASE_URL: 'postgres://db/rag', DATABASE_READ_URLS: 'http://r1/rag' }, /DATABASE_READ_URLS must start with postgres:\/\//],
    [{ DATABASE_READ_URLS: 'postgres://r1/rag' }, /DATABASE_READ_URLS needs DATABASE_URL/],
    [{ DATABASE_URL: 'postgres://db/rag', DATABASE_POLL_MS: '10' }, /DATABASE_POLL_MS/],
    [{ DATABASE_URL: 'postgres://db/rag', DATABASE_KEEP_GENERATIONS: '0' }, /DATABASE_KEEP_GENERATIONS/],
  ])('refuse %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
