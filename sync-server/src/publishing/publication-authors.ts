/**
 * Who a published version names as its authors: people of the publishing COP only. The
 * publisher chooses them among the COP's members (any role); the protocol's creator and last
 * editor, as the workspace records them, are added when they are members too. The workspace is
 * written by clients, so names found there that are not members are dropped; a publisher who
 * names someone outside the COP (the programme manager, another COP's people) is refused.
 */
import type { CopDocument } from '@atelier/workspace';
import { findMember } from '../accounts/memberships';
import { apiMessages } from '../messages/api-messages';
import type { LocalText } from '../messages/define-messages';
import type { SqliteDatabase } from '../db/database';

export class AuthorNotInCopError extends Error {
  override name = 'AuthorNotInCopError';
  readonly text: LocalText;
  constructor(readonly userIds: string[]) {
    const text = apiMessages.authorsNotMembers({ ids: userIds.join(', ') });
    super(text.in('en'));
    this.text = text;
  }
}

export function publicationAuthors(db: SqliteDatabase, copId: string, chosen: readonly string[], protocols: readonly CopDocument[]): { id: string; name: string }[] {
  const outsiders = [...new Set(chosen)].filter((id) => !findMember(db, copId, id));
  if (outsiders.length) throw new AuthorNotInCopError(outsiders);
  const recorded = protocols.flatMap((p) => [p.createdBy, p.lastEditedBy]);
  const authors: { id: string; name: string }[] = [];
  for (const id of new Set([...chosen, ...recorded])) {
    const member = id ? findMember(db, copId, id) : undefined;
    if (member) authors.push({ id: member.userId, name: member.name });
  }
  return authors;
}
