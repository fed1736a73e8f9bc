/**
 * Communities of Practice: created by the programme manager, each with one area of interest and a
 * working language, active or archived. `copSummary` is what the directory shows of one.
 */
import type { SqliteDatabase } from '../db/database';
import { NotFoundError } from './errors';
import { newId } from './ids';
import { CORE_GROUP_WARNING_ABOVE, type CopStanding } from './roles';
import type { Language } from './users';
import { apiMessages } from '../messages/api-messages';

export type CopStatus = 'active' | 'archived';

export interface Cop {
  id: string;
  name: string;
  areaOfInterest: string;
  language: Language;
  description: string;
  status: CopStatus;
  createdAt: number;
}

export interface CopSummary extends Cop {
  memberCount: number;
  coreCount: number;
  coreGroupWarning: boolean;
  facilitators: { id: string; name: string }[];
  myRole: Exclude<CopStanding, 'none'> | null;
  hasPendingRequest: boolean;
}

interface CopRow {
  id: string;
  name: string;
  area_of_interest: string;
  language: Language;
  description: string;
  status: CopStatus;
  created_at: number;
}

const toCop = (r: CopRow): Cop => ({
  id: r.id,
  name: r.name,
  areaOfInterest: r.area_of_interest,
  language: r.language,
  description: r.description,
  status: r.status,
  createdAt: r.created_at
});

export interface NewCop {
  name: string;
  areaOfInterest: string;
  language: Language;
  description?: string;
  createdBy: string;
}

export function createCop(db: SqliteDatabase, input: NewCop): Cop {
  const id = newId();
  const now = Date.now();
  db.prepare(
    `INSERT INTO cops (id, name, area_of_interest, language, description, status, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'active', ?, ?, ?)`
  ).run(id, input.name.trim(), input.areaOfInterest.trim(), input.language, (input.description ?? '').trim(), input.createdBy, now, now);
  return findCop(db, id)!;
}

export function findCop(db: SqliteDatabase, id: string): Cop | undefined {
  const row = db.prepare('SELECT * FROM cops WHERE id = ?').get(id) as CopRow | undefined;
  return row && toCop(row);
}

/** Read inside the caller's transaction where a decision depends on it (archiving ends invitations). */
export function copIsArchived(db: SqliteDatabase, id: string): boolean {
  const row = db.prepare('SELECT status FROM cops WHERE id = ?').get(id) as { status: CopStatus } | undefined;
  return row?.status === 'archived';
}

export function getCop(db: SqliteDatabase, id: string): Cop {
  const cop = findCop(db, id);
  if (!cop) throw new NotFoundError(apiMessages.noSuchCop());
  return cop;
}

export function updateCop(
  db: SqliteDatabase,
  id: string,
  patch: Partial<Pick<Cop, 'name' | 'areaOfInterest' | 'language' | 'description' | 'status'>>
): Cop {
  const cop = getCop(db, id);
  const next = { ...cop, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as Cop;
  db.prepare(
    'UPDATE cops SET name = ?, area_of_interest = ?, language = ?, description = ?, status = ?, updated_at = ? WHERE id = ?'
  ).run(next.name.trim(), next.areaOfInterest.trim(), next.language, next.description.trim(), next.status, Date.now(), id);
  return getCop(db, id);
}

/** Folds case and accents so "Gestion du changement" matches "gestion du CHANGEMENT" and "é" matches "e". */
export function searchKey(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

export interface CopQuery {
  q?: string;
  language?: Language;
  status?: CopStatus | 'all';
}

/** The directory as one person sees it: their COPs first, then by name. */
export function listCopSummaries(db: SqliteDatabase, viewer: { id: string; isManager: boolean }, query: CopQuery = {}): CopSummary[] {
  const status = query.status ?? 'active';
  const rows = db
    .prepare(`SELECT * FROM cops ${status === 'all' ? '' : 'WHERE status = ?'} ORDER BY name COLLATE NOCASE`)
    .all(...(status === 'all' ? [] : [status])) as CopRow[];
  const needle = query.q ? searchKey(query.q.trim()) : '';
  const cops = rows
    .map(toCop)
    .filter((c) => !query.language || c.language === query.language)
    .filter((c) => !needle || searchKey(`${c.name} ${c.areaOfInterest}`).includes(needle))
    .map((c) => summarize(db, c, viewer));
  return cops.sort((a, b) => Number(b.myRole !== null) - Number(a.myRole !== null));
}

export function copSummary(db: SqliteDatabase, id: string, viewer: { id: string; isManager: boolean }): CopSummary {
  return summarize(db, getCop(db, id), viewer);
}

function summarize(db: SqliteDatabase, cop: Cop, viewer: { id: string; isManager: boolean }): CopSummary {
  const counts = db
    .prepare(
      `SELECT COUNT(*) AS members, SUM(CASE WHEN participation = 'core' AND role != 'observer' THEN 1 ELSE 0 END) AS core
       FROM memberships WHERE cop_id = ?`
    )
    .get(cop.id) as { members: number; core: number | null };
  const facilitators = db
    .prepare(
      `SELECT u.id, u.name FROM memberships m JOIN users u ON u.id = m.user_id
       WHERE m.cop_id = ? AND m.role = 'facilitator' ORDER BY u.name COLLATE NOCASE`
    )
    .all(cop.id) as { id: string; name: string }[];
  const mine = db.prepare('SELECT role FROM memberships WHERE cop_id = ? AND user_id = ?').get(cop.id, viewer.id) as
    | { role: CopSummary['myRole'] }
    | undefined;
  const pending = db
    .prepare(`SELECT 1 FROM join_requests WHERE cop_id = ? AND user_id = ? AND status = 'pending'`)
    .get(cop.id, viewer.id);
  const coreCount = counts.core ?? 0;
  return {
    ...cop,
    memberCount: counts.members,
    coreCount,
    coreGroupWarning: coreCount > CORE_GROUP_WARNING_ABOVE,
    facilitators,
    myRole: mine?.role ?? (viewer.isManager ? 'manager' : null),
    hasPendingRequest: !!pending
  };
}
