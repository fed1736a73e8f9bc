/** Roster profiles (what members say about themselves), for Svelte. */
import type * as Y from 'yjs';
import { readProfile, readProfiles, rosterMap, updateProfile, type ProfilePatch, type RosterProfile } from '@atelier/workspace';
import { docSubscriber } from './doc-subscriber';

export class RosterView {
  readonly #subscribe: () => void;

  constructor(private readonly doc: Y.Doc) {
    this.#subscribe = docSubscriber(doc, [rosterMap]);
  }

  get profiles(): Map<string, RosterProfile> {
    this.#subscribe();
    return readProfiles(this.doc);
  }

  profile(userId: string): RosterProfile {
    this.#subscribe();
    return readProfile(this.doc, userId);
  }

  update(userId: string, patch: ProfilePatch) {
    updateProfile(this.doc, userId, patch);
  }
}
