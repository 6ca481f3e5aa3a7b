import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { regionPacks } from './scripts/vite-region-packs.ts';

export default defineConfig({
  // Relative asset URLs: the built app works from any folder of an intranet server.
  base: './',
  plugins: [react(), regionPacks()],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // MapLibre in a chunk of its own: it changes less often than our code (better caching), and
        // the size budget of our own JavaScript can be read off the build output.
        codeSplitting: { groups: [{ name: 'maplibre', test: /node_modules[\\/]maplibre-gl/ }] },
      },
    },
  },
});
