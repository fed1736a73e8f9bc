/**
 * Publishing: a server action that adds an immutable version to the Resource Centre from what
 * was approved — the title and text pinned when the facilitator approved (`approval-pin.ts`), and
 * those of the approved counterpart in the other language, if any. The client sends no content,
 * so what is published is exactly what the COP reviewed, rendered through the schema's safe
 * renderer. Only the COP's own protocols take part (`cop-protocol.ts`), and the authors are
 * people of that COP.
 */
import { apiMessages } from '../messages/api-messages';
import type { CopStanding } from '../accounts/roles';
import type { SqliteDatabase } from '../db/database';
import type { DocumentStore } from '../sync/document-store';
import { readApprovalPin, type ApprovalPin } from './approval-pin';
import { refOf, requireCopProtocol } from './cop-protocol';
import { protocolState, transition, TransitionError, type ProtocolRef } from './lifecycle';
import { publicationAuthors } from './publication-authors';
import { renderJson } from './render-protocol';
import { addVersion, findItemForProtocols, latestVersion, type Lang, type LanguageVersion, type ResourceVersion } from './resource-centre';

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

const pinned = (pin: ApprovalPin, summary: string): LanguageVersion => ({ title: pin.title, summary: summary.trim(), ...renderJson(pin.json) });

export async function publishProtocol(db: SqliteDatabase, store: DocumentStore, input: PublishInput): Promise<ResourceVersion> {
  const { protocol, counterpart } = await requireCopProtocol(store, input.copId, input.protocolId);
  const ref = refOf(input.copId, protocol);
  const counterRef = counterpart && refOf(input.copId, counterpart);
  // A counterpart goes out with it only once it too has been approved (or was published before).
  const counterpartState = counterRef ? protocolState(db, counterRef) : undefined;
  const withCounterpart = counterpart && (counterpartState === 'approved' || counterpartState === 'published') ? counterpart : undefined;
  const authors = publicationAuthors(db, input.copId, input.authorIds ?? [], [protocol, ...(withCounterpart ? [withCounterpart] : [])]);

  return db.transaction(() => {
    // The step first: it refuses the wrong role (403) or state (409) before anything else.
    transition(db, { ...ref, action: 'publish', standing: input.standing, actorId: input.actorId, comment: input.changeSummary });
    const pin = readApprovalPin(db, ref);
    if (!pin) throw new TransitionError(apiMessages.approvedBeforePins());
    const content: Partial<Record<Lang, LanguageVersion>> = { [protocol.language]: pinned(pin, input.summary) };
    const other = withCounterpart && counterRef ? counterpartContent(db, counterRef, withCounterpart.language, input.counterpartSummary ?? '') : undefined;
    if (withCounterpart && other) {
      content[withCounterpart.language] = other;
      if (counterpartState === 'approved') transition(db, { ...counterRef!, action: 'publish', standing: input.standing, actorId: input.actorId, comment: input.changeSummary });
    }
    return addVersion(db, {
      copId: input.copId,
      protocols: { [protocol.language]: protocol.id, ...(withCounterpart && other ? { [withCounterpart.language]: withCounterpart.id } : {}) },
      publishedBy: input.actorId,
      changeSummary: input.changeSummary ?? '',
      authors,
      content,
      isPublic: input.isPublic
    });
  }).immediate();
}

/**
 * The counterpart as reviewed: its approval pin, or — for one published before pins existed —
 * the text it was last published with. Undefined when neither exists (it then stays behind).
 * Without a new summary it keeps the one it was last published with.
 */
function counterpartContent(db: SqliteDatabase, ref: ProtocolRef, language: Lang, summary: string): LanguageVersion | undefined {
  const item = findItemForProtocols(db, ref.copId, [ref.protocolId]);
  const last = item && latestVersion(db, item.id)?.[language];
  const keptSummary = summary.trim() || last?.summary || '';
  const pin = readApprovalPin(db, ref);
  if (pin) return pinned(pin, keptSummary);
  return last ? { ...last, summary: keptSummary } : undefined;
}
