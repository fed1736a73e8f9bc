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
}

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
  trustProxy: false
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

function parseBoolean(key: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes)$/i.test(raw)) return true;
  if (/^(0|false|no)$/i.test(raw)) return false;
  throw new ConfigError(key, `expected true or false, got "${raw}"`);
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
    trustProxy: parseBoolean('TRUST_PROXY', env.TRUST_PROXY, DEFAULTS.trustProxy)
  };
}
