import { afterAll, describe, expect, it } from 'vitest';
import { createDocument, documentDocName, workspaceDocName } from '@atelier/workspace';
import { connect, createCopWith, eventually, removeDataDirs, startSyncServer, storedDoc } from './sync-test-kit';

afterAll(removeDataDirs);

const LISTED_ONLY = { SYNC_FREE_FORM_DOCUMENTS: 'false', SYNC_UNLISTED_WAIT_MS: '400' };

describe('documents exist only where their COP workspace lists them', () => {
  it('a member cannot open documents of names of their own making: closed with 4404, nothing stored', async () => {
    const server = await startSyncServer(LISTED_ONLY);
    const { copId, people } = createCopWith(server, { mallory: 'member' });
    for (const name of [`cop/${copId}/notes/made-up`, `cop/${copId}/protocols/made-up`, `cop/${copId}/filler/d1`, `cop/${copId}/notes/a/b`]) {
      const client = connect(server, name, people.mallory!);
      await eventually(() => expect(client.closes.map((c) => c.code)).toEqual([4404]), 3_000, name);
      expect(client.closes[0]!.reason).toBe('no such document in this COP');
      client.destroy();
      expect(server.db.prepare('SELECT count(*) AS n FROM sync_documents WHERE name = ?').get(name)).toEqual({ n: 0 });
    }
    await server.close();
  });

  it('a note created in the workspace and opened at once is served (the listing may come a moment later)', async () => {
    const server = await startSyncServer(LISTED_ONLY);
    const { copId, people } = createCopWith(server, { ana: 'member' });
    const workspace = connect(server, workspaceDocName(copId), people.ana!);
    await workspace.synced();
    const noteId = createDocument(workspace.doc, { kind: 'note', title: 'Minutes', language: 'en', createdBy: people.ana!.userId });
    const protocolId = createDocument(workspace.doc, { kind: 'protocol', title: 'Protocole', language: 'fr', createdBy: people.ana!.userId });
    // Opened in the same tick as the workspace change, as the web app does.
    const note = connect(server, documentDocName(copId, 'note', noteId), people.ana!);
    const protocol = connect(server, documentDocName(copId, 'protocol', protocolId), people.ana!);
    await Promise.all([note.synced(), protocol.synced()]);
    note.doc.getText('t').insert(0, 'agenda');
    protocol.doc.getText('t').insert(0, 'texte');
    await eventually(() => expect(storedDoc(server, documentDocName(copId, 'note', noteId)).getText('t').toString()).toBe('agenda'));
    await eventually(() => expect(storedDoc(server, documentDocName(copId, 'protocol', protocolId)).getText('t').toString()).toBe('texte'));
    for (const c of [workspace, note, protocol]) c.destroy();

    // Later, with the workspace no longer in memory: the stored listing is enough.
    await eventually(() => expect(server.sync.manager.rooms.size).toBe(0));
    const again = connect(server, documentDocName(copId, 'note', noteId), people.ana!);
    await again.synced();
    expect(again.doc.getText('t').toString()).toBe('agenda');
    expect(again.closes).toEqual([]);
    again.destroy();
    await server.close();
  });
});
