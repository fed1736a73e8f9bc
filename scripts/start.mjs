// `pnpm start`: build the web app and the server bundle if missing or older than their sources,
// then run the server in this process (so SIGTERM reaches it directly and it exits 0 after
// flushing). Production runs plain JavaScript: no TypeScript loader in memory.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const web = join(root, 'apps/web');
const shell = join(web, 'build/index.html');

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'paraglide') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

const sources = ['src', 'static', 'messages', 'vite.config.ts', 'pwa-assets.config.ts', 'project.inlang'].map((p) =>
  join(web, p)
);
const built = existsSync(shell) ? statSync(shell).mtimeMs : 0;
const stale = sources.some((p) => newestMtime(p) > built) || newestMtime(join(root, 'packages')) > built;

if (!built || stale || process.env.ATELIER_REBUILD) {
  console.log(built ? 'Web app sources changed: rebuilding…' : 'Building the web app (first start)…');
  const result = spawnSync('pnpm', ['--filter', '@atelier/web', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('The web app build failed; not starting.');
    process.exit(result.status ?? 1);
  }
}

const serverBundle = join(root, 'sync-server/dist/main.js');
// The export worker is bundled beside the server; a bundle missing either file is rebuilt.
const bundles = [serverBundle, join(root, 'sync-server/dist/export-worker.js')];
const serverBuilt = bundles.every((b) => existsSync(b)) ? Math.min(...bundles.map((b) => statSync(b).mtimeMs)) : 0;
const serverSources = [join(root, 'sync-server/src'), join(root, 'packages'), join(root, 'sync-server/package.json')];
if (!serverBuilt || serverSources.some((p) => newestMtime(p) > serverBuilt) || process.env.ATELIER_REBUILD) {
  const result = spawnSync('node', ['scripts/build-server.mjs'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('The server build failed; not starting.');
    process.exit(result.status ?? 1);
  }
}

await import(serverBundle);
