import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Three bundles: the main process (Electron shell + the backend, which also
// runs in plain Node as `out/main/server.js` for browser mode), the preload
// bridge, and the React renderer.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'main/index.ts'),
          server: resolve(__dirname, 'main/server.ts'),
          // The backend in Electron's utility process.
          backend: resolve(__dirname, 'main/backend-process.ts'),
          // The backup's snapshot and integrity check in a worker thread (main/backend/backups/off-thread.ts).
          'backup-verify': resolve(__dirname, 'main/backend/backups/verify-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: { input: { index: resolve(__dirname, 'preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
