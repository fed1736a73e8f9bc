/**
 * The programme's learning events: Quarterly Learning Events and the annual Excellence Fair,
 * scheduled by the programme manager (bilingual title and description, time, place or link).
 * COPs sign up to present (title, presenters, linked Resource Centre items); the manager sets the
 * running order.
 */
import type { EventKind, LearningEvent, Presentation } from '@atelier/api-types';
import type { SqliteDatabase } from '../db/database';
import { NotFoundError } from '../accounts/errors';
import { apiMessages } from '../messages/api-messages';
import { newId } from '../accounts/ids';

export { EVENT_KINDS } from '@atelier/api-types';
export type { EventKind, LearningEvent, Presentation } from '@atelier/api-types';

export interface EventInput {
  kind: EventKind;
  title: { en: string; fr: string };
  description?: { en?: string; fr?: string };
  startsAt: number;
  endsAt: number;
  timeZone: string;
  place?: string;
  onlineLink?: string;
}

interface EventRow {
  id: string;
  kind: EventKind;
  title_en: string;
  title_fr: string;
  description_en: string;
  description_fr: string;
  starts_at: number;
  ends_at: number;
  time_zone: string;
  place: string;
  online_link: string;
  updated_at: number;
  sequence: number;
}

function presentationsOf(db: SqliteDatabase, eventId: string): Presentation[] {
  const rows = db
    .prepare(
      `SELECT p.*, c.name AS cop_name FROM event_presentations p JOIN cops c ON c.id = p.cop_id
       WHERE p.event_id = ? ORDER BY p.position, p.created_at`
    )
    .all(eventId) as { id: string; event_id: string; cop_id: string; cop_name: string; title: string; presenters: string; resource_item_ids: string; position: number; minutes: number }[];
  return rows.map((r) => ({
    id: r.id,
    eventId: r.event_id,
    copId: r.cop_id,
    copName: r.cop_name,
    title: r.title,
    presenters: r.presenters,
    resourceItemIds: JSON.parse(r.resource_item_ids) as string[],
    position: r.position,
    minutes: r.minutes
  }));
}

const toEvent = (db: SqliteDatabase, r: EventRow): LearningEvent => ({
  id: r.id,
  kind: r.kind,
  title: { en: r.title_en, fr: r.title_fr },
  description: { en: r.description_en, fr: r.description_fr },
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  timeZone: r.time_zone,
  place: r.place,
  onlineLink: r.online_link,
  updatedAt: r.updated_at,
  sequence: r.sequence,
  presentations: presentationsOf(db, r.id)
});

export function createEvent(db: SqliteDatabase, input: EventInput, createdBy: string, now = Date.now()): LearningEvent {
  const id = newId();
  db.prepare(
    `INSERT INTO learning_events (id, kind, title_en, title_fr, description_en, description_fr, starts_at, ends_at, time_zone, place, online_link, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  ).run(
    id,
    input.kind,
    input.title.en,
    input.title.fr,
    input.description?.en ?? '',
    input.description?.fr ?? '',
    input.startsAt,
    input.endsAt,
    input.timeZone,
    input.place ?? '',
    input.onlineLink ?? '',
    createdBy,
    now,
    now
  );
  return getEvent(db, id);
}

export function updateEvent(db: SqliteDatabase, id: string, input: EventInput, now = Date.now()): LearningEvent {
  const result = db
    .prepare(
      `UPDATE learning_events SET kind = ?, title_en = ?, title_fr = ?, description_en = ?, description_fr = ?, starts_at = ?, ends_at = ?,
       time_zone = ?, place = ?, online_link = ?, updated_at = ?, sequence = sequence + 1 WHERE id = ?`
    )
    .run(input.kind, input.title.en, input.title.fr, input.description?.en ?? '', input.description?.fr ?? '', input.startsAt, input.endsAt, input.timeZone, input.place ?? '', input.onlineLink ?? '', now, id);
  if (result.changes === 0) throw new NotFoundError(apiMessages.noSuchEvent());
  return getEvent(db, id);
}

export function deleteEvent(db: SqliteDatabase, id: string) {
  if (db.prepare('DELETE FROM learning_events WHERE id = ?').run(id).changes === 0) throw new NotFoundError(apiMessages.noSuchEvent());
}

export function getEvent(db: SqliteDatabase, id: string): LearningEvent {
  const row = db.prepare('SELECT * FROM learning_events WHERE id = ?').get(id) as EventRow | undefined;
  if (!row) throw new NotFoundError(apiMessages.noSuchEvent());
  return toEvent(db, row);
}

/** Events in time order; `upcoming` keeps those not yet over. */
export function listEvents(db: SqliteDatabase, opts: { upcoming?: boolean; now?: number } = {}): LearningEvent[] {
  const rows = (
    opts.upcoming
      ? db.prepare('SELECT * FROM learning_events WHERE ends_at >= ? ORDER BY starts_at').all(opts.now ?? Date.now())
      : db.prepare('SELECT * FROM learning_events ORDER BY starts_at').all()
  ) as EventRow[];
  return rows.map((r) => toEvent(db, r));
}

function touch(db: SqliteDatabase, eventId: string) {
  db.prepare('UPDATE learning_events SET updated_at = ?, sequence = sequence + 1 WHERE id = ?').run(Date.now(), eventId);
}

export function signUp(
  db: SqliteDatabase,
  input: { eventId: string; copId: string; title: string; presenters: string; resourceItemIds: string[]; minutes: number; createdBy: string }
): Presentation {
  getEvent(db, input.eventId);
  const id = newId();
  const position = ((db.prepare('SELECT MAX(position) AS p FROM event_presentations WHERE event_id = ?').get(input.eventId) as { p: number | null }).p ?? 0) + 1;
  db.prepare(
    `INSERT INTO event_presentations (id, event_id, cop_id, title, presenters, resource_item_ids, position, minutes, created_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  ).run(id, input.eventId, input.copId, input.title, input.presenters, JSON.stringify(input.resourceItemIds), position, input.minutes, input.createdBy, Date.now());
  touch(db, input.eventId);
  return presentationsOf(db, input.eventId).find((p) => p.id === id)!;
}

export function findPresentation(db: SqliteDatabase, eventId: string, id: string) {
  return presentationsOf(db, eventId).find((p) => p.id === id);
}

export function withdrawPresentation(db: SqliteDatabase, eventId: string, id: string) {
  if (db.prepare('DELETE FROM event_presentations WHERE id = ? AND event_id = ?').run(id, eventId).changes === 0) {
    throw new NotFoundError(apiMessages.noSuchPresentation());
  }
  touch(db, eventId);
}

/** Sets the running order: `order` must list every presentation of the event exactly once. */
export function setRunningOrder(db: SqliteDatabase, eventId: string, order: string[]): Presentation[] {
  const current = presentationsOf(db, eventId).map((p) => p.id);
  if (order.length !== current.length || new Set(order).size !== order.length || !order.every((id) => current.includes(id))) {
    throw new RangeError('order must list every presentation of the event exactly once');
  }
  const set = db.prepare('UPDATE event_presentations SET position = ? WHERE id = ?');
  db.transaction(() => order.forEach((id, i) => set.run(i + 1, id))).immediate();
  touch(db, eventId);
  return presentationsOf(db, eventId);
}
