/**
 * Test harness for venue hubs: `pnpm atelier …` as a child process that does not block the test's
 * event loop (which may be serving central), and `venue start` as a child hub on its own address.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../cli.ts', import.meta.url));

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(env: Record<string, string>, ...args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

export async function freePort(host = '127.0.0.1'): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, host, resolve));
  const port = (probe.address() as { port: number }).port;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

export interface ChildHub {
  url: string;
  wsUrl: string;
  process: ChildProcess;
  health(): Promise<any>;
  /** SIGTERM and wait for the exit (code returned). */
  stop(): Promise<number | null>;
  kill(): Promise<void>;
}

/** `venue start` on DATA_DIR `dataDir`, listening on `host` (e.g. 127.0.0.2). */
export async function startChildHub(dataDir: string, env: Record<string, string> = {}, host = '127.0.0.2'): Promise<ChildHub> {
  const port = await freePort(host);
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'venue', 'start'], {
    env: { ...process.env, DATA_DIR: dataDir, HOST: host, PORT: String(port), ATELIER_QUIET: '1', ...env },
    stdio: ['ignore', 'ignore', 'inherit']
  });
  const scheme = env.VENUE_TLS_CERT ? 'https' : 'http';
  const url = `${scheme}://${host}:${port}`;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const health = async () => (await fetch(`${url}/healthz`)).json();
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      if (scheme === 'http' && (await fetch(`${url}/healthz`)).ok) break;
      if (scheme === 'https') break; // the caller checks https itself (self-signed)
    } catch {
      // Not listening yet.
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('the hub did not start');
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    wsUrl: `${scheme === 'https' ? 'wss' : 'ws'}://${host}:${port}/sync`,
    process: child,
    health,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
    async kill() {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    }
  };
}
