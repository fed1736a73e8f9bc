// `pnpm dev`: the sync server (restarting on change) and Vite's dev server with hot reload,
// which proxies /api, /sync and /healthz to it. Open http://localhost:5173.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = process.env.PORT ?? '3000';
const children = [
  spawn('pnpm', ['exec', 'tsx', 'watch', 'sync-server/src/main.ts'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PORT: port, PUBLIC_ORIGIN: process.env.PUBLIC_ORIGIN ?? `http://localhost:5173,http://localhost:${port}` }
  }),
  spawn('pnpm', ['--filter', '@atelier/web', 'dev'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ATELIER_DEV_SERVER: `http://127.0.0.1:${port}` }
  })
];
const stop = () => children.forEach((c) => c.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', stop);
