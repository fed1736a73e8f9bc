/**
 * `pnpm atelier venue end [--force]` (docs/venue.md): wipes the hub's copy of its COPs. It refuses
 * while documents hold edits central has not confirmed, naming them, unless told `--force`.
 * Run it with the hub stopped.
 */
import type { SqliteDatabase } from '../db/database';
import { readHubRecord } from './hub-record';
import { PrepareError } from './prepare-hub';
import { unconfirmedDocuments } from './unconfirmed';

export async function endHub(db: SqliteDatabase, force: boolean): Promise<{ wiped: number; lost: string[] }> {
  const record = readHubRecord(db);
  if (!record) throw new PrepareError('This DATA_DIR is not a venue hub; there is nothing to end');
  const unconfirmed = await unconfirmedDocuments(db);
  if (unconfirmed.length > 0 && !force) {
    throw new PrepareError(
      `${unconfirmed.length} document(s) hold edits ${record.upstream} has not confirmed; ending now would lose them:\n` +
        unconfirmed.map((name) => `  ${name}`).join('\n') +
        '\nStart the hub where it can reach the network until they are confirmed, or end with --force to lose them.'
    );
  }
  const wiped = (db.prepare('SELECT COUNT(*) AS n FROM sync_documents').get() as { n: number }).n;
  db.transaction(() => {
    db.exec('DELETE FROM venue_confirmed; DELETE FROM venue_members; DELETE FROM venue_hub; DELETE FROM sync_updates; DELETE FROM sync_documents; DELETE FROM cops;');
  })();
  db.exec('VACUUM');
  return { wiped, lost: unconfirmed };
}
