// Vite config for the Atelier SPA: SvelteKit, Paraglide (en/fr messages compiled to JS) and the
// Workbox service worker + web manifest from @vite-pwa/sveltekit.
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { defineConfig } from 'vite';
import { paraglideOptions } from './paraglide.options.js';
import { webManifest } from './src/lib/pwa/web-manifest';

/** The sync server the dev server proxies to (see README, "Develop"). */
const syncServer = process.env.ATELIER_DEV_SERVER ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [
    paraglideVitePlugin(paraglideOptions),
    sveltekit(),
    SvelteKitPWA({
      // SvelteKit builds with a relative Vite base ('./'): without these the worker would be
      // registered as ./sw.js relative to a deep link (/join/… → /join/sw.js, a 404).
      base: '/',
      scope: '/',
      registerType: 'prompt',
      injectRegister: false,
      manifest: webManifest,
      manifestFilename: 'manifest.webmanifest',
      pwaAssets: { config: true, overrideManifestIcons: true, injectThemeColor: false },
      kit: { adapterFallback: 'index.html', spa: true },
      workbox: {
        // The very first visit installs the worker; claiming the page then lets that same visit
        // work offline. Later versions wait for the user's "Reload" (registerType: 'prompt').
        clientsClaim: true,
        globPatterns: ['client/**/*.{js,css,ico,png,svg,webp,woff,woff2,webmanifest}'],
        navigateFallbackDenylist: [/^\/api\//, /^\/sync\//, /^\/healthz/],
        // COP library files kept on the device ("Keep on this device", $lib/library/kept-files):
        // the app puts them in 'atelier-files'; the worker answers from there first and never
        // adds anything itself (cacheWillUpdate → null), so only the files people chose are kept.
        runtimeCaching: [
          // The connection probe: when the device has no network at all, the worker answers for the
          // server (200, `x-atelier-no-network`), so the page can say "offline" — Chromium keeps
          // navigator.onLine true after an offline reload — without a failed request in its console.
          {
            urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname === '/healthz',
            handler: 'NetworkOnly',
            method: 'GET',
            options: {
              plugins: [
                {
                  handlerDidError: async () =>
                    new Response('{"status":"no-network"}', { status: 200, headers: { 'content-type': 'application/json', 'x-atelier-no-network': '1' } })
                }
              ]
            }
          },
          {
            urlPattern: ({ url, sameOrigin }) => sameOrigin && /^\/api\/cops\/[^/]+\/files\/[^/]+$/.test(url.pathname),
            handler: 'CacheFirst',
            method: 'GET',
            options: {
              cacheName: 'atelier-files',
              matchOptions: { ignoreVary: true },
              rangeRequests: true,
              plugins: [{ cacheWillUpdate: async () => null }]
            }
          }
        ]
      },
      devOptions: { enabled: false }
    })
  ],
  server: {
    proxy: {
      '/api': syncServer,
      '/healthz': syncServer,
      '/sync': { target: syncServer.replace(/^http/, 'ws'), ws: true }
    }
  }
});
