// PUT /api/cops/{copId}/meetings/{meetingId}/attendance/me against a real server: an observer,
// who cannot write the workspace document, marks their own attendance through the API; the
// server stores it in the workspace and relays it to open sockets (real y-websocket clients).
// Refusals: bad status (400, in the person's language), unknown or other COP's meeting (404),
// not in the COP (403), no session (401), archived COP (409), a body over its bound (413).
import { attendanceMap, createMeeting, readAttendance } from '@atelier/workspace';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { updateCop } from '../accounts/cops';
import { MAX_JSON_BODY_BYTES } from '../http/validate';
import { connect, createCopWith, createPerson, eventually, removeDataDirs, startSyncServer, storedDoc, type Person, type SyncTestServer } from '../sync/sync-test-kit';

afterAll(removeDataDirs);

async function putAttendance(server: SyncTestServer, copId: string, meetingId: string, person: Pick<Person, 'cookie'> | null, body: unknown) {
  const res = await fetch(`${server.url}/api/cops/${copId}/meetings/${meetingId}/attendance/me`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', ...(person ? { cookie: person.cookie } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body)
  });
  return { status: res.status, json: (await res.json()) as Record<string, any> };
}

/** A COP with a member (whose client has the workspace open, with one meeting) and an observer. */
async function copWithMeeting(server: SyncTestServer) {
  const { copId, manager, people } = createCopWith(server, { ana: 'member', olga: 'observer' });
  const ana = connect(server, `cop/${copId}`, people.ana!);
  await ana.synced();
  const meetingId = createMeeting(ana.doc, { title: 'Spring session', startsAt: '2030-03-10T13:30:00.000Z', timeZone: 'America/Toronto' });
  await eventually(() => expect(storedDoc(server, `cop/${copId}`).getMap('meetings').has(meetingId)).toBe(true));
  return { copId, manager, people, ana, meetingId };
}

describe('own attendance through the API', () => {
  it('an observer marks their own attendance: it is stored and reaches a member who has the workspace open', async () => {
    const server = await startSyncServer();
    const { copId, people, ana, meetingId } = await copWithMeeting(server);
    const olga = people.olga!.userId;

    const res = await putAttendance(server, copId, meetingId, people.olga!, { status: 'present' });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ meetingId, userId: olga, status: 'present' });
    // Stored when the answer came, and relayed to the member's socket.
    expect(readAttendance(storedDoc(server, `cop/${copId}`), meetingId).get(olga)).toBe('present');
    await eventually(() => expect(readAttendance(ana.doc, meetingId).get(olga)).toBe('present'));

    // Changed, then cleared (null): only the observer's own key is ever written.
    expect((await putAttendance(server, copId, meetingId, people.olga!, { status: 'regrets' })).status).toBe(200);
    await eventually(() => expect(readAttendance(ana.doc, meetingId).get(olga)).toBe('regrets'));
    expect((await putAttendance(server, copId, meetingId, people.olga!, { status: null })).status).toBe(200);
    await eventually(() => expect(readAttendance(ana.doc, meetingId).has(olga)).toBe(false));
    expect([...attendanceMap(storedDoc(server, `cop/${copId}`)).keys()].filter((k) => !k.endsWith(`:${olga}`))).toEqual([]);
    ana.destroy();
    await server.close();
  });

  it('an attendance mark cannot name another person: a userId in the body is refused and nothing is written', async () => {
    const server = await startSyncServer();
    const { copId, people, ana, meetingId } = await copWithMeeting(server);
    const res = await putAttendance(server, copId, meetingId, people.olga!, { status: 'present', userId: people.ana!.userId });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('invalid_input');
    expect(res.json.error.message).toMatch(/^userId/);
    expect(attendanceMap(storedDoc(server, `cop/${copId}`)).size).toBe(0);
    ana.destroy();
    await server.close();
  });

  it('a bad status is refused with 400 in the person\'s language and nothing is written', async () => {
    const server = await startSyncServer();
    const { copId, people, ana, meetingId } = await copWithMeeting(server);
    const english = await putAttendance(server, copId, meetingId, people.olga!, { status: 'maybe' });
    expect(english.status).toBe(400);
    expect(english.json.error.code).toBe('invalid_input');
    expect(english.json.error.message).toMatch(/^status: must be one of present, absent, regrets/);
    server.db.prepare("UPDATE users SET language = 'fr' WHERE id = ?").run(people.olga!.userId);
    const french = await putAttendance(server, copId, meetingId, people.olga!, { status: 'maybe' });
    expect(french.status).toBe(400);
    expect(french.json.error.code).toBe('invalid_input');
    expect(french.json.error.message).toMatch(/^status : doit être l’une de ces valeurs/);
    expect((await putAttendance(server, copId, meetingId, people.olga!, '{not json')).status).toBe(400);
    expect((await putAttendance(server, copId, meetingId, people.olga!, {})).status).toBe(400);
    expect(attendanceMap(storedDoc(server, `cop/${copId}`)).size).toBe(0);
    ana.destroy();
    await server.close();
  });

  it("an unknown meeting, or another COP's meeting, is 404 and nothing is written in either COP", async () => {
    const server = await startSyncServer();
    const { copId, people, ana, meetingId } = await copWithMeeting(server);
    const other = createCopWith(server, { olga: 'observer' });
    const unknown = await putAttendance(server, copId, 'no-such-meeting', people.olga!, { status: 'present' });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error).toEqual({ code: 'not_found', message: 'No such meeting' });
    expect((await putAttendance(server, copId, 'x'.repeat(101), people.olga!, { status: 'present' })).status).toBe(404);
    // The meeting exists, but in the first COP: through the second COP's path it is no meeting.
    const elsewhere = await putAttendance(server, other.copId, meetingId, other.people.olga!, { status: 'present' });
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.json.error.code).toBe('not_found');
    expect((await putAttendance(server, 'no-such-cop', meetingId, people.olga!, { status: 'present' })).status).toBe(404);
    expect(attendanceMap(storedDoc(server, `cop/${copId}`)).size).toBe(0);
    expect(attendanceMap(storedDoc(server, `cop/${other.copId}`)).size).toBe(0);
    ana.destroy();
    await server.close();
  });

  it('only people in the COP mark attendance: a stranger (or a member of another COP) gets 403, no session 401, an archived COP 409', async () => {
    const server = await startSyncServer();
    const { copId, people, ana, meetingId } = await copWithMeeting(server);
    const stranger = createPerson(server);
    const refused = await putAttendance(server, copId, meetingId, stranger, { status: 'present' });
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe('forbidden');
    const otherCopMember = createCopWith(server, { oscar: 'member' }).people.oscar!;
    expect((await putAttendance(server, copId, meetingId, otherCopMember, { status: 'present' })).status).toBe(403);
    expect((await putAttendance(server, copId, meetingId, null, { status: 'present' })).status).toBe(401);
    updateCop(server.db, copId, { status: 'archived' });
    expect((await putAttendance(server, copId, meetingId, people.olga!, { status: 'present' })).status).toBe(409);
    expect(attendanceMap(storedDoc(server, `cop/${copId}`)).size).toBe(0);
    ana.destroy();
    await server.close();
  });

  it('a body over its bound is refused with 413 before it is read, and nothing is written', async () => {
    const server = await startSyncServer();
    const { copId, people, ana, meetingId } = await copWithMeeting(server);
    const huge = await putAttendance(server, copId, meetingId, people.olga!, { status: 'present', padding: 'x'.repeat(MAX_JSON_BODY_BYTES) });
    expect(huge.status).toBe(413);
    expect(huge.json.error.code).toBe('too_large');
    expect(attendanceMap(storedDoc(server, `cop/${copId}`)).size).toBe(0);
    ana.destroy();
    await server.close();
  });

  it('a workspace at its size limit refuses the mark with 413 instead of growing past it', async () => {
    const server = await startSyncServer({ SYNC_MAX_DOCUMENT_BYTES: '4096' });
    const { copId, people, ana, meetingId } = await copWithMeeting(server);
    // Fill the workspace close to its limit from the member's side.
    (ana.doc.getMap('meetings').get(meetingId) as Y.Map<unknown>).set('notes', 'n'.repeat(3700));
    await eventually(() => expect(Y.encodeStateAsUpdate(storedDoc(server, `cop/${copId}`)).byteLength).toBeGreaterThan(3700));
    const res = await putAttendance(server, copId, meetingId, people.olga!, { status: 'present' });
    expect(res.status).toBe(413);
    expect(res.json.error.code).toBe('too_large');
    ana.destroy();
    await server.close();
  });
});
