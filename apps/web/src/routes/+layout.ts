// Atelier is a client-only SPA: the server never renders pages, the service worker serves the shell.
export const ssr = false;
export const prerender = false;
