import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The web app: dev server proxies the API to the Sluice server; `vite build` writes dist/. */
export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/trpc': { target: 'http://127.0.0.1:4310', changeOrigin: true } },
  },
  // Stage types name any Tabler icon as data, so the icon set is bundled whole (~5 MB raw).
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 7000 },
});
