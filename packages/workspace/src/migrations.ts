/**
 * Schema migrations of the workspace document, applied in place when it is opened (and again
 * after syncing, since an older client may have written the old layout meanwhile). Each step
 * detects the layout it upgrades rather than trusting the version number alone — a new empty
 * replica and an old one can disagree on `meta.schemaVersion` until they sync — and each is
 * deterministic, so two replicas migrating the same data offline converge to the same result.
 *
 * v1 → v2: a meeting's agenda moved from an array inside the meeting (`agenda`, a Y.Array of
 * Y.Maps) to the root `agendaItems` map with order keys, so concurrent reordering cannot
 * duplicate items. Item ids, titles, presenters, planned minutes, notes and minutes are kept.
 */
import { generateNKeysBetween } from 'fractional-indexing';
import * as Y from 'yjs';
import { agendaItemsMap } from './agenda';
import { meetingsMap } from './meetings';
import { metaMap, SCHEMA_VERSION, schemaVersionOf } from './meta';
import { MIGRATION_CHANGE } from './origin';

interface MigrationStep {
  to: number;
  /** True when the document still holds data in the layout this step upgrades. */
  applies(doc: Y.Doc): boolean;
  run(doc: Y.Doc): void;
}

const LEGACY_AGENDA = 'agenda';

const agendaToOrderedMap: MigrationStep = {
  to: 2,
  applies: (doc) => [...meetingsMap(doc).values()].some((m) => m instanceof Y.Map && m.get(LEGACY_AGENDA) instanceof Y.Array),
  run(doc) {
    const items = agendaItemsMap(doc);
    for (const [meetingId, meeting] of meetingsMap(doc).entries()) {
      const legacy = meeting instanceof Y.Map ? meeting.get(LEGACY_AGENDA) : undefined;
      if (!(legacy instanceof Y.Array)) continue;
      const entries = legacy.toArray().filter((e): e is Y.Map<unknown> => e instanceof Y.Map && typeof e.get('id') === 'string');
      const keys = generateNKeysBetween(null, null, entries.length);
      entries.forEach((old, i) => {
        const id = old.get('id') as string;
        if (items.has(id)) return;
        const item = new Y.Map<unknown>();
        item.set('meetingId', meetingId);
        item.set('title', String(old.get('title') ?? ''));
        item.set('presenter', String(old.get('presenter') ?? ''));
        const minutes = old.get('plannedMinutes');
        item.set('plannedMinutes', typeof minutes === 'number' && Number.isInteger(minutes) && minutes >= 0 ? minutes : 0);
        item.set('order', keys[i]!);
        item.set('notes', new Y.Text(textOf(old.get('notes'))));
        item.set('minutes', new Y.Text(textOf(old.get('minutes'))));
        items.set(id, item);
      });
      meeting.delete(LEGACY_AGENDA);
    }
  }
};

function textOf(value: unknown): string {
  return value instanceof Y.Text ? value.toString() : typeof value === 'string' ? value : '';
}

const STEPS: readonly MigrationStep[] = [agendaToOrderedMap];

/** Whether the document holds anything at all (an empty new replica is not stamped). */
function hasContent(doc: Y.Doc): boolean {
  return Y.encodeStateVector(doc).length > 1; // an empty state vector encodes as one byte
}

/**
 * Upgrades the document to SCHEMA_VERSION in one transaction (origin MIGRATION_CHANGE).
 * Returns the steps that ran. Refuses nothing: a document from a newer Atelier is left as is.
 */
export function migrateWorkspace(doc: Y.Doc): number[] {
  const ran: number[] = [];
  doc.transact(() => {
    for (const step of STEPS) {
      if (step.applies(doc)) {
        step.run(doc);
        ran.push(step.to);
      }
    }
    if (hasContent(doc) && schemaVersionOf(doc) < SCHEMA_VERSION) metaMap(doc).set('schemaVersion', SCHEMA_VERSION);
  }, MIGRATION_CHANGE);
  return ran;
}

/** True when this document was written by a newer Atelier than this one. */
export function isFromNewerVersion(doc: Y.Doc): boolean {
  return schemaVersionOf(doc) > SCHEMA_VERSION;
}
