// The facilitator runs the meeting, enforced by the server: a member's device that deletes a
// meeting, moves the room's current item or marks someone else's attendance (a tampered app, or
// a script with the member's cookie) is refused whole, and nothing of it is stored or relayed.
import { addAgendaItem, createMeeting, deleteMeeting, markAttendance, readMeetingMode, setCurrentItem } from '@atelier/workspace';
import { afterAll, describe, expect, it } from 'vitest';
import { changeRole } from '../accounts/memberships';
import { CloseCode } from './protocol';
import { connect, createCopWith, eventually, removeDataDirs, sleep, startSyncServer, storedDoc } from './sync-test-kit';

afterAll(removeDataDirs);

describe('meeting roles on the sync server', () => {
  it("refuses a member's deletion of a meeting and move of the current item, stores none of it, and lets the facilitator do both", async () => {
    const server = await startSyncServer();
    const { copId, people } = createCopWith(server, { fay: 'facilitator', mia: 'member' });
    const name = `cop/${copId}`;
    const fay = connect(server, name, people.fay!);
    await fay.synced();
    const meetingId = createMeeting(fay.doc, { title: 'Séance de mars', startsAt: '2026-03-10T13:00:00-04:00', timeZone: 'America/Toronto' });
    const itemId = addAgendaItem(fay.doc, meetingId, { title: 'Cadre' })!;
    await eventually(() => expect(storedDoc(server, name).getMap('agendaItems').has(itemId)).toBe(true));

    const mia = connect(server, name, people.mia!);
    await mia.synced();
    await eventually(() => expect(mia.doc.getMap('meetings').has(meetingId)).toBe(true));
    // Her own attendance is hers to mark.
    markAttendance(mia.doc, meetingId, people.mia!.userId, 'present');
    await eventually(() => expect(storedDoc(server, name).getMap('attendance').get(`${meetingId}:${people.mia!.userId}`)).toBe('present'));

    setCurrentItem(mia.doc, meetingId, itemId);
    await eventually(() => expect(mia.closes.map((c) => c.code)).toContain(CloseCode.changeNotAllowed.code));
    mia.destroy();
    await sleep(100);
    expect(readMeetingMode(storedDoc(server, name), meetingId).currentItemId).toBeNull();
    expect(readMeetingMode(fay.doc, meetingId).currentItemId).toBeNull();

    const again = connect(server, name, people.mia!);
    await again.synced();
    markAttendance(again.doc, meetingId, people.fay!.userId, 'absent');
    deleteMeeting(again.doc, meetingId);
    await eventually(() => expect(again.closes.map((c) => c.code)).toContain(CloseCode.changeNotAllowed.code));
    again.destroy();
    await sleep(100);
    const stored = storedDoc(server, name);
    expect(stored.getMap('meetings').has(meetingId)).toBe(true);
    expect(stored.getMap('attendance').has(`${meetingId}:${people.fay!.userId}`)).toBe(false);
    expect(fay.closes).toEqual([]);

    // The facilitator runs it.
    setCurrentItem(fay.doc, meetingId, itemId);
    markAttendance(fay.doc, meetingId, people.mia!.userId, 'regrets');
    await eventually(() => expect(readMeetingMode(storedDoc(server, name), meetingId).currentItemId).toBe(itemId));
    deleteMeeting(fay.doc, meetingId);
    await eventually(() => expect(storedDoc(server, name).getMap('meetings').has(meetingId)).toBe(false));
    expect(fay.closes).toEqual([]);
    fay.destroy();
    await server.close();
  });

  it('lets a member who is made facilitator run the meeting on the socket already open', async () => {
    const server = await startSyncServer();
    const { copId, people } = createCopWith(server, { fay: 'facilitator', mia: 'member' });
    const name = `cop/${copId}`;
    const mia = connect(server, name, people.mia!);
    await mia.synced();
    const meetingId = createMeeting(mia.doc, { title: 'Atelier', startsAt: '2026-03-10T13:00:00-04:00', timeZone: 'America/Toronto' });
    const itemId = addAgendaItem(mia.doc, meetingId, { title: 'Ouverture' })!;
    await eventually(() => expect(storedDoc(server, name).getMap('agendaItems').has(itemId)).toBe(true));

    changeRole(server.context, copId, people.mia!.userId, 'facilitator');
    setCurrentItem(mia.doc, meetingId, itemId);
    await eventually(() => expect(readMeetingMode(storedDoc(server, name), meetingId).currentItemId).toBe(itemId));
    expect(mia.closes).toEqual([]);
    mia.destroy();
    await server.close();
  });
});
