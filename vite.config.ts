import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { kioskCsp } from './core/csp.ts';

/**
 * The kiosk's CSP as a meta tag in the built page too, so that it holds even where a host
 * forgets the header (and Electronegativity can see it). `frame-ancestors` only works as a
 * header, where both hosts send it.
 */
function cspMeta(): Plugin {
  const policy = kioskCsp('app://content')
    .split('; ')
    .filter((d) => !d.startsWith('frame-ancestors'))
    .join('; ');
  return {
    name: 'kiosk-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' },
    ],
  };
}

/** The renderer: one build served by both hosts, with relative URLs so `app://` and http both work. */
export default defineConfig({
  root: 'renderer',
  base: './',
  publicDir: false,
  plugins: [react(), cspMeta()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
});
