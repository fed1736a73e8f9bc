import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, PASSWORD_HASHING_DEFAULTS, SYNC_DEFAULTS } from './config';

describe('loadConfig', () => {
  it('uses the documented defaults on an empty environment', () => {
    const config = loadConfig({});
    expect(config.host).toBe('127.0.0.1');
    expect(config.port).toBe(3000);
    expect(config.dataDir).toMatch(/\/data$/);
    expect(config.publicOrigins).toEqual(['http://localhost:3000', 'http://127.0.0.1:3000']);
  });

  it('derives the default origins from PORT', () => {
    expect(loadConfig({ PORT: '8080' }).publicOrigins).toEqual(['http://localhost:8080', 'http://127.0.0.1:8080']);
  });

  it('reads a comma-separated PUBLIC_ORIGIN list', () => {
    const config = loadConfig({ PUBLIC_ORIGIN: 'https://atelier.example.ca, http://localhost:5173' });
    expect(config.publicOrigins).toEqual(['https://atelier.example.ca', 'http://localhost:5173']);
  });

  it.each(['abc', '-1', '70000', '3000x', '1.5'])('refuses PORT=%s with an error naming PORT', (port) => {
    expect(() => loadConfig({ PORT: port })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: port })).toThrow(/^PORT: expected a whole number/);
  });

  it('refuses an origin that is not an origin', () => {
    expect(() => loadConfig({ PUBLIC_ORIGIN: 'atelier.example.ca' })).toThrow(/^PUBLIC_ORIGIN:/);
    expect(() => loadConfig({ PUBLIC_ORIGIN: 'https://a.example.ca/path' })).toThrow(/^PUBLIC_ORIGIN:/);
  });
});

describe('sync settings', () => {
  it('default to a 1 MiB frame limit and room for 100 sockets per account and 2,000-update bursts', () => {
    const { sync } = loadConfig({});
    expect(sync).toEqual(SYNC_DEFAULTS);
    expect(sync.maxFrameBytes).toBe(1024 * 1024);
    expect(sync.maxSocketsPerUser).toBeGreaterThanOrEqual(100);
    expect(sync.maxMessagesPerSecond * 2).toBeGreaterThanOrEqual(2000);
  });

  it('reads each setting from its SYNC_ variable', () => {
    const { sync } = loadConfig({ SYNC_MAX_FRAME_BYTES: '2048', SYNC_UNLOAD_DELAY_MS: '5', SYNC_COMPACT_AFTER_UPDATES: '10', SYNC_MAX_BUFFERED_BYTES: '4096' });
    expect(sync).toMatchObject({ maxFrameBytes: 2048, unloadDelayMs: 5, compactAfterUpdates: 10, maxBufferedBytes: 4096 });
  });

  it.each(['0', '-5', '1.5', 'lots'])('refuses SYNC_MAX_FRAME_BYTES=%s with an error naming it', (value) => {
    expect(() => loadConfig({ SYNC_MAX_FRAME_BYTES: value })).toThrow(/^SYNC_MAX_FRAME_BYTES: expected a whole number/);
  });

  it('refuses a buffered-bytes cap smaller than one frame', () => {
    expect(() => loadConfig({ SYNC_MAX_FRAME_BYTES: '4096', SYNC_MAX_BUFFERED_BYTES: '100' })).toThrow(/^SYNC_MAX_BUFFERED_BYTES:/);
  });
});

describe('password hashing settings', () => {
  it('default to 2 hashes at once (256 MiB), 16 waiting and 4 places per address', () => {
    expect(loadConfig({}).passwordHashing).toEqual(PASSWORD_HASHING_DEFAULTS);
    expect(PASSWORD_HASHING_DEFAULTS).toEqual({ concurrency: 2, queue: 16, perAddress: 4 });
  });

  it('reads SIGN_IN_HASH_CONCURRENCY, SIGN_IN_HASH_QUEUE and SIGN_IN_HASH_PER_ADDRESS', () => {
    const env = { SIGN_IN_HASH_CONCURRENCY: '3', SIGN_IN_HASH_QUEUE: '40', SIGN_IN_HASH_PER_ADDRESS: '8' };
    expect(loadConfig(env).passwordHashing).toEqual({ concurrency: 3, queue: 40, perAddress: 8 });
  });

  it.each(['0', '-1', 'two'])('refuses SIGN_IN_HASH_QUEUE=%s with an error naming it', (value) => {
    expect(() => loadConfig({ SIGN_IN_HASH_QUEUE: value })).toThrow(/^SIGN_IN_HASH_QUEUE: expected a whole number/);
  });
});

describe('starting with a bad configuration', () => {
  it('exits non-zero with a message that names the bad variable', () => {
    const main = fileURLToPath(new URL('./main.ts', import.meta.url));
    const result = spawnSync(process.execPath, ['--import', 'tsx', main], {
      env: { ...process.env, PORT: 'not-a-port' },
      encoding: 'utf8',
      timeout: 20_000
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('PORT: expected a whole number from 0 to 65535, got "not-a-port"');
  });
});
