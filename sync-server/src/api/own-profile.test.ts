// PATCH /api/cops/{copId}/me/profile against a real server: the server writes the person's own
// roster entry into the stored workspace, relayed to open sockets (real y-websocket clients).
import { readProfile, rosterMap, updateProfile } from '@atelier/workspace';
import { afterAll, describe, expect, it } from 'vitest';
import { updateCop } from '../accounts/cops';
import { connect, createCopWith, createPerson, eventually, removeDataDirs, sleep, startSyncServer, storedDoc, type Person, type SyncTestServer } from '../sync/sync-test-kit';

afterAll(removeDataDirs);

async function patchProfile(server: SyncTestServer, copId: string, person: Pick<Person, 'cookie'> | null, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}/api/cops/${copId}/me/profile`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', ...(person ? { cookie: person.cookie } : {}), ...headers },
    body: JSON.stringify(body)
  });
  return { status: res.status, json: (await res.json()) as Record<string, any> };
}

describe('own roster profile', () => {
  it('an observer edits their own profile: it is stored and reaches a member who has the workspace open', async () => {
    const server = await startSyncServer();
    const { copId, people } = createCopWith(server, { ana: 'member', olga: 'observer' });
    const ana = connect(server, `cop/${copId}`, people.ana!);
    await ana.synced();
    updateProfile(ana.doc, people.ana!.userId, { organisation: 'Parks Canada' });

    const res = await patchProfile(server, copId, people.olga!, { organisation: '  City of Iqaluit ', experience: 'experienced', orderOfGovernment: 'municipal' });
    expect(res.status).toBe(200);
    expect(res.json.profile).toEqual({
      userId: people.olga!.userId,
      organisation: 'City of Iqaluit',
      orderOfGovernment: 'municipal',
      expertise: '',
      experience: 'experienced',
      contactChannel: '',
      contactNote: ''
    });
    await eventually(() => expect(readProfile(ana.doc, people.olga!.userId).organisation).toBe('City of Iqaluit'));
    // Stored when the answer came, and the member's own concurrent edit kept.
    const stored = storedDoc(server, `cop/${copId}`);
    expect(readProfile(stored, people.olga!.userId)).toMatchObject({ organisation: 'City of Iqaluit', experience: 'experienced' });
    await eventually(() => expect(readProfile(storedDoc(server, `cop/${copId}`), people.ana!.userId).organisation).toBe('Parks Canada'));
    ana.destroy();
    await server.close();
  });

  it('a profile change writes only the caller\'s own roster entry and cannot name another person', async () => {
    const server = await startSyncServer();
    const { copId, people } = createCopWith(server, { ana: 'member', olga: 'observer' });
    const someoneElse = await patchProfile(server, copId, people.olga!, { userId: people.ana!.userId, organisation: 'Not mine' });
    expect(someoneElse.status).toBe(400);
    expect(someoneElse.json.error.code).toBe('invalid_input');
    expect(someoneElse.json.error.message).toMatch(/^userId/);
    expect((await patchProfile(server, copId, people.olga!, { contactNote: 'Mornings' })).status).toBe(200);
    await sleep(50);
    const keys = [...rosterMap(storedDoc(server, `cop/${copId}`)).keys()];
    expect(keys).toEqual([`${people.olga!.userId}:contactNote`]);
    await server.close();
  });

  it('a change to a workspace no one has open is stored and the next device to open it gets it', async () => {
    const server = await startSyncServer();
    const { copId, people } = createCopWith(server, { ana: 'member', olga: 'observer' });
    expect((await patchProfile(server, copId, people.olga!, { expertise: 'Procurement' })).status).toBe(200);
    // Twice, with the room unloaded in between, so the second load merges the stored first.
    await sleep(400);
    expect((await patchProfile(server, copId, people.olga!, { contactChannel: 'video-call' })).status).toBe(200);
    const ana = connect(server, `cop/${copId}`, people.ana!);
    await ana.synced();
    expect(readProfile(ana.doc, people.olga!.userId)).toMatchObject({ expertise: 'Procurement', contactChannel: 'video-call' });
    ana.destroy();
    await server.close();
  });

  it('a bad value is refused in the person\'s language and nothing is written', async () => {
    const server = await startSyncServer();
    const { copId, people } = createCopWith(server, { olga: 'observer' });
    server.db.prepare("UPDATE users SET language = 'fr' WHERE id = ?").run(people.olga!.userId);
    const bad = await patchProfile(server, copId, people.olga!, { experience: 'expert' });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/^experience : doit être l’une de ces valeurs/);
    const long = await patchProfile(server, copId, people.olga!, { organisation: 'x'.repeat(201) });
    expect(long.status).toBe(400);
    expect(long.json.error.message).toMatch(/^organisation/);
    expect(rosterMap(storedDoc(server, `cop/${copId}`)).size).toBe(0);
    await server.close();
  });

  it('only a member of the COP has a profile to edit: strangers and a manager who is not a member get 403, no session 401, an archived COP 409', async () => {
    const server = await startSyncServer();
    const { copId, manager, people } = createCopWith(server, { olga: 'observer' });
    const stranger = createPerson(server);
    expect((await patchProfile(server, copId, stranger, { organisation: 'X' })).status).toBe(403);
    const asManager = await patchProfile(server, copId, manager, { organisation: 'X' });
    expect(asManager.status).toBe(403);
    expect(asManager.json.error.message).toBe('Only members of this COP have a profile in its roster');
    expect((await patchProfile(server, copId, null, { organisation: 'X' })).status).toBe(401);
    expect((await patchProfile(server, 'no-such-cop', people.olga!, { organisation: 'X' })).status).toBe(404);
    updateCop(server.db, copId, { status: 'archived' });
    expect((await patchProfile(server, copId, people.olga!, { organisation: 'X' })).status).toBe(409);
    expect(rosterMap(storedDoc(server, `cop/${copId}`)).size).toBe(0);
    await server.close();
  });

  it('a workspace at its size limit refuses the change with 413 instead of growing past it', async () => {
    const server = await startSyncServer({ SYNC_MAX_DOCUMENT_BYTES: '4096' });
    const { copId, people } = createCopWith(server, { olga: 'observer' });
    const res = await patchProfile(server, copId, people.olga!, { organisation: 'City of Yellowknife' });
    expect(res.status).toBe(413);
    expect(res.json.error.code).toBe('too_large');
    await server.close();
  });
});
