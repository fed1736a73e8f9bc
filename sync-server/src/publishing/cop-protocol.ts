/**
 * Which protocol a request names: the one listed under that id in the stored workspace document
 * (`cop/{copId}`) of the COP in the path, with its counterpart when that same workspace pairs it.
 * Every lifecycle, pairing, publish and export route starts here, so a protocol is reached only
 * through the COP whose workspace lists it. Another COP may list the same id in its own
 * workspace (ids are chosen by clients): that is another protocol, of that COP, and every
 * lifecycle row, timeline and Resource Centre item is looked up by COP and id together.
 */
import { readDocument, type CopDocument } from '@atelier/workspace';
import type * as Y from 'yjs';
import { NotFoundError } from '../accounts/errors';
import { apiMessages } from '../messages/api-messages';
import type { DocumentStore } from '../sync/document-store';
import type { ProtocolRef } from './lifecycle';
import { readWorkspace } from './render-protocol';

export interface CopProtocol {
  copId: string;
  protocol: CopDocument;
  /** The other-language protocol this COP's workspace pairs it with (both sides agreeing). */
  counterpart?: CopDocument;
}

/** The protocol and, when paired, its counterpart, as listed in one COP's workspace document. */
export function protocolInWorkspace(workspace: Y.Doc, protocolId: string): { protocol?: CopDocument; counterpart?: CopDocument } {
  const protocol = readDocument(workspace, protocolId);
  if (!protocol || protocol.kind !== 'protocol') return {};
  const other = protocol.pairedWith ? readDocument(workspace, protocol.pairedWith) : undefined;
  // Pairing only within this workspace, and only with a protocol of the other language.
  const counterpart = other && other.kind === 'protocol' && other.language !== protocol.language ? other : undefined;
  return { protocol, counterpart };
}

/** Throws NotFoundError unless the COP's stored workspace lists a protocol under that id. */
export async function requireCopProtocol(store: DocumentStore, copId: string, protocolId: string): Promise<CopProtocol> {
  const { protocol, counterpart } = protocolInWorkspace(await readWorkspace(store, copId), protocolId);
  if (!protocol) throw new NotFoundError(apiMessages.noSuchProtocol());
  return { copId, protocol, counterpart };
}

export const refOf = (copId: string, doc: CopDocument): ProtocolRef => ({ copId, protocolId: doc.id });
