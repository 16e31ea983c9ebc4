import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  server: {
    // `npm run dev`: the engine runs on :8080 and answers the API.
    proxy: {
      '/api': 'http://localhost:8080',
    },
  },
  build: {
    // Maven packs target/classes into the jar; the engine serves static/ at /.
    outDir: 'target/classes/static',
    emptyOutDir: true,
    // The BPMN editor's chunk (bpmn-js with the Camunda properties panel, ~660 kB) loads only in the modeler;
    // every page a rep or manager opens stays far below this.
    chunkSizeWarningLimit: 800,
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/test/setup.ts'],
    // A page's first render loads its lazy chunk; on a busy 2-core machine that alone can take seconds.
    testTimeout: 15_000,
  },
});
