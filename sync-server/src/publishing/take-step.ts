/**
 * One lifecycle step taken on a COP's protocol through the transitions route:
 * approving also pins the title and text the server holds at that moment (what was
 * reviewed), in the same transaction as the step.
 */
import type { CopDocument } from '@atelier/workspace';
import type { CopStanding } from '../accounts/roles';
import type { SqliteDatabase } from '../db/database';
import type { DocumentStore } from '../sync/document-store';
import { pinApproval } from './approval-pin';
import { transition, type ProtocolAction, type ProtocolState } from './lifecycle';
import { renderProtocol } from './render-protocol';

export async function takeStep(
  db: SqliteDatabase,
  store: DocumentStore,
  input: { copId: string; protocol: CopDocument; action: Exclude<ProtocolAction, 'publish'>; standing: CopStanding; actorId: string; comment?: string }
): Promise<ProtocolState> {
  const ref = { copId: input.copId, protocolId: input.protocol.id };
  const reviewed = input.action === 'approve' ? await renderProtocol(store, input.copId, input.protocol) : undefined;
  return db
    .transaction(() => {
      const to = transition(db, { ...ref, action: input.action, standing: input.standing, actorId: input.actorId, comment: input.comment });
      if (reviewed) pinApproval(db, ref, { title: input.protocol.title, json: reviewed.json, by: input.actorId });
      return to;
    })
    .immediate();
}
