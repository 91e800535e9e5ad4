/** A server's memory settings: the aligner's token-state bytes and the V8 heap growth cap. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('memory settings', () => {
  it('default to 16 MB of token states and heaps 30% past their live size', () => {
    expect(loadConfig({}).memory).toEqual({ tokenStateBytes: 16 * 1024 * 1024, heapGrowthPercent: 30 });
  });

  it('read ALIGNMENT_CACHE_MB and HEAP_GROWTH_PERCENT (0: V8 decides)', () => {
    expect(loadConfig({ ALIGNMENT_CACHE_MB: '64', HEAP_GROWTH_PERCENT: '0' }).memory).toEqual({ tokenStateBytes: 64 * 1024 * 1024, heapGrowthPercent: 0 });
  });

  it('refuses a token-state budget of nothing', () => {
    expect(() => loadConfig({ ALIGNMENT_CACHE_MB: '0' })).toThrow(ConfigError);
  });
});
