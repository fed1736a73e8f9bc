/**
 * Who is a member of a COP, with what role, participation and experience: the server's truth
 * (`GET /api/cops/{copId}/members`). Kept on the device too, so the roster, attendance, owners
 * and expenses still name people at a venue with no network.
 */
import { browser } from '$app/environment';
import { membersApi } from '$lib/api/members-api';
import type { Member } from '$lib/api/types';

const storageKey = (copId: string) => `atelier.members.v1.${copId}`;

function readKept(copId: string): Member[] {
  if (!browser) return [];
  try {
    const raw = localStorage.getItem(storageKey(copId));
    return raw ? (JSON.parse(raw) as Member[]) : [];
  } catch {
    // Unreadable copy: start empty, the server's answer replaces it.
    return [];
  }
}

export class CopMembers {
  list = $state<Member[]>([]);
  /** The last answer from the server failed (offline or refused); `list` is the device's copy. */
  stale = $state(false);

  constructor(readonly copId: string) {
    this.list = readKept(copId);
  }

  /** Members by name, for pickers and lists. */
  get sorted(): Member[] {
    return [...this.list].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** A member's name, or the id itself for someone who left (their past entries stay readable). */
  nameOf = (userId: string): string => this.list.find((m) => m.userId === userId)?.name ?? userId;

  get(userId: string): Member | undefined {
    return this.list.find((m) => m.userId === userId);
  }

  async load() {
    try {
      const members = await membersApi.list(this.copId);
      this.list = members;
      this.stale = false;
      try {
        localStorage.setItem(storageKey(this.copId), JSON.stringify(members));
      } catch {
        // Storage full: the list still shows now, it just won't be there offline next time.
      }
    } catch {
      // Offline or refused: the device's copy stands (the sync status says what is going on).
      this.stale = true;
    }
  }
}
