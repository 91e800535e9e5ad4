/** The query-embedding cache: repeats cost no model call, the oldest entry leaves first, failures are retried. */
import { describe, expect, it } from 'vitest';
import { cachedQueryEmbedder } from '../src/embedding/query-cache.js';

function countingEmbedder() {
  const calls: string[] = [];
  const embed = async (q: string) => {
    calls.push(q);
    if (q === 'fail') throw new Error('model down');
    return [q.length];
  };
  return { calls, embed };
}

describe('cachedQueryEmbedder', () => {
  it('answers a repeated query without calling the model, and shares one call between concurrent requests', async () => {
    const { calls, embed } = countingEmbedder();
    const cached = cachedQueryEmbedder(embed, 10);
    expect(await Promise.all([cached('Где Астана?'), cached('Где Астана?')])).toEqual([[11], [11]]);
    expect(await cached('Где Астана?')).toEqual([11]);
    expect(calls).toEqual(['Где Астана?']);
  });

  it('keeps at most maxEntries queries and evicts the least recently used', async () => {
    const { calls, embed } = countingEmbedder();
    const cached = cachedQueryEmbedder(embed, 2);
    await cached('a');
    await cached('b');
    await cached('a'); // a is now the most recent
    await cached('c'); // evicts b
    expect(cached.size()).toBe(2);
    await cached('a');
    await cached('b');
    expect(calls).toEqual(['a', 'b', 'c', 'b']);
  });

  it('does not keep a failed call', async () => {
    const { calls, embed } = countingEmbedder();
    const cached = cachedQueryEmbedder(embed, 5);
    await expect(cached('fail')).rejects.toThrow('model down');
    await expect(cached('fail')).rejects.toThrow('model down');
    expect(calls).toEqual(['fail', 'fail']);
    expect(cached.size()).toBe(0);
  });
});

describe('priming the cache', () => {
  it('answers primed queries without a model call, within the same bound', async () => {
    const { calls, embed } = countingEmbedder();
    const cached = cachedQueryEmbedder(embed, 2);
    cached.prime([['a', [9]], ['b', [8]], ['c', [7]]]);
    expect(cached.size()).toBe(2);
    expect(await cached('c')).toEqual([7]);
    expect(await cached('a')).toEqual([1]);
    expect(calls).toEqual(['a']);
  });
});
