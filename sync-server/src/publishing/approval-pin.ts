/**
 * Approval pins what was reviewed. When a facilitator approves, the server keeps the title and
 * the rich text it had stored at that moment; publishing publishes that pinned text, never what
 * the shared document holds by then. Edits made after the approval stay in the draft (nothing is
 * lost) and are shown as "edited since approval"; to publish them, the protocol goes back for
 * changes and is approved again. We pin rather than send the protocol back to review on the next
 * edit because, local-first, edits typed offline before the approval can reach the server after
 * it: the state would flip for reasons nobody saw, while a pin keeps exactly what was reviewed.
 */
import type { RichTextNode } from '@atelier/rich-text';
import type { SqliteDatabase } from '../db/database';
import type { ProtocolRef } from './lifecycle';

export interface ApprovalPin {
  at: number;
  by: string | null;
  byName: string | null;
  title: string;
  json: RichTextNode;
}

/** Records the reviewed title and text; call in the transaction that records the approval. */
export function pinApproval(db: SqliteDatabase, ref: ProtocolRef, reviewed: { title: string; json: RichTextNode; by: string }, now = Date.now()) {
  db.prepare('UPDATE protocol_lifecycle SET approved_at = ?, approved_by = ?, approved_title = ?, approved_json = ? WHERE cop_id = ? AND protocol_id = ?').run(
    now,
    reviewed.by,
    reviewed.title,
    JSON.stringify(reviewed.json),
    ref.copId,
    ref.protocolId
  );
}

/** The pin of the latest approval, while the protocol is approved or published from it. */
export function readApprovalPin(db: SqliteDatabase, ref: ProtocolRef): ApprovalPin | undefined {
  const row = db
    .prepare(
      `SELECT l.approved_at, l.approved_by, u.name AS by_name, l.approved_title, l.approved_json
       FROM protocol_lifecycle l LEFT JOIN users u ON u.id = l.approved_by WHERE l.cop_id = ? AND l.protocol_id = ?`
    )
    .get(ref.copId, ref.protocolId) as
    | { approved_at: number | null; approved_by: string | null; by_name: string | null; approved_title: string | null; approved_json: string | null }
    | undefined;
  if (!row || row.approved_at === null || row.approved_title === null || row.approved_json === null) return undefined;
  return { at: row.approved_at, by: row.approved_by, byName: row.by_name, title: row.approved_title, json: JSON.parse(row.approved_json) as RichTextNode };
}

/** Whether the title or text differs now from what was approved. */
export function editedSinceApproval(pin: ApprovalPin, now: { title: string; json: RichTextNode }): boolean {
  return pin.title !== now.title || JSON.stringify(pin.json) !== JSON.stringify(now.json);
}
