/**
 * Test harness: `pnpm start`'s server entry as a child process, for tests that measure the
 * server's own memory (its RSS and peak from /proc, apart from the test's) or kill it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));

export interface ChildServer {
  url: string;
  port: number;
  process: ChildProcess;
  dataDir: string;
  /** Resident memory now, in bytes. */
  rss(): number;
  /** Highest resident memory since the last `resetPeak()` (or start), in bytes. */
  peakRss(): number;
  /** Starts a new peak from the current RSS (Linux clear_refs 5). */
  resetPeak(): void;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as { port: number }).port;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

function statusKiB(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith(`${field}:`));
  if (!line) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Number(line.replace(/\D+/g, ''));
}

export async function startChildServer(env: Record<string, string> = {}): Promise<ChildServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'atelier-child-'));
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    // Flood and kill tests open notes the workspace does not list; listing is tested on its own.
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ATELIER_QUIET: '1', SYNC_FREE_FORM_DOCUMENTS: 'true', ...env },
    stdio: ['ignore', 'ignore', 'inherit']
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error('the server did not start');
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const pid = child.pid!;
  return {
    url,
    port,
    process: child,
    dataDir,
    rss: () => statusKiB(pid, 'VmRSS') * 1024,
    peakRss: () => statusKiB(pid, 'VmHWM') * 1024,
    resetPeak: () => writeFileSync(`/proc/${pid}/clear_refs`, '5'),
    stop
  };
}
