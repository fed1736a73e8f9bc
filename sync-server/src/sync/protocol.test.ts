import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  CloseCode,
  decodeClientMessage,
  encodeAwareness,
  encodeSavedStateRequest,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncUpdate,
  ProtocolError
} from './protocol';

describe('decodeClientMessage', () => {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'hi');
  const update = Y.encodeStateAsUpdate(doc);

  it('reads back every message the stock client sends', () => {
    expect(decodeClientMessage(encodeSyncStep1(Y.encodeStateVector(doc)))).toEqual({ type: 'sync-step1', stateVector: Y.encodeStateVector(doc) });
    expect(decodeClientMessage(encodeSyncStep2(update))).toEqual({ type: 'sync-step2', update });
    expect(decodeClientMessage(encodeSyncUpdate(update))).toEqual({ type: 'sync-update', update });
    expect(decodeClientMessage(encodeAwareness(Uint8Array.of(0)))).toEqual({ type: 'awareness', update: Uint8Array.of(0) });
    expect(decodeClientMessage(Uint8Array.of(3))).toEqual({ type: 'query-awareness' });
    expect(decodeClientMessage(encodeSavedStateRequest())).toEqual({ type: 'saved-state' });
  });

  it.each([
    ['an empty frame', Uint8Array.of()],
    ['an unknown type', Uint8Array.of(42)],
    ['the server-only auth message', Uint8Array.of(2, 0)],
    ['an unknown sync step', Uint8Array.of(0, 7, 0)],
    ['a truncated payload', Uint8Array.of(0, 2, 10, 1)],
    ['trailing bytes', Uint8Array.of(3, 3)]
  ])('throws a ProtocolError on %s', (_what, frame) => {
    expect(() => decodeClientMessage(frame)).toThrow(ProtocolError);
  });
});

describe('close codes', () => {
  it('use 4400-4499 only for refusals that reconnecting cannot fix', () => {
    const permanent = Object.entries(CloseCode).filter(([, c]) => c.code >= 4400 && c.code < 4500).map(([name]) => name);
    expect(permanent.sort()).toEqual(['badMessage', 'changeNotAllowed', 'copStorageFull', 'documentTooLarge', 'forbidden', 'notAuthenticated', 'tooManyConnections', 'tooManyPresenceIds', 'tooManyWaiting', 'presenceTooLarge', 'unlistedDocument', 'venueNotMember', 'venuePassExpired', 'venuePassInvalid', 'venuePassOtherCop'].sort());
    expect(CloseCode.notAuthenticated.code).toBe(4401);
    expect(CloseCode.forbidden.code).toBe(4403);
    expect(CloseCode.messageTooBig.code).toBe(1009);
  });
});
