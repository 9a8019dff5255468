import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// electron-vite only auto-detects src/<scope>/, so every entry is named explicitly.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The converter thread is a module of its own, out/main/conversionWorker.js, beside index.js
      // where main/conversion/converterThread.ts looks for it.
      lib: {
        entry: { index: resolve(__dirname, 'main/index.ts'), conversionWorker: resolve(__dirname, 'main/conversion/conversionWorker.ts') },
        formats: ['es'],
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot be an ES module: emit CommonJS.
      lib: { entry: resolve(__dirname, 'preload/index.ts'), formats: ['cjs'] },
      rollupOptions: { output: { entryFileNames: 'index.cjs' } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
