/**
 * The life of a protocol: draft → in review → approved → published, recorded step by step (who,
 * when, comment) in the database — never in the Y.Doc, which any member can edit. Members propose
 * review (and withdraw it); facilitators send back, approve and publish; a published protocol can
 * start a new revision (back to draft) while its published versions stay in the Resource Centre.
 *
 * A protocol is known by its COP and its id together (`ProtocolRef`): ids are chosen by clients
 * and any COP may write any id into its own workspace, so every read and write here is scoped by
 * the COP whose stored workspace lists the protocol (see `cop-protocol.ts`), never by id alone.
 * Approving pins the reviewed title and text (`approval-pin.ts`); returning to draft drops the pin.
 */
import { apiMessages, lifecycleWords } from '../messages/api-messages';
import type { LocalText } from '../messages/define-messages';
import type { SqliteDatabase } from '../db/database';
import type { CopStanding } from '../accounts/roles';
import { ForbiddenError } from '../accounts/errors';

/** Which protocol: the id within the COP whose workspace lists it. */
export interface ProtocolRef {
  copId: string;
  protocolId: string;
}

export const PROTOCOL_STATES = ['draft', 'in_review', 'approved', 'published'] as const;
export type ProtocolState = (typeof PROTOCOL_STATES)[number];

export const PROTOCOL_ACTIONS = ['propose_review', 'withdraw', 'request_changes', 'approve', 'publish', 'start_revision', 'unpublish'] as const;
export type ProtocolAction = (typeof PROTOCOL_ACTIONS)[number];

const WRITERS: CopStanding[] = ['member', 'facilitator', 'manager'];
const LEADS: CopStanding[] = ['facilitator', 'manager'];

/** Each action: the states it starts from, the state it leads to, and who may take it. */
export const TRANSITIONS: Record<ProtocolAction, { from: ProtocolState[]; to: ProtocolState; who: CopStanding[] }> = {
  propose_review: { from: ['draft'], to: 'in_review', who: WRITERS },
  withdraw: { from: ['in_review'], to: 'draft', who: WRITERS },
  request_changes: { from: ['in_review', 'approved'], to: 'draft', who: LEADS },
  approve: { from: ['in_review'], to: 'approved', who: LEADS },
  publish: { from: ['approved'], to: 'published', who: LEADS },
  start_revision: { from: ['published'], to: 'draft', who: WRITERS },
  // Unpublishing takes the item out of the Resource Centre; the protocol is approved again.
  unpublish: { from: ['published'], to: 'approved', who: ['manager'] }
};

export interface TimelineEntry {
  action: ProtocolAction | 'created';
  from: ProtocolState | null;
  to: ProtocolState;
  actorId: string | null;
  actorName: string | null;
  comment: string;
  at: number;
}

/** A step the protocol's state does not allow; carries its message for the person's language. */
export class TransitionError extends Error {
  override name = 'TransitionError';
  readonly text: LocalText;
  constructor(text: LocalText) {
    super(text.in('en'));
    this.text = text;
  }
}

export function protocolState(db: SqliteDatabase, ref: ProtocolRef): ProtocolState {
  const row = db.prepare('SELECT state FROM protocol_lifecycle WHERE cop_id = ? AND protocol_id = ?').get(ref.copId, ref.protocolId) as
    | { state: ProtocolState }
    | undefined;
  return row?.state ?? 'draft';
}

/** Checks and records one step; returns the new state. Call inside the caller's transaction. */
export function transition(
  db: SqliteDatabase,
  input: ProtocolRef & { action: ProtocolAction; standing: CopStanding; actorId: string; comment?: string },
  now = Date.now()
): ProtocolState {
  const rule = TRANSITIONS[input.action];
  if (!rule.who.includes(input.standing)) {
    throw new ForbiddenError(apiMessages.roleCannotMoveProtocol({ action: lifecycleWords[input.action]() }));
  }
  const from = protocolState(db, input);
  if (!rule.from.includes(from)) {
    throw new TransitionError(apiMessages.protocolCannotMove({ state: lifecycleWords[from](), action: lifecycleWords[input.action]() }));
  }
  db.prepare(
    `INSERT INTO protocol_lifecycle (cop_id, protocol_id, state, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (cop_id, protocol_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`
  ).run(input.copId, input.protocolId, rule.to, now);
  if (rule.to === 'draft') {
    // Back to draft: the reviewed text is no longer approved; the next approval pins anew.
    db.prepare('UPDATE protocol_lifecycle SET approved_at = NULL, approved_by = NULL, approved_title = NULL, approved_json = NULL WHERE cop_id = ? AND protocol_id = ?').run(
      input.copId,
      input.protocolId
    );
  }
  db.prepare(
    'INSERT INTO protocol_events (protocol_id, cop_id, from_state, to_state, action, actor_id, comment, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'
  ).run(input.protocolId, input.copId, from, rule.to, input.action, input.actorId, (input.comment ?? '').trim(), now);
  return rule.to;
}

export function timeline(db: SqliteDatabase, ref: ProtocolRef): TimelineEntry[] {
  return (
    db
      .prepare(
        `SELECT e.action, e.from_state, e.to_state, e.actor_id, u.name AS actor_name, e.comment, e.at
         FROM protocol_events e LEFT JOIN users u ON u.id = e.actor_id WHERE e.cop_id = ? AND e.protocol_id = ? ORDER BY e.id`
      )
      .all(ref.copId, ref.protocolId) as { action: ProtocolAction; from_state: ProtocolState | null; to_state: ProtocolState; actor_id: string | null; actor_name: string | null; comment: string; at: number }[]
  ).map((r) => ({ action: r.action, from: r.from_state, to: r.to_state, actorId: r.actor_id, actorName: r.actor_name, comment: r.comment, at: r.at }));
}
