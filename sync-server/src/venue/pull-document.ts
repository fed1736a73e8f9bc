/**
 * Fetches one document's whole state from an Atelier sync endpoint, as a y-websocket client
 * does on connecting (docs/sync.md): send our state vector (sync step 1), read the server's sync
 * step 2 (everything we lack), close. The server sends step 2 only once what it holds is stored,
 * so what this returns is central's acknowledged state.
 */
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { encodeSyncStep1, MessageType, SyncStep } from '../sync/protocol';

/** A document is small (SYNC_MAX_DOCUMENT_BYTES); a server that says nothing for this long is gone. */
const PULL_TIMEOUT_MS = 30_000;

export class PullError extends Error {
  override name = 'PullError';
}

/** The websocket address of `/sync/{docName}` under an http(s) origin. */
export function syncUrl(upstream: string, docName: string): string {
  const url = new URL(`/sync/${docName}`, upstream);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

/** `Y.encodeStateAsUpdate` of the document as the server holds it. */
export function pullDocument(upstream: string, docName: string, headers: Record<string, string>): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(syncUrl(upstream, docName), { headers });
    const doc = new Y.Doc();
    const finish = (err?: Error) => {
      clearTimeout(timer);
      socket.removeAllListeners();
      socket.on('error', () => {}); // a late error after we are done changes nothing
      socket.close();
      if (err) reject(err);
      else resolve(Y.encodeStateAsUpdate(doc));
      doc.destroy();
    };
    const timer = setTimeout(() => finish(new PullError(`${docName}: no answer within ${PULL_TIMEOUT_MS / 1000} s`)), PULL_TIMEOUT_MS);
    socket.on('open', () => socket.send(encodeSyncStep1(Y.encodeStateVector(doc))));
    socket.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(decoder) !== MessageType.sync) return; // presence, saved state: not needed
      if (decoding.readVarUint(decoder) !== SyncStep.step2) return;
      try {
        Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
      } catch (err) {
        return finish(new PullError(`${docName}: the upstream sent an update that does not apply (${String(err)})`));
      }
      finish();
    });
    socket.on('close', (code, reason) => finish(new PullError(`${docName}: the upstream closed the connection (${code} ${reason.toString()})`)));
    socket.on('unexpected-response', (_req, res) => finish(new PullError(`${docName}: the upstream refused the connection (${res.statusCode})`)));
    socket.on('error', (err) => finish(new PullError(`${docName}: ${err.message}`)));
  });
}
