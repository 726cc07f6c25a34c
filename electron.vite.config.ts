import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// lowdb and steno are ESM-only; bundling them keeps the CommonJS main build loadable.
const bundled = ['lowdb', 'steno'];

export default defineConfig({
  main: {
    build: {
      externalizeDeps: { exclude: bundled },
      rollupOptions: {
        // The web host and the command line share the services with the Electron main process,
        // so they are built alongside it and run with plain Node.
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          'web-host': resolve(__dirname, 'src/web-host/index.ts'),
          // Suggest and the gazetteer run in a worker thread (src/services/analysis.ts).
          'analysis-worker': resolve(__dirname, 'src/services/analysis-worker.ts'),
          // Files are converted to text in another (src/services/conversion.ts).
          'conversion-worker': resolve(__dirname, 'src/services/conversion-worker.ts'),
          cli: resolve(__dirname, 'src/cli/index.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } },
    },
  },
  renderer: {
    root: 'src/renderer',
    build: {
      // The web host serves this bundle too; minified it loads faster in a browser.
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
    plugins: [react()],
  },
});
