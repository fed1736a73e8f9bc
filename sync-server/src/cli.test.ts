// The admin command, run as operators run it: a child process on a DATA_DIR, server up or not.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from './test-support/test-server';

const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
// seed-demo hashes thirteen passwords (memory-hard, slow on purpose) and writes a programme.
const run = (dataDir: string, ...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { env: { ...process.env, DATA_DIR: dataDir }, encoding: 'utf8', timeout: 150_000 });

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.dispose());

describe('pnpm atelier create-manager', () => {
  it('creates a programme manager while the server runs, who can then sign in', async () => {
    const result = run(server.dataDir, 'create-manager', '--email', 'Chief@Example.ca', '--password', 'a long passphrase', '--name', 'Chief Manager');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Created programme manager Chief Manager/);
    expect(result.stdout + result.stderr).not.toContain('a long passphrase');
    const res = await api(server, '/api/auth/sign-in', { body: { email: 'chief@example.ca', password: 'a long passphrase' } });
    expect(res.status).toBe(200);
    expect(res.json.user.isManager).toBe(true);
  });

  it('exits non-zero with a clear message when the email exists or input is bad', () => {
    const dup = run(server.dataDir, 'create-manager', '--email', 'chief@example.ca', '--password', 'another passphrase', '--name', 'Dup');
    expect(dup.status).not.toBe(0);
    expect(dup.stderr).toMatch(/already exists/);
    const bad = run(server.dataDir, 'create-manager', '--email', 'not-an-email', '--password', 'a long passphrase', '--name', 'X');
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/--email: must be an email address/);
    const short = run(server.dataDir, 'create-manager', '--email', 'ok@example.ca', '--password', 'short', '--name', 'X');
    expect(short.stderr).toMatch(/--password: must be at least 10 characters/);
    const missing = run(server.dataDir, 'create-manager', '--email', 'ok@example.ca');
    expect(missing.status).not.toBe(0);
    const unknown = run(server.dataDir, 'frobnicate');
    expect(unknown.stderr).toMatch(/Unknown command "frobnicate"/);
  });
});

describe('pnpm atelier seed-demo', () => {
  it('writes three COPs, one in French, with members, and changes nothing when run again', async () => {
    const first = run(server.dataDir, 'seed-demo');
    expect(first.status, first.stderr).toBe(0);
    const again = run(server.dataDir, 'seed-demo');
    expect(again.stdout).toMatch(/already there/);
    const signIn = await api(server, '/api/auth/sign-in', { body: { email: 'helene@demo.atelier.test', password: 'atelier-demo-2026' } });
    const cookie = signIn.headers.getSetCookie()[0]!.split(';')[0];
    const cops = (await api(server, '/api/cops', { cookie })).json as { language: string; memberCount: number }[];
    expect(cops).toHaveLength(3);
    expect(cops.filter((c) => c.language === 'fr')).toHaveLength(1);
    expect(cops.every((c) => c.memberCount >= 5)).toBe(true);
  }, 320_000);
});
