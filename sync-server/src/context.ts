/**
 * What every part of the server shares: configuration, the database, the session store and the
 * access-change events. Built once by `startServer` (and by tests through it).
 */
import { AccessEvents } from './accounts/access-events';
import { SessionStore } from './accounts/sessions';
import type { AtelierConfig } from './config';
import type { SqliteDatabase } from './db/database';
import type { BlobStore } from './files/blob-store';
import { DiskBlobStore } from './files/disk-blob-store';
import { CopStorage } from './storage/cop-storage';

export interface ServerContext {
  config: AtelierConfig;
  db: SqliteDatabase;
  events: AccessEvents;
  sessions: SessionStore;
  /** Contents of library files (content-addressed). */
  blobs: BlobStore;
  /** Each COP's stored bytes (documents and files) against COP_STORAGE_QUOTA_BYTES. */
  storage: CopStorage;
  /** Cookies get Secure and the __Host- prefix when the first public origin is https. */
  secureCookies: boolean;
}

export function createContext(config: AtelierConfig, db: SqliteDatabase): ServerContext {
  const events = new AccessEvents();
  // Each open websocket listens for access changes; many sockets are normal, not a leak.
  events.setMaxListeners(0);
  return {
    config,
    db,
    events,
    sessions: new SessionStore(db, events),
    blobs: new DiskBlobStore(config.dataDir),
    storage: new CopStorage(db, config.copStorageQuotaBytes),
    secureCookies: config.publicOrigins[0]?.startsWith('https:') ?? false
  };
}
