/**
 * Decisions taken in a meeting, optionally under one agenda item. A decision whose item was
 * deleted (even concurrently) is shown under the meeting as a whole, never lost or orphaned.
 */
import * as Y from 'yjs';
import { agendaItemExists } from './agenda';
import { newEntityId } from './ids';
import { meetingsMap } from './meetings';
import { LOCAL_CHANGE, type ChangeOrigin } from './origin';
import { deleteWithRecord } from './recently-deleted';
import { requireText } from './validation-error';

export const DECISIONS_KEY = 'decisions';

export interface Decision {
  id: string;
  meetingId: string;
  agendaItemId: string | null;
  text: string;
  createdAt: number;
}

export function decisionsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(DECISIONS_KEY);
}

export function addDecision(
  doc: Y.Doc,
  input: { meetingId: string; agendaItemId?: string | null; text: string },
  origin: ChangeOrigin = LOCAL_CHANGE,
  now = Date.now()
): string | undefined {
  const text = requireText('text', input.text, 2000);
  if (!meetingsMap(doc).has(input.meetingId)) return undefined;
  const id = newEntityId();
  doc.transact(() => {
    const d = new Y.Map<unknown>();
    d.set('meetingId', input.meetingId);
    d.set('agendaItemId', input.agendaItemId ?? null);
    d.set('text', text);
    d.set('createdAt', now);
    decisionsMap(doc).set(id, d);
  }, origin);
  return id;
}

export function updateDecision(doc: Y.Doc, id: string, text: string, origin: ChangeOrigin = LOCAL_CHANGE) {
  const clean = requireText('text', text, 2000);
  const d = decisionsMap(doc).get(id);
  if (d instanceof Y.Map) doc.transact(() => d.set('text', clean), origin);
}

export function deleteDecision(doc: Y.Doc, id: string, origin: ChangeOrigin = LOCAL_CHANGE): string | null {
  return deleteWithRecord(doc, 'decision', id, origin);
}

export function listDecisions(doc: Y.Doc, meetingId: string): Decision[] {
  if (!meetingsMap(doc).has(meetingId)) return [];
  const out: Decision[] = [];
  for (const [id, d] of decisionsMap(doc).entries()) {
    if (!(d instanceof Y.Map) || d.get('meetingId') !== meetingId) continue;
    const item = d.get('agendaItemId');
    out.push({
      id,
      meetingId,
      agendaItemId: typeof item === 'string' && agendaItemExists(doc, meetingId, item) ? item : null,
      text: typeof d.get('text') === 'string' ? (d.get('text') as string) : '',
      createdAt: typeof d.get('createdAt') === 'number' ? (d.get('createdAt') as number) : 0
    });
  }
  return out.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}
