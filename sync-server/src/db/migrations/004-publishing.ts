// Protocol lifecycle, the Resource Centre (immutable published versions, full-text search) and
// the programme's learning events.
import type { Migration } from '../migrations';

export const publishing: Migration = {
  version: 4,
  name: 'publishing',
  up(db) {
    db.exec(`
      CREATE TABLE protocol_lifecycle (
        protocol_id TEXT PRIMARY KEY,             -- the protocol's id in the COP workspace document
        cop_id TEXT NOT NULL REFERENCES cops(id) ON DELETE CASCADE,
        state TEXT NOT NULL CHECK (state IN ('draft', 'in_review', 'approved', 'published')),
        updated_at INTEGER NOT NULL
      );

      CREATE TABLE protocol_events (
        id INTEGER PRIMARY KEY,
        protocol_id TEXT NOT NULL,
        cop_id TEXT NOT NULL REFERENCES cops(id) ON DELETE CASCADE,
        from_state TEXT,
        to_state TEXT NOT NULL,
        action TEXT NOT NULL,
        actor_id TEXT REFERENCES users(id) ON DELETE SET NULL,
        comment TEXT NOT NULL DEFAULT '',
        at INTEGER NOT NULL
      );
      CREATE INDEX protocol_events_protocol ON protocol_events(protocol_id, id);

      CREATE TABLE resource_items (
        id TEXT PRIMARY KEY,
        cop_id TEXT NOT NULL REFERENCES cops(id) ON DELETE CASCADE,
        protocol_en TEXT,                         -- protocol ids of each language version
        protocol_fr TEXT,
        is_public INTEGER NOT NULL DEFAULT 0,
        unpublished_at INTEGER,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX resource_items_en ON resource_items(protocol_en);
      CREATE INDEX resource_items_fr ON resource_items(protocol_fr);

      CREATE TABLE resource_versions (
        item_id TEXT NOT NULL REFERENCES resource_items(id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        published_at INTEGER NOT NULL,
        published_by TEXT REFERENCES users(id) ON DELETE SET NULL,
        change_summary TEXT NOT NULL DEFAULT '',
        authors TEXT NOT NULL,                    -- JSON [{id, name}]
        en_title TEXT, en_summary TEXT, en_html TEXT, en_markdown TEXT, en_text TEXT, en_json TEXT,
        fr_title TEXT, fr_summary TEXT, fr_html TEXT, fr_markdown TEXT, fr_text TEXT, fr_json TEXT,
        PRIMARY KEY (item_id, version)
      );
      -- Published versions are a record: once written they never change.
      CREATE TRIGGER resource_versions_immutable BEFORE UPDATE ON resource_versions
      BEGIN SELECT RAISE(ABORT, 'published versions are immutable'); END;

      -- The latest version of each item, per language; accents and case folded for search.
      CREATE VIRTUAL TABLE resource_search USING fts5(
        item_id UNINDEXED, language UNINDEXED, title, summary, body,
        tokenize = 'unicode61 remove_diacritics 2'
      );

      CREATE TABLE learning_events (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('quarterly', 'fair')),
        title_en TEXT NOT NULL, title_fr TEXT NOT NULL,
        description_en TEXT NOT NULL DEFAULT '', description_fr TEXT NOT NULL DEFAULT '',
        starts_at INTEGER NOT NULL,
        ends_at INTEGER NOT NULL,
        time_zone TEXT NOT NULL,
        place TEXT NOT NULL DEFAULT '',
        online_link TEXT NOT NULL DEFAULT '',
        created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        sequence INTEGER NOT NULL DEFAULT 0      -- iCalendar SEQUENCE: bumped on every change
      );

      CREATE TABLE event_presentations (
        id TEXT PRIMARY KEY,
        event_id TEXT NOT NULL REFERENCES learning_events(id) ON DELETE CASCADE,
        cop_id TEXT NOT NULL REFERENCES cops(id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        presenters TEXT NOT NULL,
        resource_item_ids TEXT NOT NULL DEFAULT '[]',
        position INTEGER NOT NULL,
        minutes INTEGER NOT NULL DEFAULT 20,
        created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX event_presentations_event ON event_presentations(event_id, position);
    `);
  }
};
