import { describe, expect, it } from 'vitest';
import { MemoryRelease } from './memory-release';
import { eventually } from './sync-test-kit';

const MiB = 1024 * 1024;

describe('the memory release', () => {
  it('hands the pages back: after a burst, the heap V8 holds shrinks, not just what it uses', async () => {
    // What a burst of short-lived sockets leaves: a young generation grown to its maximum and
    // old-generation pages with a few survivors each.
    let kept: object[] | null = [];
    for (let round = 0; round < 40; round++) {
      for (let i = 0; i < 50_000; i++) {
        const o = { id: i, text: `item ${i}`, list: [i, i, i, i] };
        if (i % 20 === 0) kept.push(o);
      }
    }
    const busy = process.memoryUsage();
    kept = null;
    const release = new MemoryRelease();
    release.schedule(0);
    await eventually(() => expect(release.releases).toBe(1));
    const after = process.memoryUsage();
    expect(busy.heapUsed - after.heapUsed).toBeGreaterThan(20 * MiB);
    // An ordinary collection (Node 20's gc(), with or without options) keeps the pages.
    expect(busy.heapTotal - after.heapTotal).toBeGreaterThan(40 * MiB);
  });
});
