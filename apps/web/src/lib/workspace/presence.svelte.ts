/**
 * Who has this COP's workspace open right now, from y-websocket awareness: each device shares
 * `{ user: { id, name } }`. Also remembers which Yjs client ids belonged to whom, so "recent
 * changes" can name people after they have gone.
 */
import { createSubscriber } from 'svelte/reactivity';
import type { Awareness } from 'y-protocols/awareness';

export interface PresentUser {
  id: string;
  name: string;
}

const MAX_REMEMBERED = 200;

function userOf(state: unknown): PresentUser | null {
  const user = (state as { user?: unknown } | null)?.user as Partial<PresentUser> | undefined;
  return user && typeof user.id === 'string' && typeof user.name === 'string' ? { id: user.id, name: user.name } : null;
}

export class Presence {
  readonly #subscribe: () => void;
  readonly #known = new Map<number, PresentUser>();
  readonly #storageKey: string;

  constructor(
    private readonly awareness: Awareness,
    copId: string
  ) {
    this.#storageKey = `atelier.clients.v1.${copId}`;
    try {
      const kept = JSON.parse(localStorage.getItem(this.#storageKey) ?? '[]') as [number, PresentUser][];
      for (const [client, user] of kept) this.#known.set(client, user);
    } catch {
      // Nothing kept (or unreadable): names are learnt again as people come online.
    }
    awareness.on('change', this.#learn);
    this.#subscribe = createSubscriber((update) => {
      awareness.on('change', update);
      return () => awareness.off('change', update);
    });
  }

  /** Announces this device's person to the others. */
  announce(user: PresentUser) {
    this.awareness.setLocalStateField('user', user);
  }

  /** Everyone online now (one entry per person, however many devices), by name. */
  get online(): PresentUser[] {
    this.#subscribe();
    const people = new Map<string, PresentUser>();
    for (const state of this.awareness.getStates().values()) {
      const user = userOf(state);
      if (user) people.set(user.id, user);
    }
    return [...people.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Whose device a Yjs client id is (or was), if anyone has told us. */
  whoIs(client: number): PresentUser | undefined {
    return this.#known.get(client);
  }

  destroy() {
    this.awareness.off('change', this.#learn);
  }

  readonly #learn = () => {
    let learnt = false;
    for (const [client, state] of this.awareness.getStates()) {
      const user = userOf(state);
      if (user && this.#known.get(client)?.id !== user.id) {
        this.#known.set(client, user);
        learnt = true;
      }
    }
    if (!learnt) return;
    const kept = [...this.#known.entries()].slice(-MAX_REMEMBERED);
    try {
      localStorage.setItem(this.#storageKey, JSON.stringify(kept));
    } catch {
      // Storage full: names are still known for this visit.
    }
  };
}
