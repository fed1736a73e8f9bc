/**
 * The life of a protocol: draft → in review → approved → published, recorded step by step (who,
 * when, comment) in the database — never in the Y.Doc, which any member can edit. Members propose
 * review (and withdraw it); facilitators send back, approve and publish; a published protocol can
 * start a new revision (back to draft) while its published versions stay in the Resource Centre.
 */
import type { SqliteDatabase } from '../db/database';
import type { CopStanding } from '../accounts/roles';
import { ForbiddenError } from '../accounts/errors';

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

export class TransitionError extends Error {
  override name = 'TransitionError';
}

export function protocolState(db: SqliteDatabase, protocolId: string): ProtocolState {
  const row = db.prepare('SELECT state FROM protocol_lifecycle WHERE protocol_id = ?').get(protocolId) as { state: ProtocolState } | undefined;
  return row?.state ?? 'draft';
}

export function protocolCop(db: SqliteDatabase, protocolId: string): string | undefined {
  const row = db.prepare('SELECT cop_id FROM protocol_lifecycle WHERE protocol_id = ?').get(protocolId) as { cop_id: string } | undefined;
  return row?.cop_id;
}

/** Checks and records one step; returns the new state. Call inside the caller's transaction. */
export function transition(
  db: SqliteDatabase,
  input: { protocolId: string; copId: string; action: ProtocolAction; standing: CopStanding; actorId: string; comment?: string },
  now = Date.now()
): ProtocolState {
  const rule = TRANSITIONS[input.action];
  if (!rule.who.includes(input.standing)) {
    throw new ForbiddenError(`Your role cannot ${input.action.replace('_', ' ')} a protocol`);
  }
  const knownCop = protocolCop(db, input.protocolId);
  if (knownCop && knownCop !== input.copId) throw new ForbiddenError('This protocol belongs to another COP');
  const from = protocolState(db, input.protocolId);
  if (!rule.from.includes(from)) {
    throw new TransitionError(`A protocol that is ${from.replace('_', ' ')} cannot be moved by "${input.action.replace('_', ' ')}"`);
  }
  db.prepare(
    `INSERT INTO protocol_lifecycle (protocol_id, cop_id, state, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (protocol_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`
  ).run(input.protocolId, input.copId, rule.to, now);
  db.prepare(
    'INSERT INTO protocol_events (protocol_id, cop_id, from_state, to_state, action, actor_id, comment, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'
  ).run(input.protocolId, input.copId, from, rule.to, input.action, input.actorId, (input.comment ?? '').trim(), now);
  return rule.to;
}

export function timeline(db: SqliteDatabase, protocolId: string): TimelineEntry[] {
  return (
    db
      .prepare(
        `SELECT e.action, e.from_state, e.to_state, e.actor_id, u.name AS actor_name, e.comment, e.at
         FROM protocol_events e LEFT JOIN users u ON u.id = e.actor_id WHERE e.protocol_id = ? ORDER BY e.id`
      )
      .all(protocolId) as { action: ProtocolAction; from_state: ProtocolState | null; to_state: ProtocolState; actor_id: string | null; actor_name: string | null; comment: string; at: number }[]
  ).map((r) => ({ action: r.action, from: r.from_state, to: r.to_state, actorId: r.actor_id, actorName: r.actor_name, comment: r.comment, at: r.at }));
}
