// Upgrading stored older documents in place, without losing data.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { agendaItemText, listAgenda, listDecisions, listMeetings, migrateWorkspace, moveAgendaItem, readAttendance, SCHEMA_VERSION, schemaVersionOf } from './index';

/**
 * A version-1 workspace as Atelier stored it before agenda items moved to an ordered map
 * (meeting.agenda was a Y.Array of Y.Maps). Kept as the binary update, base64-encoded.
 */
function storedV1(): Y.Doc {
  const update = Buffer.from(readFileSync(new URL('./fixtures/workspace-v1.update.b64', import.meta.url), 'utf8'), 'base64');
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc;
}

describe('migrateWorkspace', () => {
  it('upgrades a stored version-1 document to the current schema without losing anything', () => {
    const doc = storedV1();
    expect(schemaVersionOf(doc)).toBe(1);
    expect(migrateWorkspace(doc)).toEqual([2]);
    expect(schemaVersionOf(doc)).toBe(SCHEMA_VERSION);

    const [meeting] = listMeetings(doc);
    expect(meeting).toMatchObject({ id: 'mtgmarch2026', title: 'Séance de mars', timeZone: 'America/Montreal', venue: 'Salle communautaire, Gatineau' });
    const agenda = listAgenda(doc, meeting!.id);
    expect(agenda.map((i) => [i.id, i.title, i.presenter, i.plannedMinutes, i.notes, i.minutes])).toEqual([
      ['itemwelcome', 'Mot de bienvenue', 'helene', 10, 'Tour de table', 'Douze personnes présentes.'],
      ['itemplan', 'Plan de communication du changement', 'lucie', 60, 'Version 0.3 du protocole', 'On garde les trois phases.'],
      ['itemnext', 'Prochaines étapes', '', 20, '', '']
    ]);
    // References into the old agenda still resolve after the move.
    expect(listDecisions(doc, meeting!.id)).toEqual([expect.objectContaining({ agendaItemId: 'itemplan', text: 'Adopter les trois phases' })]);
    expect(readAttendance(doc, meeting!.id).get('helene')).toBe('present');
    // The upgraded agenda behaves like a new one.
    moveAgendaItem(doc, meeting!.id, 'itemnext', 0);
    expect(listAgenda(doc, meeting!.id)[0]!.id).toBe('itemnext');
    expect(agendaItemText(doc, meeting!.id, 'itemplan', 'notes')!.toString()).toBe('Version 0.3 du protocole');
  });

  it('is idempotent: a second run changes nothing', () => {
    const doc = storedV1();
    migrateWorkspace(doc);
    const before = Y.encodeStateVector(doc);
    expect(migrateWorkspace(doc)).toEqual([]);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('gives the same result on two replicas that migrate the same document offline', () => {
    const a = storedV1();
    const b = storedV1();
    migrateWorkspace(a);
    migrateWorkspace(b);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const meetingId = listMeetings(a)[0]!.id;
    expect(listAgenda(a, meetingId)).toEqual(listAgenda(b, meetingId));
    expect(listAgenda(a, meetingId)).toHaveLength(3);
  });

  it('keeps what two devices type into the same item\'s minutes after both upgraded the same stored document offline', () => {
    const a = storedV1();
    const b = storedV1();
    migrateWorkspace(a);
    migrateWorkspace(b);
    agendaItemText(a, 'mtgmarch2026', 'itemplan', 'minutes')!.insert(0, 'Hélène : ');
    agendaItemText(b, 'mtgmarch2026', 'itemplan', 'minutes')!.insert(26, ' Lucie : d\'accord.');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const merged = 'Hélène : On garde les trois phases. Lucie : d\'accord.';
    expect(agendaItemText(a, 'mtgmarch2026', 'itemplan', 'minutes')!.toString()).toBe(merged);
    expect(agendaItemText(b, 'mtgmarch2026', 'itemplan', 'minutes')!.toString()).toBe(merged);
  });

  it('creates the migrated items once however many devices upgrade: the merged document is no larger than one device\'s', () => {
    const replicas = [storedV1(), storedV1(), storedV1()];
    for (const r of replicas) migrateWorkspace(r);
    const one = Y.encodeStateAsUpdate(replicas[0]!);
    const merged = Y.mergeUpdates(replicas.map((r) => Y.encodeStateAsUpdate(r)));
    const doc = new Y.Doc();
    Y.applyUpdate(doc, merged);
    // Each device stamps the schema version itself (a few bytes each); the agenda exists once.
    expect(Y.encodeStateAsUpdate(doc).length - one.length).toBeLessThan(64);
    expect(listAgenda(doc, 'mtgmarch2026')).toHaveLength(3);
  });

  it('upgrades old-layout data that arrives after the document was already current', () => {
    const fresh = new Y.Doc();
    migrateWorkspace(fresh);
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(storedV1()));
    expect(migrateWorkspace(fresh)).toEqual([2]);
    expect(listAgenda(fresh, 'mtgmarch2026')).toHaveLength(3);
  });

  it('leaves an empty document unstamped, so it never claims a version it has no data for', () => {
    const doc = new Y.Doc();
    expect(migrateWorkspace(doc)).toEqual([]);
    expect(schemaVersionOf(doc)).toBe(0);
  });
});
