/**
 * Publishes a demo COP's protocol with its translation to the Resource Centre through the real
 * lifecycle: proposed for review, approved by the facilitator (which pins the reviewed text the
 * server holds), then published with its approved counterpart. Each step is taken only from the
 * state it starts from, so a second run (or one after an interrupted run) finishes the job or
 * does nothing.
 */
import type { SqliteDatabase } from '../db/database';
import { refOf } from '../publishing/cop-protocol';
import { protocolState } from '../publishing/lifecycle';
import { publishProtocol } from '../publishing/publish-protocol';
import { findItemForProtocols } from '../publishing/resource-centre';
import { takeStep } from '../publishing/take-step';
import type { DocumentStore } from '../sync/document-store';
import type { DemoProtocols } from './demo-workspace';

export async function publishDemoProtocol(
  db: SqliteDatabase,
  store: DocumentStore,
  input: { copId: string; protocols: DemoProtocols; authorId: string; facilitatorId: string; summary: string; counterpartSummary: string }
): Promise<{ itemId: string; published: boolean }> {
  const { copId, protocols } = input;
  const pair = [protocols.original, protocols.translation];
  let published = false;
  if (protocolState(db, refOf(copId, protocols.original)) !== 'published') {
    for (const protocol of pair) {
      const state = () => protocolState(db, refOf(copId, protocol));
      if (state() === 'draft') {
        await takeStep(db, store, { copId, protocol, action: 'propose_review', standing: 'member', actorId: input.authorId, comment: 'Ready for review.' });
      }
      if (state() === 'in_review') {
        await takeStep(db, store, { copId, protocol, action: 'approve', standing: 'facilitator', actorId: input.facilitatorId });
      }
    }
    await publishProtocol(db, store, {
      copId,
      protocolId: protocols.original.id,
      standing: 'facilitator',
      actorId: input.facilitatorId,
      summary: input.summary,
      counterpartSummary: input.counterpartSummary,
      authorIds: [input.authorId]
    });
    published = true;
  }
  const item = findItemForProtocols(db, copId, [protocols.original.id]);
  if (!item) throw new Error('The demo protocol was published but has no Resource Centre item');
  return { itemId: item.id, published };
}
