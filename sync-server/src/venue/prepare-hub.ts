/**
 * `pnpm atelier venue prepare` (docs/venue.md): signs in at central as the person preparing the
 * hub, checks they may (facilitator of each COP, or the programme manager), brings each COP's
 * description, member list with roles and every document (the workspace and each document it
 * lists), registers this DATA_DIR as a venue device, and stores it all. The device is registered
 * only once everything was fetched, so a failed prepare leaves no unused device at central.
 */
import type { Cop, Member } from '@atelier/api-types';
import { documentDocName, listDocuments, workspaceDocName } from '@atelier/workspace';
import { hostname } from 'node:os';
import * as Y from 'yjs';
import type { SqliteDatabase } from '../db/database';
import { SqliteDocumentStore } from '../sync/sqlite-document-store';
import { readHubRecord, writeConfirmed, writeHubCops, writeHubRecord } from './hub-record';
import { pullDocument } from './pull-document';
import { UpstreamClient, UpstreamError } from './upstream-client';

export interface PrepareInput {
  upstream: string;
  cops: string[];
  email: string;
  password: string;
  /** How the device is listed on the COP page; the machine's name by default. */
  deviceName?: string;
}

export interface PrepareSummary {
  deviceId: string;
  cops: { copId: string; name: string; members: number; documents: string[] }[];
}

/** Refusals an operator can act on; the CLI prints the message and exits 1. */
export class PrepareError extends Error {
  override name = 'PrepareError';
}

function upstreamOrigin(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new PrepareError(`--upstream: "${raw}" is not a web address (e.g. https://atelier.example.ca)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new PrepareError('--upstream: must start with https:// (or http://)');
  return url.origin;
}

interface Me {
  user: { id: string; name: string; isManager?: boolean };
  memberships: { copId: string; role: string }[];
}

export async function prepareHub(db: SqliteDatabase, input: PrepareInput): Promise<PrepareSummary> {
  const existing = readHubRecord(db);
  if (existing) throw new PrepareError(`This DATA_DIR is already a hub for ${existing.upstream}; run "pnpm atelier venue end" first`);
  const upstream = upstreamOrigin(input.upstream);
  const copIds = [...new Set(input.cops)];
  if (copIds.length === 0) throw new PrepareError('--cop: name at least one COP');
  const central = new UpstreamClient(upstream);

  try {
    await central.request('POST', '/api/auth/sign-in', { email: input.email, password: input.password });
  } catch (err) {
    if (err instanceof UpstreamError && err.status === 401) throw new PrepareError(`${upstream} refused the sign-in: the email or password is not right`);
    throw err;
  }
  try {
    const me = await central.request<Me>('GET', '/api/me');
    for (const copId of copIds) {
      const role = me.memberships.find((m) => m.copId === copId)?.role;
      if (!me.user.isManager && role !== 'facilitator') {
        throw new PrepareError(
          `You may not prepare a hub for the COP ${copId}: only its facilitators and the programme manager may (you are ${role ? `a ${role}` : 'not a member'} there)`
        );
      }
    }
    const fetched: { cop: Cop; members: Member[]; documents: Map<string, Uint8Array> }[] = [];
    const headers = { cookie: central.cookie ?? '' };
    for (const copId of copIds) {
      let cop: Cop;
      try {
        cop = await central.request<Cop>('GET', `/api/cops/${encodeURIComponent(copId)}`);
      } catch (err) {
        if (err instanceof UpstreamError && err.status === 404) throw new PrepareError(`${upstream} has no COP ${copId}`);
        throw err;
      }
      const members = await central.request<Member[]>('GET', `/api/cops/${encodeURIComponent(copId)}/members`);
      const documents = new Map<string, Uint8Array>();
      const workspaceName = workspaceDocName(copId);
      const workspace = await pullDocument(upstream, workspaceName, headers);
      documents.set(workspaceName, workspace);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, workspace);
      for (const listed of listDocuments(doc, { includeArchived: true })) {
        const name = documentDocName(copId, listed.kind, listed.id);
        documents.set(name, await pullDocument(upstream, name, headers));
      }
      doc.destroy();
      fetched.push({ cop, members, documents });
    }
    const key = await central.request<{ keyId: string; algorithm: string; publicKey: string }>('GET', '/api/venue/public-key');
    if (key.algorithm !== 'Ed25519') throw new PrepareError(`${upstream} signs venue passes with ${key.algorithm}, which this hub cannot check`);
    const device = await central.request<{ id: string; secret: string }>('POST', '/api/venue/devices', {
      name: (input.deviceName ?? `Venue hub on ${hostname()}`).slice(0, 120),
      cops: copIds
    });

    writeHubCops(db, fetched);
    const store = new SqliteDocumentStore(db);
    for (const { cop, documents } of fetched) {
      for (const [name, state] of documents) {
        await store.load(name, cop.id);
        await store.append([{ name, updates: [state] }]);
        // Pulled from central, so central has all of it: confirmed from the start.
        const pulled = new Y.Doc();
        Y.applyUpdate(pulled, state);
        writeConfirmed(db, name, Y.encodeSnapshot(Y.snapshot(pulled)));
        pulled.destroy();
      }
    }
    writeHubRecord(db, {
      upstream,
      deviceId: device.id,
      deviceSecret: device.secret,
      keyId: key.keyId,
      publicKey: key.publicKey,
      preparedBy: me.user.id,
      preparedAt: Date.now()
    });
    return {
      deviceId: device.id,
      cops: fetched.map(({ cop, members, documents }) => ({ copId: cop.id, name: cop.name, members: members.length, documents: [...documents.keys()] }))
    };
  } finally {
    // The person's session was only for preparing; the hub uses its device secret from now on.
    await central.request('POST', '/api/auth/sign-out').catch(() => undefined);
  }
}
