// The Paraglide compiler options, in one place: the Vite plugin (dev and build) and
// `scripts/compile-messages.mjs` (`pnpm check`, which runs no Vite) compile the same messages.
/** @type {{ project: string; outdir: string; strategy: ('localStorage' | 'preferredLanguage' | 'baseLocale')[] }} */
export const paraglideOptions = {
  project: './project.inlang',
  outdir: './src/lib/paraglide',
  // Remembered on the device first, then the browser's language, then English.
  strategy: ['localStorage', 'preferredLanguage', 'baseLocale']
};
