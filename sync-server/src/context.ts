/**
 * What every part of the server shares: configuration, the database, the session store and the
 * access-change events. Built once by `startServer` (and by tests through it).
 */
import { AccessEvents } from './accounts/access-events';
import { SessionStore } from './accounts/sessions';
import type { AtelierConfig } from './config';
import type { SqliteDatabase } from './db/database';
import { StorageBusyGuard } from './db/storage-busy';
import { BlobReferences } from './files/blob-references';
import type { BlobStore } from './files/blob-store';
import { DiskBlobStore } from './files/disk-blob-store';
import { PasswordHashGate } from './http/password-hash-gate';
import { ExportPool } from './exports/export-pool';
import { CopStorage } from './storage/cop-storage';

export interface ServerContext {
  config: AtelierConfig;
  db: SqliteDatabase;
  events: AccessEvents;
  sessions: SessionStore;
  /** Contents of library files (content-addressed). */
  blobs: BlobStore;
  /** Links and unlinks blobs together with the file records that point at them. */
  blobRefs: BlobReferences;
  /** Keeps a database locked by another process from freezing the event loop. */
  storageBusy: StorageBusyGuard;
  /** Every password hash a request starts waits here for its turn (bounded CPU and memory). */
  passwordHashing: PasswordHashGate;
  /** Each COP's stored bytes (documents and files) against COP_STORAGE_QUOTA_BYTES. */
  storage: CopStorage;
  /** Cookies get Secure and the __Host- prefix when the first public origin is https. */
  secureCookies: boolean;
  /** Worker threads that build exports off the event loop (EXPORT_CONCURRENCY). */
  exports: ExportPool;
}

export function createContext(config: AtelierConfig, db: SqliteDatabase): ServerContext {
  const events = new AccessEvents();
  // Each open websocket listens for access changes; many sockets are normal, not a leak.
  events.setMaxListeners(0);
  const blobs = new DiskBlobStore(config.dataDir);
  return {
    config,
    db,
    events,
    sessions: new SessionStore(db, events),
    blobs,
    blobRefs: new BlobReferences(db, blobs),
    storageBusy: new StorageBusyGuard(db, config.dbBusyTimeoutMs),
    passwordHashing: new PasswordHashGate(config.passwordHashing),
    secureCookies: config.publicOrigins[0]?.startsWith('https:') ?? false,
    storage: new CopStorage(db, config.copStorageQuotaBytes),
    exports: new ExportPool(config.exportConcurrency, config.exportQueueLimit)
  };
}
