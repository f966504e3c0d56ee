import { defineConfig } from 'vite';

// Preact JSX through vite 8's built-in oxc transform: no @preact/preset-vite, one less plugin.
export const kioskUiConfig = defineConfig({
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The kiosk runs a current Chromium; no legacy transpilation needed.
    target: 'es2022',
  },
  server: {
    // During `npm run dev` the bridge runs separately on its default port; production serves both
    // from one origin. changeOrigin so the bridge's Host check sees its own address.
    proxy: { '/api': { target: 'http://127.0.0.1:8080', changeOrigin: true } },
  },
});

// Vite loads the config through its default export; the named export above is what our code reads.
export default kioskUiConfig;
