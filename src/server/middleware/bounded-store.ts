/** A fixed-window hit counter for the rate limiter whose memory is bounded whatever keys clients send. */

interface Entry {
  totalHits: number;
  resetTime: Date;
}

/**
 * hono-rate-limiter `Store` holding at most `maxKeys` clients. Keys are kept in window-start order (a key is moved
 * to the end when its window restarts), so expired ones are swept from the front; when every slot is live, the
 * oldest window is dropped. Memory is O(maxKeys) even under a flood of new keys.
 * @example rateLimiter({ store: new BoundedStore(100_000), ... })
 */
export class BoundedStore {
  private readonly entries = new Map<string, Entry>();
  private windowMs = 60_000;

  constructor(
    readonly maxKeys: number,
    private readonly now: () => number = Date.now,
  ) {}

  init(options: { windowMs: number }): void {
    this.windowMs = options.windowMs;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    return entry && entry.resetTime.getTime() > this.now() ? entry : undefined;
  }

  increment(key: string): Entry {
    const now = this.now();
    let entry = this.entries.get(key);
    if (!entry || entry.resetTime.getTime() <= now) {
      this.entries.delete(key);
      this.makeRoom(now);
      entry = { totalHits: 0, resetTime: new Date(now + this.windowMs) };
      this.entries.set(key, entry);
    }
    entry.totalHits += 1;
    return entry;
  }

  decrement(key: string): void {
    const entry = this.entries.get(key);
    if (entry && entry.totalHits > 0) entry.totalHits -= 1;
  }

  resetKey(key: string): void {
    this.entries.delete(key);
  }

  private makeRoom(now: number): void {
    for (const [key, entry] of this.entries) {
      if (this.entries.size < this.maxKeys && entry.resetTime.getTime() > now) return;
      this.entries.delete(key);
    }
  }
}
