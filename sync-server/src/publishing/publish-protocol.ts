/**
 * Publishing: a server action that renders the protocol (and its approved counterpart in the
 * other language, if any) from what the server has stored, and adds an immutable version to the
 * Resource Centre. The client sends no content, so what is published is exactly what the COP
 * wrote, rendered through the schema's safe renderer.
 */
import type { CopStanding } from '../accounts/roles';
import { NotFoundError } from '../accounts/errors';
import { findUserById } from '../accounts/users';
import type { SqliteDatabase } from '../db/database';
import type { DocumentStore } from '../sync/document-store';
import { protocolState, transition } from './lifecycle';
import { protocolWithCounterpart, readWorkspace, renderProtocol } from './render-protocol';
import { addVersion, type Lang, type LanguageVersion, type ResourceVersion } from './resource-centre';

export interface PublishInput {
  copId: string;
  protocolId: string;
  standing: CopStanding;
  actorId: string;
  summary: string;
  counterpartSummary?: string;
  changeSummary?: string;
  authorIds?: string[];
  isPublic?: boolean;
}

export async function publishProtocol(db: SqliteDatabase, store: DocumentStore, input: PublishInput): Promise<ResourceVersion> {
  const workspace = await readWorkspace(store, input.copId);
  const { protocol, counterpart } = protocolWithCounterpart(workspace, input.protocolId);
  if (!protocol) throw new NotFoundError('No such protocol in this COP');
  // A counterpart goes out with it only once it too has been approved (or was published before).
  const counterpartState = counterpart ? protocolState(db, counterpart.id) : undefined;
  const withCounterpart = counterpart && (counterpartState === 'approved' || counterpartState === 'published') ? counterpart : undefined;

  const main = await renderProtocol(store, input.copId, protocol);
  const other = withCounterpart ? await renderProtocol(store, input.copId, withCounterpart) : undefined;

  const content: Partial<Record<Lang, LanguageVersion>> = {
    [protocol.language]: { title: protocol.title, summary: input.summary.trim(), html: main.html, markdown: main.markdown, text: main.text, json: main.json }
  };
  if (other && withCounterpart) {
    content[withCounterpart.language] = {
      title: withCounterpart.title,
      summary: (input.counterpartSummary ?? '').trim(),
      html: other.html,
      markdown: other.markdown,
      text: other.text,
      json: other.json
    };
  }
  const authorIds = [
    ...new Set([...(input.authorIds ?? []), protocol.createdBy, protocol.lastEditedBy, withCounterpart?.createdBy, withCounterpart?.lastEditedBy])
  ].filter((id): id is string => !!id);
  const authors = authorIds.map((id) => findUserById(db, id)).filter((u) => !!u).map((u) => ({ id: u!.id, name: u!.name }));

  return db.transaction(() => {
    transition(db, { protocolId: protocol.id, copId: input.copId, action: 'publish', standing: input.standing, actorId: input.actorId, comment: input.changeSummary });
    if (withCounterpart && counterpartState === 'approved') {
      transition(db, { protocolId: withCounterpart.id, copId: input.copId, action: 'publish', standing: input.standing, actorId: input.actorId, comment: input.changeSummary });
    }
    return addVersion(db, {
      copId: input.copId,
      protocols: { [protocol.language]: protocol.id, ...(withCounterpart ? { [withCounterpart.language]: withCounterpart.id } : {}) },
      publishedBy: input.actorId,
      changeSummary: input.changeSummary ?? '',
      authors,
      content,
      isPublic: input.isPublic
    });
  }).immediate();
}
