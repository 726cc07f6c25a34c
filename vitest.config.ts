import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    // Stylesheets read as text (?raw) by tests that check them; others stay empty.
    css: { include: [/\.css\?raw$/] },
    // The real electron module needs its binary; Electron glue is tested against a stand-in.
    alias: { electron: new URL('./test/electron-stand-in.ts', import.meta.url).pathname },
  },
});
