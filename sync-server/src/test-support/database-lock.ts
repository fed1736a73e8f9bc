/**
 * Test harness: another process that takes the database's write lock (`BEGIN EXCLUSIVE`) and
 * holds it, as a backup tool, an admin command or a stuck script would. A separate process, so
 * its wait is not the server's event loop.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const HOLDER = `
const Database = require(process.argv[1]);
const db = new Database(process.argv[2]);
db.exec('BEGIN EXCLUSIVE');
process.stdout.write('locked\\n');
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(process.argv[3]));
db.exec('COMMIT');
db.close();
process.stdout.write('released\\n');
`;

export interface HeldLock {
  /** Resolves when the other process has committed and let go of the lock. */
  released: Promise<void>;
}

/** Resolves once another process holds the write lock of `file`; it lets go after `ms`. */
export function holdExclusiveLock(file: string, ms: number): Promise<HeldLock> {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const child = spawn(process.execPath, ['-e', HOLDER, driver, file, String(ms)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  let onLocked!: () => void;
  const locked = new Promise<void>((resolve) => (onLocked = resolve));
  const released = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('locked\n')) onLocked();
      if (output.includes('released\n')) resolve();
    });
    child.on('exit', (code) => (output.includes('released\n') ? resolve() : reject(new Error(`lock holder exited with ${code}`))));
  });
  return Promise.race([locked.then(() => ({ released })), released.then(() => ({ released }))]);
}
