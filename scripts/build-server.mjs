// Bundles the sync server to sync-server/dist/main.js (and its export worker to dist/export-worker.js) so `pnpm start` runs plain JavaScript
// (no TypeScript loader in production: less memory, faster start). The server's own npm
// dependencies stay external (resolved from sync-server/node_modules at run time, one copy of
// yjs); the workspace packages and what only they depend on are bundled in.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}sync-server/package.json`, 'utf8'));
const external = Object.keys(pkg.dependencies).filter((name) => !name.startsWith('@atelier/'));
const isExternal = (path) => external.some((name) => path === name || path.startsWith(`${name}/`));

// Two entries: the server, and the export worker it starts beside itself
// (sync-server/src/exports/export-pool.ts loads `dist/export-worker.js`).
await build({
  entryPoints: {
    main: `${root}sync-server/src/main.ts`,
    'export-worker': `${root}sync-server/src/exports/export-worker.ts`
  },
  outdir: `${root}sync-server/dist`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // Bundled CommonJS code may call require(); give the ES module one.
  banner: { js: "import { createRequire as __atelierCreateRequire } from 'node:module'; const require = __atelierCreateRequire(import.meta.url);" },
  plugins: [
    {
      name: 'server-dependencies-stay-external',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) => (isExternal(args.path) ? { path: args.path, external: true } : undefined));
      }
    }
  ]
});
