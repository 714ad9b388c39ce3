import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The renderer: one build served by both hosts, with relative URLs so `app://` and http both work. */
export default defineConfig({
  root: 'renderer',
  base: './',
  publicDir: false,
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
});
