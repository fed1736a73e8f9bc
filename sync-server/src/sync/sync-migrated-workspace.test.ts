// A stored version-1 workspace upgraded offline on two devices, then synced through the real
// server: the structs the migration builds under reserved client ids are stored and relayed like
// any other, and what both devices typed into the same minutes reaches everyone.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { agendaItemText, migrateWorkspace, workspaceDocName } from '@atelier/workspace';
import { connect, createCopWith, eventually, removeDataDirs, startSyncServer, storedDoc } from './sync-test-kit';

afterAll(removeDataDirs);

const STORED_V1 = Buffer.from(
  readFileSync(new URL('../../../packages/workspace/src/fixtures/workspace-v1.update.b64', import.meta.url), 'utf8'),
  'base64'
);

function upgradedOffline(): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, STORED_V1);
  migrateWorkspace(doc);
  return doc;
}

const minutes = (doc: Y.Doc) => agendaItemText(doc, 'mtgmarch2026', 'itemplan', 'minutes')?.toString();

describe('a workspace upgraded on two devices offline', () => {
  it('keeps both devices\' minutes of the same item once they sync through the server', async () => {
    const server = await startSyncServer();
    try {
      const { copId, people } = createCopWith(server, { helene: 'member', lucie: 'member', reader: 'member' });
      const name = workspaceDocName(copId);
      const helene = upgradedOffline();
      const lucie = upgradedOffline();
      agendaItemText(helene, 'mtgmarch2026', 'itemplan', 'minutes')!.insert(0, 'Hélène : ');
      agendaItemText(lucie, 'mtgmarch2026', 'itemplan', 'minutes')!.insert(26, ' Lucie : d\'accord.');

      const clients = [connect(server, name, people.helene!, { doc: helene }), connect(server, name, people.lucie!, { doc: lucie })];
      await Promise.all(clients.map((c) => c.synced()));
      const expected = 'Hélène : On garde les trois phases. Lucie : d\'accord.';
      await eventually(() => minutes(helene) === expected && minutes(lucie) === expected, 5_000, 'both devices hold both minutes');

      const reader = connect(server, name, people.reader!);
      await reader.synced();
      await eventually(() => minutes(reader.doc) === expected, 5_000, 'a third device reads both minutes');
      await eventually(() => minutes(storedDoc(server, name)) === expected, 5_000, 'the server stored both minutes');
      for (const c of [...clients, reader]) c.destroy();
    } finally {
      await server.close();
    }
  });
});
