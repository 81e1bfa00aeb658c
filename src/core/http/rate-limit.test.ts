import { describe, expect, it } from 'vitest';
import { memoryRateLimitStore, retryIn } from './rate-limit.js';

const count = (store: ReturnType<typeof memoryRateLimitStore>, key: string, timeWindow = 60_000) => {
  let counted: { current: number; ttl: number } | undefined;
  store.incr(key, (_e, r) => (counted = r), timeWindow, 10); // the memory store answers at once
  return counted!;
};

describe('memoryRateLimitStore', () => {
  it('counts per key within a window and starts again when it ends', async () => {
    const store = memoryRateLimitStore();
    expect(count(store, 'a').current).toBe(1);
    expect(count(store, 'a').current).toBe(2);
    expect(count(store, 'b')).toEqual({ current: 1, ttl: 60_000 });
    expect(count(store, 'a').ttl).toBeLessThanOrEqual(60_000);
    await new Promise((r) => setTimeout(r, 30));
    expect(count(store, 'a', 20).current).toBe(1); // a 20 ms window has ended
  });
  it('keeps at most `size` keys, dropping the window started first', () => {
    const store = memoryRateLimitStore(2);
    count(store, 'a');
    count(store, 'a');
    count(store, 'b');
    count(store, 'c');
    expect(count(store, 'a').current).toBe(1);
    expect(count(store, 'c').current).toBe(2);
  });
});

describe('retryIn', () => {
  it("words the wait as @fastify/rate-limit's message does", () => {
    expect(retryIn(60_000)).toBe('1 minute');
    expect(retryIn(1000)).toBe('1 second');
    expect(retryIn(42_000)).toBe('42 seconds');
    expect(retryIn(0)).toBe('0 ms');
    expect(retryIn(7_200_000)).toBe('2 hours');
  });
});
