/**
 * Which documents exist under a COP: its workspace document `cop/{copId}`, and the notes and
 * protocols that workspace lists (`cop/{copId}/notes/{id}`, `cop/{copId}/protocols/{id}`, as
 * `documentDocName` forms them). A member can no longer open documents of names of their own
 * making: each would be a new document of up to SYNC_MAX_DOCUMENT_BYTES that nobody sees.
 *
 * The race a client runs on purpose: it creates a note in the workspace and opens the note's
 * document at once, on another socket, so the listing may reach the server a moment after the
 * note's socket. An unlisted name is therefore looked at again for SYNC_UNLISTED_WAIT_MS, in the
 * workspace's room, before the socket is refused. The listing counts once it is stored.
 */
import { readDocument, workspaceDocName, type DocName } from '@atelier/workspace';
import * as Y from 'yjs';
import { readStoredDocument } from '../publishing/stored-document';
import type { DocumentStore } from './document-store';
import type { RoomManager } from './room-manager';

/** How often the workspace's room is looked at while a socket waits for its document's listing. */
const RECHECK_MS = 50;

const KIND_OF_FOLDER: Record<string, 'note' | 'protocol'> = { notes: 'note', protocols: 'protocol' };

/** The note or protocol a document name stands for, or null for names no workspace can list. */
export function listedDocumentRef(doc: DocName): { kind: 'note' | 'protocol'; id: string } | null {
  if (doc.path.length !== 2) return null;
  const kind = KIND_OF_FOLDER[doc.path[0]!];
  return kind ? { kind, id: doc.path[1]! } : null;
}

function lists(workspace: Y.Doc, ref: { kind: 'note' | 'protocol'; id: string }): boolean {
  return readDocument(workspace, ref.id)?.kind === ref.kind;
}

/** Resolves true once the COP's workspace lists the document (at once for the workspace itself). */
export async function isListedDocument(manager: RoomManager, store: DocumentStore, doc: DocName, waitMs: number): Promise<boolean> {
  if (doc.isWorkspace) return true;
  const ref = listedDocumentRef(doc);
  if (!ref) return false;
  const workspaceName = workspaceDocName(doc.copId);
  const deadline = Date.now() + waitMs;
  let readStored = false;
  for (;;) {
    const room = manager.rooms.get(workspaceName);
    if (room && room.status === 'open') {
      // Counted once stored; at the deadline what the room holds is enough.
      if (lists(room.doc, ref) && (room.stored || Date.now() >= deadline)) return true;
    } else if (!readStored) {
      // Not in memory: what is stored is all there is, read once (a client that lists the
      // document now opens the workspace first, which brings its room into memory).
      readStored = true;
      const stored = await readStoredDocument(store, workspaceName, doc.copId);
      const listed = lists(stored, ref);
      stored.destroy();
      if (listed) return true;
    }
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, RECHECK_MS));
  }
}
