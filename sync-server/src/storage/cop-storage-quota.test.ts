// Each COP's storage quota (COP_STORAGE_QUOTA_BYTES): sync documents and library files counted
// together, refused clearly (4414 on sync, 413 storage_quota_exceeded on upload), shown to the
// COP's facilitators and the programme manager only.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDocument, documentDocName, workspaceDocName } from '@atelier/workspace';
import { addMembership } from '../accounts/memberships';
import { connect, createCopWith, createPerson, eventually, removeDataDirs, startSyncServer, type Person, type SyncTestServer } from '../sync/sync-test-kit';

afterAll(removeDataDirs);

const KiB = 1024;
const LISTED_ONLY = { SYNC_FREE_FORM_DOCUMENTS: 'false' };

/** What the database holds for the COP, summed here rather than by the code under test. */
function storedBytes(server: SyncTestServer, copId: string): number {
  const row = server.db
    .prepare(
      `SELECT
         (SELECT coalesce(sum(state_bytes), 0) FROM sync_documents WHERE cop_id = @copId)
       + (SELECT coalesce(sum(length(u.data)), 0) FROM sync_updates u JOIN sync_documents d ON d.name = u.doc_name WHERE d.cop_id = @copId)
       + (SELECT coalesce(sum(size), 0) FROM files WHERE cop_id = @copId) AS bytes`
    )
    .get({ copId }) as { bytes: number };
  return row.bytes;
}

/** Every blob kept on disk, and whatever waits in the staging folder. */
function blobFiles(server: SyncTestServer): { kept: string[]; incoming: string[] } {
  const root = join(server.dataDir, 'blobs');
  const kept = readdirSync(root)
    .filter((dir) => dir !== 'incoming')
    .flatMap((dir) => readdirSync(join(root, dir)).map((name) => dir + name));
  return { kept, incoming: readdirSync(join(root, 'incoming')) };
}

const pdf = (n: number, fill = 'x') => Buffer.from(`%PDF-1.4\n% ${fill.repeat(n)}\n%%EOF\n`);

function put(server: SyncTestServer, person: Person, copId: string, fileId: string, body: Buffer, language = 'en') {
  return fetch(`${server.url}/api/cops/${copId}/files/${fileId}`, {
    method: 'PUT',
    headers: { cookie: person.cookie, 'x-file-name': 'deck.pdf', 'content-type': 'application/octet-stream', 'accept-language': language },
    body: new Uint8Array(body)
  });
}

async function storageSeenBy(server: SyncTestServer, person: Person, copId: string) {
  const res = await fetch(`${server.url}/api/cops/${copId}`, { headers: { cookie: person.cookie } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { storage?: { usedBytes: number; quotaBytes: number } }).storage;
}

describe('each COP has a storage quota', () => {
  it('a member who opens many listed documents and fills them is refused at the quota with 4414, and the stored total stays under the quota', async () => {
    const quota = 2 * 1024 * KiB;
    const server = await startSyncServer({ ...LISTED_ONLY, SYNC_MAX_DOCUMENT_BYTES: String(256 * KiB), COP_STORAGE_QUOTA_BYTES: String(quota) });
    const { copId, people } = createCopWith(server, { mallory: 'member' });
    const workspace = connect(server, workspaceDocName(copId), people.mallory!);
    await workspace.synced();
    const noteIds = Array.from({ length: 64 }, (_, i) =>
      createDocument(workspace.doc, { kind: 'note', title: `Filler ${i}`, language: 'en', createdBy: people.mallory!.userId })
    );
    const codes: number[] = [];
    const reasons = new Set<string>();
    for (const noteId of noteIds) {
      const name = documentDocName(copId, 'note', noteId);
      const client = connect(server, name, people.mallory!);
      await client.synced();
      // Just under the document limit, in frames under the frame limit: 15 MiB asked for in all.
      for (let k = 0; k < 4; k++) client.doc.getText('t').insert(0, String.fromCharCode(97 + k).repeat(60 * KiB));
      await eventually(() => {
        const room = server.sync.manager.rooms.get(name);
        return client.closes.length > 0 || (room?.doc.getText('t').length === 240 * KiB && room.stored);
      }, 10_000);
      for (const close of client.closes) {
        codes.push(close.code);
        reasons.add(close.reason);
      }
      client.destroy();
    }
    workspace.destroy();
    await server.sync.manager.whenAllStored();
    expect(codes).toContain(4414);
    expect(codes.filter((c) => c !== 4414)).toEqual([]);
    expect([...reasons]).toEqual(["the COP's storage quota is full"]);
    expect(storedBytes(server, copId)).toBeLessThanOrEqual(quota);
    // Most of the quota was used before the refusals began: the count is not wildly cautious.
    expect(storedBytes(server, copId)).toBeGreaterThan(quota - 2 * 256 * KiB);
    await server.close();
  }, 60_000);

  it('an upload that would cross the quota is refused in the person’s language and stores nothing', async () => {
    const quota = 64 * KiB;
    const server = await startSyncServer({ COP_STORAGE_QUOTA_BYTES: String(quota) });
    const { copId, people } = createCopWith(server, { member: 'member' });
    // The member's own language (French) wins over the browser's Accept-Language.
    server.db.prepare("UPDATE users SET language = 'fr' WHERE id = ?").run(people.member!.userId);
    const first = pdf(40 * KiB);
    expect((await put(server, people.member!, copId, 'quotafile01', first)).status).toBe(201);

    const refused = await put(server, people.member!, copId, 'quotafile02', pdf(40 * KiB, 'y'), 'en-CA');
    expect(refused.status).toBe(413);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('storage_quota_exceeded');
    // French puts a no-break space between a number and its unit.
    expect(body.error.message.replace(/[\u00a0\u202f]/g, ' ')).toBe(
      'L’espace de stockage de cette CdP est plein (0,04 Mo sur 0,07 Mo utilisés); ce fichier n’a donc pas été conservé. Retirez les fichiers ou les documents dont la CdP n’a plus besoin, ou demandez plus d’espace à la personne gestionnaire du programme.'
    );

    // Streamed with no declared length: cut off at the room left, nothing staged or kept.
    const chunked = await fetch(`${server.url}/api/cops/${copId}/files/quotafile03`, {
      method: 'PUT',
      headers: { cookie: people.member!.cookie, 'x-file-name': 'deck.pdf', 'accept-language': 'en' },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new Uint8Array(Buffer.from('%PDF-1.4\n')));
          for (let i = 0; i < 8; i++) controller.enqueue(new Uint8Array(8 * KiB));
          controller.close();
        }
      }),
      duplex: 'half'
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(((await chunked.json()) as { error: { code: string } }).error.code).toBe('storage_quota_exceeded');

    expect(server.db.prepare('SELECT id FROM files WHERE cop_id = ?').pluck(true).all(copId)).toEqual(['quotafile01']);
    expect(blobFiles(server)).toEqual({ kept: [expect.any(String)], incoming: [] });
    expect(storedBytes(server, copId)).toBe(first.byteLength);

    // A retried upload of the file already kept takes no more room: still answered 200.
    expect((await put(server, people.member!, copId, 'quotafile01', first)).status).toBe(200);
    await server.close();
  });

  it('a deleted file stops counting, and a file shared by two COPs counts for each', async () => {
    const quota = 64 * KiB;
    const server = await startSyncServer({ COP_STORAGE_QUOTA_BYTES: String(quota) });
    const a = createCopWith(server, { fac: 'facilitator' });
    const b = createCopWith(server, { fac: 'facilitator' });
    const shared = pdf(40 * KiB);
    expect((await put(server, a.people.fac!, a.copId, 'sharedfile1', shared)).status).toBe(201);
    expect((await put(server, b.people.fac!, b.copId, 'sharedfile2', shared)).status).toBe(201);
    expect(blobFiles(server).kept).toHaveLength(1);
    expect((await storageSeenBy(server, a.people.fac!, a.copId))?.usedBytes).toBe(shared.byteLength);
    expect((await storageSeenBy(server, b.people.fac!, b.copId))?.usedBytes).toBe(shared.byteLength);
    // COP B cannot take a second 40 KiB file while the first one is there…
    expect((await put(server, b.people.fac!, b.copId, 'otherfile01', pdf(40 * KiB, 'z'))).status).toBe(413);
    const removed = await fetch(`${server.url}/api/cops/${b.copId}/files/sharedfile2`, { method: 'DELETE', headers: { cookie: b.people.fac!.cookie } });
    expect(removed.status).toBe(204);
    // …and can once it is deleted; COP A still holds (and counts) the shared bytes.
    expect((await storageSeenBy(server, b.people.fac!, b.copId))?.usedBytes).toBe(0);
    expect((await put(server, b.people.fac!, b.copId, 'otherfile01', pdf(40 * KiB, 'z'))).status).toBe(201);
    expect((await storageSeenBy(server, a.people.fac!, a.copId))?.usedBytes).toBe(shared.byteLength);
    await server.close();
  });

  it('a facilitator and the programme manager see the COP’s storage use, a member and an observer do not', async () => {
    const server = await startSyncServer({ COP_STORAGE_QUOTA_BYTES: String(100 * 1000 * 1000) });
    const { copId, people, manager } = createCopWith(server, { fac: 'facilitator', member: 'member', observer: 'observer' });
    const file = pdf(10 * KiB);
    expect((await put(server, people.member!, copId, 'seenfile01', file)).status).toBe(201);
    expect(await storageSeenBy(server, people.fac!, copId)).toEqual({ usedBytes: file.byteLength, quotaBytes: 100 * 1000 * 1000 });
    expect(await storageSeenBy(server, manager, copId)).toEqual({ usedBytes: file.byteLength, quotaBytes: 100 * 1000 * 1000 });
    expect(await storageSeenBy(server, people.member!, copId)).toBeUndefined();
    expect(await storageSeenBy(server, people.observer!, copId)).toBeUndefined();
    // A facilitator of another COP sees this one's directory entry, not its storage.
    const other = createCopWith(server, {});
    const elsewhere = createPerson(server);
    addMembership(server.context, { copId: other.copId, userId: elsewhere.userId, role: 'facilitator' });
    expect(await storageSeenBy(server, elsewhere, copId)).toBeUndefined();
    await server.close();
  });
});
