// A protocol is identified by its COP and its id together: the id is chosen by a client and any
// COP can write any id into its own workspace, so lifecycle rows are keyed by (cop_id,
// protocol_id) and nothing one COP does under an id can reach another COP's protocol of that id.
// Approval pins what was reviewed: the title and rich-text JSON the server held when the
// facilitator approved, which is what publishing publishes.
import type { Migration } from '../migrations';

export const protocolIdentity: Migration = {
  version: 5,
  name: 'protocol identity',
  up(db) {
    db.exec(`
      CREATE TABLE protocol_lifecycle_by_cop (
        cop_id TEXT NOT NULL REFERENCES cops(id) ON DELETE CASCADE,
        protocol_id TEXT NOT NULL,                -- the protocol's id in that COP's workspace document
        state TEXT NOT NULL CHECK (state IN ('draft', 'in_review', 'approved', 'published')),
        updated_at INTEGER NOT NULL,
        approved_at INTEGER,                      -- the approval that pinned approved_title/approved_json
        approved_by TEXT REFERENCES users(id) ON DELETE SET NULL,
        approved_title TEXT,
        approved_json TEXT,                       -- rich-text JSON of the reviewed text
        PRIMARY KEY (cop_id, protocol_id)
      );
      INSERT INTO protocol_lifecycle_by_cop (cop_id, protocol_id, state, updated_at)
        SELECT cop_id, protocol_id, state, updated_at FROM protocol_lifecycle;
      DROP TABLE protocol_lifecycle;
      ALTER TABLE protocol_lifecycle_by_cop RENAME TO protocol_lifecycle;

      DROP INDEX protocol_events_protocol;
      CREATE INDEX protocol_events_protocol ON protocol_events(cop_id, protocol_id, id);

      DROP INDEX resource_items_en;
      DROP INDEX resource_items_fr;
      CREATE INDEX resource_items_en ON resource_items(cop_id, protocol_en);
      CREATE INDEX resource_items_fr ON resource_items(cop_id, protocol_fr);
    `);
  }
};
