/**
 * Transaction origins: every change to a workspace document says where it came from, so undo
 * managers track only local edits and observers can tell a migration from a person's edit.
 */
export interface ChangeOrigin {
  readonly kind: 'local' | 'migration';
}

/** A change made by the person using this device. */
export const LOCAL_CHANGE: ChangeOrigin = Object.freeze({ kind: 'local' });
/** A schema upgrade applied when an older document is opened. */
export const MIGRATION_CHANGE: ChangeOrigin = Object.freeze({ kind: 'migration' });
