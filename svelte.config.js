// The real SvelteKit configuration for apps/web (re-exported from apps/web/svelte.config.js so
// every tool — kit, svelte-check, editors — finds the same one).
// Atelier is a client-only SPA: adapter-static writes a fallback page that the sync server
// serves for every app route, and the Workbox service worker precaches it for offline use.
import adapter from '@sveltejs/adapter-static';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  kit: {
    adapter: adapter({ pages: 'build', assets: 'build', fallback: 'index.html', precompress: true, strict: true }),
    // vite-pwa registers the Workbox worker itself (see apps/web/src/lib/pwa).
    serviceWorker: { register: false }
  }
};

export default config;
