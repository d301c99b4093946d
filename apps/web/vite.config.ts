import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The web app: dev server proxies the API to the Sluice server; `vite build` writes dist/. */
export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      // The server refuses cross-origin writes, so the proxy presents the server's own origin.
      '/trpc': {
        target: 'http://127.0.0.1:4310',
        changeOrigin: true,
        headers: { origin: 'http://127.0.0.1:4310' },
      },
      '/files': { target: 'http://127.0.0.1:4310', changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Libraries change less often than the app: separate chunks stay cached across releases.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react-flow', test: /node_modules[\\/]@xyflow/ },
            { name: 'mantine', test: /node_modules[\\/]@mantine/ },
            { name: 'sql-parser', test: /node_modules[\\/]node-sql-parser/ },
            { name: 'vendor', test: /node_modules/ },
          ],
        },
      },
    },
  },
});
