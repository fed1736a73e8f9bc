/**
 * Who is in one document right now, from its awareness: each device shares
 * `{ user: { id, name, color } }` (the collaboration caret reads the same field). One entry per
 * person however many tabs or devices they have open; entries vanish when they leave (their
 * client withdraws its state, or the server drops it when the socket closes).
 */
import { createSubscriber } from 'svelte/reactivity';
import type { Awareness } from 'y-protocols/awareness';

export interface PresenceUser {
  id: string;
  name: string;
  color: string;
}

function userOf(state: unknown): PresenceUser | null {
  const user = (state as { user?: Partial<PresenceUser> } | null)?.user;
  return user && typeof user.id === 'string' && typeof user.name === 'string' ? { id: user.id, name: user.name, color: typeof user.color === 'string' ? user.color : '#4a545b' } : null;
}

export class DocumentPresence {
  readonly #subscribe: () => void;

  constructor(private readonly awareness: Awareness) {
    this.#subscribe = createSubscriber((update) => {
      awareness.on('change', update);
      return () => awareness.off('change', update);
    });
  }

  /** Everyone here now, me first, then by name. */
  get people(): (PresenceUser & { isMe: boolean })[] {
    this.#subscribe();
    const myId = userOf(this.awareness.getLocalState())?.id;
    const people = new Map<string, PresenceUser>();
    for (const state of this.awareness.getStates().values()) {
      const user = userOf(state);
      if (user) people.set(user.id, user);
    }
    return [...people.values()]
      .map((p) => ({ ...p, isMe: p.id === myId }))
      .sort((a, b) => Number(b.isMe) - Number(a.isMe) || a.name.localeCompare(b.name));
  }

  destroy() {
    // The subscriber stops on its own when nothing renders `people`; nothing else is held.
  }
}
