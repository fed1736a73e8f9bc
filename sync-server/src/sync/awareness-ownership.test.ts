import { describe, expect, it } from 'vitest';
import { AwarenessOwnership, encodeAwarenessEntries, readAwarenessEntries, type AwarenessEntry } from './awareness-ownership';

const entry = (clientId: number, state = '{}'): AwarenessEntry => ({ clientId, clock: 1, state });
const ids = (entries: AwarenessEntry[]) => entries.map((e) => e.clientId);

describe('awareness ownership', () => {
  it('a socket cannot own more client ids than its share, and its refused claims are counted', () => {
    const ownership = new AwarenessOwnership<{ userId: string }>(4);
    const mallory = { userId: 'm' };
    const decision = ownership.filter(mallory, [1, 2, 3, 4, 5, 6, 7].map((id) => entry(id)));
    expect(ids(decision.allowed)).toEqual([1, 2, 3, 4]);
    expect(decision.refused).toBe(3);
    // Its own ids still pass; echoes of ids another socket owns are dropped without counting.
    const ana = { userId: 'a' };
    ownership.filter(ana, [entry(9)]);
    expect(ownership.filter(mallory, [entry(2), entry(9), entry(10)])).toMatchObject({ refused: 1 });
  });

  it('stops reading a hostile update at the first claims past the budget', () => {
    const ownership = new AwarenessOwnership<{ userId: string }>(4);
    let read = 0;
    const update = encodeAwarenessEntries(Array.from({ length: 100_000 }, (_, i) => entry(i + 1)));
    const counted = (function* () {
      for (const e of readAwarenessEntries(update)) {
        read++;
        yield e;
      }
    })();
    const decision = ownership.filter({ userId: 'm' }, counted, 16);
    expect(decision.stopped).toBe(true);
    expect(read).toBe(4 + 17);
  });

  it('a flood of short-lived sockets leaves at most 4,096 released ids, each for 60 s at most', () => {
    let now = 0;
    const ownership = new AwarenessOwnership<{ userId: string }>(4, () => now);
    for (let i = 0; i < 3_000; i++) {
      const socket = { userId: 'm' };
      ownership.filter(socket, [1, 2, 3].map((k) => entry(i * 3 + k)));
      ownership.release(socket);
    }
    expect(ownership.size).toEqual({ owned: 0, released: 4_096 });
    now += 60_001;
    ownership.filter({ userId: 'a' }, [entry(1)]);
    // Id 1 was forgotten long ago: someone else may take it now.
    expect(ownership.size).toEqual({ owned: 1, released: 0 });
  });

  it('an id released by a closed socket is not taken by someone else’s late echo, only by the same account', () => {
    const ownership = new AwarenessOwnership<{ userId: string }>(4);
    const first = { userId: 'a' };
    ownership.filter(first, [entry(7)]);
    ownership.release(first);
    expect(ownership.filter({ userId: 'b' }, [entry(7)]).allowed).toEqual([]);
    expect(ids(ownership.filter({ userId: 'a' }, [entry(7)]).allowed)).toEqual([7]);
  });
});
