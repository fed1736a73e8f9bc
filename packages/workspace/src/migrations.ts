/**
 * Schema migrations of the workspace document, applied in place when it is opened (and again
 * after syncing, since an older client may have written the old layout meanwhile). Each step
 * detects the layout it upgrades rather than trusting the version number alone — a new empty
 * replica and an old one can disagree on `meta.schemaVersion` until they sync — and each is
 * deterministic, so two replicas migrating the same data offline converge to the same result.
 *
 * Deterministic here means more than "the same values": every nested Y type a step creates is
 * built through `replicaIdenticalUpdate`, under a client id derived from the change itself, so N
 * replicas migrating the same stored document create byte-identical structs and later edits into
 * them (minutes typed on two devices) all survive the merge. Values set directly on existing
 * types (the schema version) may be set by each replica: concurrent equal values lose nothing.
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
import { replicaIdenticalUpdate } from './replica-identical-update';

interface MigrationStep {
  to: number;
  /** True when the document still holds data in the layout this step upgrades. */
  applies(doc: Y.Doc): boolean;
  run(doc: Y.Doc): void;
}

const LEGACY_AGENDA = 'agenda';

/**
 * One agenda item as the migration writes it, read from the legacy array. Deliberately not
 * `AgendaItem`: a shipped migration must keep writing the v2 shape when the model grows.
 */
interface MigratedItem {
  id: string;
  title: string;
  presenter: string;
  plannedMinutes: number;
  order: string;
  notes: string;
  minutes: string;
}

/**
 * The items of one meeting's legacy agenda that the new map does not hold yet, with their order
 * keys: a pure function of the legacy array and of which ids are already migrated.
 */
function itemsToMigrate(legacy: Y.Array<unknown>, migrated: { has(id: string): boolean }): MigratedItem[] {
  const entries = legacy.toArray().filter((e): e is Y.Map<unknown> => e instanceof Y.Map && typeof e.get('id') === 'string');
  const keys = generateNKeysBetween(null, null, entries.length);
  const seen = new Set<string>();
  const out: MigratedItem[] = [];
  entries.forEach((old, i) => {
    const id = old.get('id') as string;
    if (migrated.has(id) || seen.has(id)) return;
    seen.add(id);
    const planned = old.get('plannedMinutes');
    out.push({
      id,
      title: String(old.get('title') ?? ''),
      presenter: String(old.get('presenter') ?? ''),
      plannedMinutes: typeof planned === 'number' && Number.isInteger(planned) && planned >= 0 ? planned : 0,
      order: keys[i]!,
      notes: textOf(old.get('notes')),
      minutes: textOf(old.get('minutes'))
    });
  });
  return out;
}

/**
 * The new agenda items, built so that every replica migrating the same legacy agenda creates the
 * very same structs (replica-identical-update.ts): two devices that upgrade offline and then type
 * into the same item's minutes type into one shared Y.Text, and both texts survive the merge.
 */
function migratedItemsUpdate(meetingId: string, items: readonly MigratedItem[]): Uint8Array {
  return replicaIdenticalUpdate((scratch) => {
    const map = agendaItemsMap(scratch);
    for (const it of items) {
      const item = new Y.Map<unknown>();
      item.set('meetingId', meetingId);
      item.set('title', it.title);
      item.set('presenter', it.presenter);
      item.set('plannedMinutes', it.plannedMinutes);
      item.set('order', it.order);
      item.set('notes', new Y.Text(it.notes));
      item.set('minutes', new Y.Text(it.minutes));
      map.set(it.id, item);
    }
  });
}

const agendaToOrderedMap: MigrationStep = {
  to: 2,
  applies: (doc) => [...meetingsMap(doc).values()].some((m) => m instanceof Y.Map && m.get(LEGACY_AGENDA) instanceof Y.Array),
  run(doc) {
    const legacyAgendas: Y.Map<unknown>[] = [];
    const updates: Uint8Array[] = [];
    for (const [meetingId, meeting] of meetingsMap(doc).entries()) {
      const legacy = meeting instanceof Y.Map ? meeting.get(LEGACY_AGENDA) : undefined;
      if (!(legacy instanceof Y.Array)) continue;
      legacyAgendas.push(meeting);
      const items = itemsToMigrate(legacy, agendaItemsMap(doc));
      if (items.length > 0) updates.push(migratedItemsUpdate(meetingId, items));
    }
    // Applied as what it is, a remote update (Yjs marks such a transaction non-local and would
    // take this device's own changes in it for a client-id clash): the local part comes after.
    if (updates.length > 0) Y.applyUpdate(doc, Y.mergeUpdates(updates), MIGRATION_CHANGE);
    // Deleting creates no struct (only a delete-set entry), so replicas deleting it agree too.
    doc.transact(() => {
      for (const meeting of legacyAgendas) meeting.delete(LEGACY_AGENDA);
    }, MIGRATION_CHANGE);
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
 * Upgrades the document to SCHEMA_VERSION (every transaction with origin MIGRATION_CHANGE).
 * Returns the steps that ran. Refuses nothing: a document from a newer Atelier is left as is.
 */
export function migrateWorkspace(doc: Y.Doc): number[] {
  const ran: number[] = [];
  for (const step of STEPS) {
    if (step.applies(doc)) {
      step.run(doc);
      ran.push(step.to);
    }
  }
  if (hasContent(doc) && schemaVersionOf(doc) < SCHEMA_VERSION) {
    doc.transact(() => metaMap(doc).set('schemaVersion', SCHEMA_VERSION), MIGRATION_CHANGE);
  }
  return ran;
}

/** True when this document was written by a newer Atelier than this one. */
export function isFromNewerVersion(doc: Y.Doc): boolean {
  return schemaVersionOf(doc) > SCHEMA_VERSION;
}
