// Generates every icon (favicon, apple-touch, 192, 512, maskable) from one source image at build.
import { defineConfig, minimal2023Preset } from '@vite-pwa/assets-generator/config';

export default defineConfig({
  headLinkOptions: { preset: '2023' },
  preset: {
    ...minimal2023Preset,
    maskable: { ...minimal2023Preset.maskable, resizeOptions: { background: '#0b5566' } },
    apple: { ...minimal2023Preset.apple, resizeOptions: { background: '#0b5566' } }
  },
  images: ['static/atelier-icon.svg']
});
