/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const locales = fileURLToPath(new URL('../locales', import.meta.url));

// Tauri loads ../ui/dist (see src-tauri) and, in development, this dev server.
export default defineConfig({
  plugins: [svelte(), svelteTesting()],
  clearScreen: false,
  base: './',
  server: {
    port: 1420,
    strictPort: true,
    // The .ftl files live in ../locales, shared with the Rust side.
    fs: { allow: [here, locales] },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
  },
  test: {
    environment: 'jsdom',
    globals: true,
    include: ['src/**/*.test.ts'],
    setupFiles: ['./src/test-setup.ts'],
    globalSetup: ['./src/test/record-asks.ts'],
  },
});
