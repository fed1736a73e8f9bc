/**
 * Server configuration: every setting has its default in `DEFAULTS`, the environment is merged
 * over it, and a bad value throws a ConfigError that names the variable and what it expects.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface AtelierConfig {
  /** Interface to listen on. */
  host: string;
  /** TCP port; 0 picks a free one (tests). */
  port: number;
  /** Folder for the embedded SQLite database and other data. */
  dataDir: string;
  /** Browser origins allowed to call the API and open websockets. */
  publicOrigins: string[];
  /** Folder holding the built web app (adapter-static output). */
  webRoot: string;
  /** Trust `X-Forwarded-For` for the client address (only behind a proxy you run). */
  trustProxy: boolean;
  /**
   * VENUE_TLS_CERT / VENUE_TLS_KEY: PEM files a venue hub serves https/wss with (docs/venue.md);
   * both or neither. Null: plain http.
   */
  venueTls: { certFile: string; keyFile: string } | null;
  /** Limits and timings of the sync websockets (see docs/sync.md). */
  sync: SyncSettings;
  /**
   * SYNC_FREE_FORM_DOCUMENTS: serve documents of any well-formed name under a COP, listed in its
   * workspace or not (the behaviour before listings were checked; for other clients and tests).
   */
  freeFormDocuments: boolean;
  /** COP_STORAGE_QUOTA_BYTES: what one COP's documents and library files may take together. */
  copStorageQuotaBytes: number;
  /** Largest file a COP library accepts (MAX_UPLOAD_BYTES); larger uploads get 413. */
  maxUploadBytes: number;
  /**
   * How long a statement on the main database connection waits for a write lock held elsewhere
   * (DB_BUSY_TIMEOUT_MS) before the request is answered 503; the wait blocks the event loop.
   */
  dbBusyTimeoutMs: number;
  /** Bounds on password hashing started by requests (see docs/api.md, "Sign-in bursts"). */
  passwordHashing: PasswordHashingSettings;
  /** Exports (DOCX, records zip) built at once, each on a worker thread (EXPORT_CONCURRENCY). */
  exportConcurrency: number;
  /** Exports waiting for a worker beyond which new ones get 503 + Retry-After (EXPORT_QUEUE_LIMIT). */
  exportQueueLimit: number;
}

/** How much password hashing requests may start; each scrypt holds 128 MiB while it runs. */
export interface PasswordHashingSettings {
  /** Hashes running at once (SIGN_IN_HASH_CONCURRENCY). */
  concurrency: number;
  /** Hashes waiting for a turn, over all addresses (SIGN_IN_HASH_QUEUE); more get 429. */
  queue: number;
  /** Hashes running or waiting for one client address (SIGN_IN_HASH_PER_ADDRESS); more get 429. */
  perAddress: number;
}

export const PASSWORD_HASHING_ENV = {
  concurrency: 'SIGN_IN_HASH_CONCURRENCY',
  queue: 'SIGN_IN_HASH_QUEUE',
  perAddress: 'SIGN_IN_HASH_PER_ADDRESS'
} as const satisfies Record<keyof PasswordHashingSettings, string>;

export const PASSWORD_HASHING_DEFAULTS: Readonly<PasswordHashingSettings> = {
  // Two at once: 256 MiB at most, and two of libuv's four threads stay free for file reads.
  concurrency: 2,
  // About three seconds of waiting at 0.4 s a hash: a venue signing in together still gets in.
  queue: 16,
  // One address (or a NAT) cannot take the whole queue from everyone else.
  perAddress: 4
};

/** Sync websocket settings; each has an environment variable named in SYNC_ENV. */
export interface SyncSettings {
  /** Largest websocket frame accepted; larger ones close the socket with 1009. */
  maxFrameBytes: number;
  /** Largest a stored document may grow; updates beyond it close the sender with 4413. */
  maxDocumentBytes: number;
  /**
   * Bytes of updates waiting for predecessors that have not arrived, one socket may park in a
   * document (honest clients park none: the server relays every update they build on).
   */
  maxWaitingBytesPerSocket: number;
  /** The same, for all sockets of one document together. */
  maxWaitingBytesPerDocument: number;
  /**
   * How long a socket to a note or protocol its COP's workspace does not list waits for the
   * listing (a client creating a note opens its document at once) before it is closed with 4404.
   */
  unlistedWaitMs: number;
  /** Sustained messages per second per socket (bursts of twice this pass); faster readers are paused. */
  maxMessagesPerSecond: number;
  /** Sustained bytes per second per socket (bursts of twice this, at least one frame, pass). */
  maxBytesPerSecond: number;
  /** Bytes queued for a slow reader before its socket is closed with 4508. */
  maxBufferedBytes: number;
  /** Open sync sockets per account; more close with 4429. */
  maxSocketsPerUser: number;
  /** Ping every socket this often; one that has not answered the previous ping is dropped. */
  pingIntervalMs: number;
  /** Keep a document in memory this long after its last client leaves. */
  unloadDelayMs: number;
  /** Compact a document once this many updates were appended since the last compaction. */
  compactAfterUpdates: number;
  /**
   * Under load, commits to storage start at most this often; updates arriving meanwhile join
   * the next commit (and wait for it before being relayed). An idle server commits at once.
   */
  commitIntervalMs: number;
  /**
   * Awareness client ids one socket may own; presence for more is refused (and a socket that
   * keeps claiming more is closed with 4430).
   */
  maxAwarenessIdsPerSocket: number;
  /** Largest awareness (presence) message; larger ones close the socket with 4431. */
  maxAwarenessBytes: number;
}

/** The environment variable of each sync setting. */
export const SYNC_ENV = {
  maxFrameBytes: 'SYNC_MAX_FRAME_BYTES',
  maxDocumentBytes: 'SYNC_MAX_DOCUMENT_BYTES',
  maxWaitingBytesPerSocket: 'SYNC_MAX_WAITING_BYTES_PER_SOCKET',
  maxWaitingBytesPerDocument: 'SYNC_MAX_WAITING_BYTES_PER_DOCUMENT',
  unlistedWaitMs: 'SYNC_UNLISTED_WAIT_MS',
  maxMessagesPerSecond: 'SYNC_MAX_MESSAGES_PER_SECOND',
  maxBytesPerSecond: 'SYNC_MAX_BYTES_PER_SECOND',
  maxBufferedBytes: 'SYNC_MAX_BUFFERED_BYTES',
  maxSocketsPerUser: 'SYNC_MAX_SOCKETS_PER_USER',
  pingIntervalMs: 'SYNC_PING_INTERVAL_MS',
  unloadDelayMs: 'SYNC_UNLOAD_DELAY_MS',
  compactAfterUpdates: 'SYNC_COMPACT_AFTER_UPDATES',
  commitIntervalMs: 'SYNC_COMMIT_INTERVAL_MS',
  maxAwarenessIdsPerSocket: 'SYNC_MAX_AWARENESS_IDS_PER_SOCKET',
  maxAwarenessBytes: 'SYNC_MAX_AWARENESS_BYTES'
} as const satisfies Record<keyof SyncSettings, string>;

const MiB = 1024 * 1024;

export const SYNC_DEFAULTS: Readonly<SyncSettings> = {
  maxFrameBytes: 1 * MiB,
  // A COP's notes are text; 32 MiB compacted is far beyond any real one and bounds memory.
  maxDocumentBytes: 32 * MiB,
  // Waiting updates are a sign of a lost or forged predecessor; a little room covers a device
  // whose earlier update is still on its way, and they also count toward the document limit.
  maxWaitingBytesPerSocket: 1 * MiB,
  maxWaitingBytesPerDocument: 4 * MiB,
  // The creating client sends the listing first, on its open workspace socket; seconds cover a
  // slow venue network, and a refused name waits this long for nothing.
  unlistedWaitMs: 5_000,
  // The contract asks for bursts of 2,000 updates a second into one document from a few sockets.
  maxMessagesPerSecond: 1000,
  maxBytesPerSecond: 4 * MiB,
  // Several full-document replies fit; a reader further behind than this resyncs on reconnect.
  maxBufferedBytes: 16 * MiB,
  // The contract asks for at least 100 open sockets per account (many tabs × documents).
  maxSocketsPerUser: 200,
  // Well under the 60 s idle timeouts of common proxies and load balancers.
  pingIntervalMs: 30_000,
  // Long enough that a page reload finds the document still in memory.
  unloadDelayMs: 30_000,
  compactAfterUpdates: 1000,
  // Each commit waits for an fsync; pacing them bounds the fsyncs a second under load.
  commitIntervalMs: 5,
  // A stock client announces one id per document (its Y.Doc's); the rest is slack.
  maxAwarenessIdsPerSocket: 4,
  // A cursor and a name take ~300 bytes; the stock client echoes the states of everyone who
  // changed at once, so 64 KiB is a room of ~200 people moving together.
  maxAwarenessBytes: 64 * 1024
};

export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    readonly key: string,
    message: string
  ) {
    super(`${key}: ${message}`);
  }
}

const here = fileURLToPath(new URL('.', import.meta.url));

export const DEFAULTS = {
  host: '127.0.0.1',
  port: 3000,
  dataDir: './data',
  webRoot: resolve(here, '../../apps/web/build'),
  trustProxy: false,
  // Slide decks and reports: 25 MB covers nearly all, and a venue's network can carry it.
  maxUploadBytes: 25 * 1000 * 1000,
  // Covers the sync writer thread's own commits (an fsync, 0.4-5 ms, a large batch some tens of
  // ms) while keeping a lock held by another process from freezing the event loop for longer.
  dbBusyTimeoutMs: 100,
  // Two workers: a large export takes a core for seconds, and the event loop keeps the other.
  exportConcurrency: 2,
  // A queue of a few dozen is minutes of work at most; beyond it, asking again later is better.
  exportQueueLimit: 32,
  // Forty full-size uploads and hundreds of long notes; a handful of COPs fit a small server's disk.
  copStorageQuotaBytes: 1000 * 1000 * 1000
} as const;

type Env = Record<string, string | undefined>;

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULTS.port;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError('PORT', `expected a whole number from 0 to 65535, got "${raw}"`);
  const port = Number(raw);
  if (port > 65535) throw new ConfigError('PORT', `expected a whole number from 0 to 65535, got "${raw}"`);
  return port;
}

function parseOrigins(raw: string | undefined, port: number): string[] {
  if (raw === undefined || raw.trim() === '') return [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
  return raw.split(',').map((entry) => {
    const value = entry.trim();
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new ConfigError('PUBLIC_ORIGIN', `"${value}" is not an origin like https://atelier.example.ca`);
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== value.replace(/\/$/, '')) {
      throw new ConfigError('PUBLIC_ORIGIN', `"${value}" is not an origin like https://atelier.example.ca`);
    }
    return url.origin;
  });
}

function parseSyncSetting(key: keyof SyncSettings, env: Env): number {
  const name = SYNC_ENV[key];
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return SYNC_DEFAULTS[key];
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < 1 || !Number.isSafeInteger(Number(raw))) {
    throw new ConfigError(name, `expected a whole number of at least 1, got "${raw}"`);
  }
  return Number(raw);
}

function parseSyncSettings(env: Env): SyncSettings {
  const settings = Object.fromEntries(
    (Object.keys(SYNC_ENV) as (keyof SyncSettings)[]).map((key) => [key, parseSyncSetting(key, env)])
  ) as unknown as SyncSettings;
  if (settings.maxBufferedBytes < settings.maxFrameBytes) {
    throw new ConfigError(SYNC_ENV.maxBufferedBytes, `must be at least ${SYNC_ENV.maxFrameBytes} (${settings.maxFrameBytes})`);
  }
  return settings;
}

function parsePositiveInteger(key: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(Number(raw)) || Number(raw) < 1) {
    throw new ConfigError(key, `expected a whole number of at least 1, got "${raw}"`);
  }
  return Number(raw);
}

function parseBoolean(key: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes)$/i.test(raw)) return true;
  if (/^(0|false|no)$/i.test(raw)) return false;
  throw new ConfigError(key, `expected true or false, got "${raw}"`);
}

function parsePasswordHashing(env: Env): PasswordHashingSettings {
  return Object.fromEntries(
    (Object.keys(PASSWORD_HASHING_ENV) as (keyof PasswordHashingSettings)[]).map((key) => [
      key,
      parsePositiveInteger(PASSWORD_HASHING_ENV[key], env[PASSWORD_HASHING_ENV[key]], PASSWORD_HASHING_DEFAULTS[key])
    ])
  ) as unknown as PasswordHashingSettings;
}

function parseVenueTls(env: Env): AtelierConfig['venueTls'] {
  const certFile = env.VENUE_TLS_CERT?.trim();
  const keyFile = env.VENUE_TLS_KEY?.trim();
  if (!certFile && !keyFile) return null;
  if (!certFile) throw new ConfigError('VENUE_TLS_CERT', 'is required with VENUE_TLS_KEY (the certificate, PEM)');
  if (!keyFile) throw new ConfigError('VENUE_TLS_KEY', 'is required with VENUE_TLS_CERT (its private key, PEM)');
  return { certFile: resolve(certFile), keyFile: resolve(keyFile) };
}

/** Reads the configuration from an environment (defaults to `process.env`). */
export function loadConfig(env: Env = process.env): AtelierConfig {
  const port = parsePort(env.PORT);
  const host = env.HOST?.trim() || DEFAULTS.host;
  return {
    host,
    port,
    dataDir: resolve(env.DATA_DIR?.trim() || DEFAULTS.dataDir),
    publicOrigins: parseOrigins(env.PUBLIC_ORIGIN, port),
    webRoot: resolve(env.ATELIER_WEB_ROOT?.trim() || DEFAULTS.webRoot),
    trustProxy: parseBoolean('TRUST_PROXY', env.TRUST_PROXY, DEFAULTS.trustProxy),
    venueTls: parseVenueTls(env),
    freeFormDocuments: parseBoolean('SYNC_FREE_FORM_DOCUMENTS', env.SYNC_FREE_FORM_DOCUMENTS, false),
    sync: parseSyncSettings(env),
    maxUploadBytes: parsePositiveInteger('MAX_UPLOAD_BYTES', env.MAX_UPLOAD_BYTES, DEFAULTS.maxUploadBytes),
    dbBusyTimeoutMs: parsePositiveInteger('DB_BUSY_TIMEOUT_MS', env.DB_BUSY_TIMEOUT_MS, DEFAULTS.dbBusyTimeoutMs),
    passwordHashing: parsePasswordHashing(env),
    exportConcurrency: parsePositiveInteger('EXPORT_CONCURRENCY', env.EXPORT_CONCURRENCY, DEFAULTS.exportConcurrency),
    exportQueueLimit: parsePositiveInteger('EXPORT_QUEUE_LIMIT', env.EXPORT_QUEUE_LIMIT, DEFAULTS.exportQueueLimit),
    copStorageQuotaBytes: parsePositiveInteger('COP_STORAGE_QUOTA_BYTES', env.COP_STORAGE_QUOTA_BYTES, DEFAULTS.copStorageQuotaBytes)
  };
}
