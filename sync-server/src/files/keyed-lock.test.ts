// The per-hash lock that makes "link a blob" and "unlink a blob" one decision each.
import { describe, expect, it } from 'vitest';
import { KeyedLock } from './keyed-lock';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('KeyedLock', () => {
  it('never lets two sections of one key overlap, even when one throws, and keeps no entry once they are done', async () => {
    const lock = new KeyedLock();
    let inside = 0;
    let most = 0;
    const order: number[] = [];
    const section = (n: number) => async () => {
      inside++;
      most = Math.max(most, inside);
      await tick();
      order.push(n);
      inside--;
      if (n === 2) throw new Error('refused');
      return n;
    };
    const results = await Promise.allSettled([1, 2, 3, 4].map((n) => lock.run('same-hash', section(n))));
    expect(most).toBe(1);
    expect(order).toEqual([1, 2, 3, 4]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(lock.size).toBe(0);
  });

  it('runs sections of different keys side by side', async () => {
    const lock = new KeyedLock();
    let inside = 0;
    let most = 0;
    await Promise.all(
      ['a', 'b', 'c'].map((key) =>
        lock.run(key, async () => {
          inside++;
          most = Math.max(most, inside);
          await tick();
          inside--;
        })
      )
    );
    expect(most).toBe(3);
  });
});
