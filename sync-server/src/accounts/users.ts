/**
 * User accounts: email (compared case-insensitively), display name, preferred language, and a
 * scrypt password hash that never leaves this module.
 */
import type { Language, User } from '@atelier/api-types';
import type { SqliteDatabase } from '../db/database';
import { ConflictError, NotFoundError } from './errors';
import { newId } from './ids';
import { decoyHash, hashPassword, verifyPassword } from './password';
import { apiMessages } from '../messages/api-messages';

/** As the API shows it: one definition, shared with the web client. */
export type { Language, User };

interface UserRow {
  id: string;
  email: string;
  name: string;
  language: Language;
  is_manager: number;
  password_hash: string;
}

const toUser = (r: UserRow): User => ({ id: r.id, email: r.email, name: r.name, language: r.language, isManager: r.is_manager === 1 });

export const emailKey = (email: string) => email.trim().toLowerCase();

export interface NewUser {
  email: string;
  name: string;
  language: Language;
  password: string;
  isManager?: boolean;
}

export async function createUser(db: SqliteDatabase, input: NewUser): Promise<User> {
  return insertUser(db, input, await hashPassword(input.password));
}

/**
 * Stores a new account whose password was hashed beforehand (`hashPassword`): synchronous, so a
 * caller can make it one decision with other writes inside a transaction (accepting an
 * invitation creates the account only if the invitation is still good).
 */
export function insertUser(db: SqliteDatabase, input: Omit<NewUser, 'password'>, passwordHash: string): User {
  const id = newId();
  const now = Date.now();
  try {
    db.prepare(
      `INSERT INTO users (id, email, email_key, name, language, password_hash, is_manager, created_at, password_changed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
    ).run(id, input.email.trim(), emailKey(input.email), input.name.trim(), input.language, passwordHash, input.isManager ? 1 : 0, now, now);
  } catch (err) {
    if (err instanceof Error && 'code' in err && err.code === 'SQLITE_CONSTRAINT_UNIQUE') {
      throw new ConflictError(apiMessages.emailTaken());
    }
    throw err;
  }
  return { id, email: input.email.trim(), name: input.name.trim(), language: input.language, isManager: !!input.isManager };
}

export function findUserById(db: SqliteDatabase, id: string): User | undefined {
  const row = db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
  return row && toUser(row);
}

export function findUserByEmail(db: SqliteDatabase, email: string): User | undefined {
  const row = db.prepare('SELECT * FROM users WHERE email_key = ?').get(emailKey(email)) as UserRow | undefined;
  return row && toUser(row);
}

export function countManagers(db: SqliteDatabase): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM users WHERE is_manager = 1').get() as { n: number }).n;
}

export function updateProfile(db: SqliteDatabase, id: string, patch: { name?: string; language?: Language }): User {
  const user = findUserById(db, id);
  if (!user) throw new NotFoundError(apiMessages.noSuchUser());
  const name = patch.name?.trim() ?? user.name;
  const language = patch.language ?? user.language;
  db.prepare('UPDATE users SET name = ?, language = ? WHERE id = ?').run(name, language, id);
  return { ...user, name, language };
}

/** The user whose password this is, or undefined (wrong password or no such email). */
export async function checkCredentials(db: SqliteDatabase, email: string, password: string): Promise<User | undefined> {
  const row = db.prepare('SELECT * FROM users WHERE email_key = ?').get(emailKey(email)) as UserRow | undefined;
  if (!row) {
    await verifyPassword(await decoyHash(), password); // same time as a real account: no email oracle
    return undefined;
  }
  return (await verifyPassword(row.password_hash, password)) ? toUser(row) : undefined;
}

export async function setPassword(db: SqliteDatabase, id: string, password: string): Promise<void> {
  const hash = await hashPassword(password);
  db.prepare('UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ?').run(hash, Date.now(), id);
}
