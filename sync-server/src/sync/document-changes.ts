/**
 * What API routes may ask of the sync service: to change a stored document on the server's own
 * behalf (e.g. an observer's own attendance, which they cannot write over their socket). The room
 * manager does it, so the change is stored durably with everything else and then reaches every
 * open socket — never written to the store behind a room's back.
 */
import type * as Y from 'yjs';

export interface DocumentChanges {
  /** Runs `change` on document `name` of COP `copId` in one transaction; resolves with its result once stored. */
  change<T>(name: string, copId: string, change: (doc: Y.Doc) => T): Promise<T>;
}
