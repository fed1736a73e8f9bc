/**
 * People with real sessions in a child server's database (`child-server.ts`): the test opens the
 * same SQLite file (WAL allows a second connection) and writes accounts, a COP and memberships,
 * which the child reads at each websocket upgrade. Used only by tests.
 */
import type { MembershipRole } from '../accounts/roles';
import { loadConfig } from '../config';
import { createContext } from '../context';
import { openDatabase } from '../db/database';
import { createCopWith, type Person } from '../sync/sync-test-kit';
import type { ChildServer } from './child-server';

export interface ChildCop {
  copId: string;
  people: Record<string, Person>;
  /** Closes the test's own connection to the database. */
  close(): void;
}

/** A COP in the child's database with one person per role asked for. */
export function createCopInChild(child: ChildServer, roles: Record<string, MembershipRole>): ChildCop {
  const db = openDatabase(child.dataDir);
  const context = createContext(loadConfig({ DATA_DIR: child.dataDir }), db);
  const { copId, people } = createCopWith({ db, context }, roles);
  return { copId, people, close: () => db.close() };
}
