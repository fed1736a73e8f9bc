// The web app manifest. The format has one `lang` per manifest, so English is primary and the
// French name and description ride in `translations` (read by browsers that support it).
import type { ManifestOptions } from 'vite-plugin-pwa';

export const THEME_COLOR = '#0b5566';
export const BACKGROUND_COLOR = '#f7f6f2';

export const webManifest: Partial<ManifestOptions> & Record<string, unknown> = {
  id: '/',
  name: 'Atelier',
  short_name: 'Atelier',
  description:
    'A workspace for public-sector Communities of Practice: meetings, shared notes and protocols, online or offline.',
  lang: 'en',
  dir: 'ltr',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  orientation: 'any',
  theme_color: THEME_COLOR,
  background_color: BACKGROUND_COLOR,
  categories: ['productivity', 'education'],
  translations: {
    fr: {
      name: 'Atelier',
      short_name: 'Atelier',
      description:
        'Un espace de travail pour les communautés de pratique du secteur public : rencontres, notes et protocoles partagés, en ligne ou hors ligne.'
    }
  }
};
