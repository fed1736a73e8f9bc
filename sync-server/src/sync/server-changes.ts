/**
 * What API routes use to change a stored document themselves (the room manager implements it):
 * the change goes through the document's room, so it is stored before anything of it leaves the
 * server and then relayed to open sockets like any socket's update.
 */
import type * as Y from 'yjs';

export interface ServerChanges {
  /**
   * Applies `change` to the document `docName` of COP `copId` and resolves with its result once
   * the change is stored. `maxChangeBytes` bounds what the change may add, checked against the
   * document size limit first. Rejects with `ServerChangeRefused` (room-manager.ts).
   */
  applyServerChange<T>(docName: string, copId: string, change: (doc: Y.Doc) => T, maxChangeBytes: number): Promise<T>;
}
